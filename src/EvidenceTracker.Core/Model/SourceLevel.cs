
namespace EvidenceTracker.Model;

public enum SourceLevel { Primary, Secondary }
