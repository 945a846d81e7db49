
namespace EvidenceTracker.Importing;

public enum ImportKind { Article, Source, Claim }
