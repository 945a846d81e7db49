
namespace EvidenceTracker.App;

public enum ListKind { Claims, Sources, Articles }
