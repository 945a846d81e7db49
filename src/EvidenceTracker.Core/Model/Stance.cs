
namespace EvidenceTracker.Model;

public enum Stance { Supports, Refutes, Mentions }
