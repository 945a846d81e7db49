using EvidenceTracker.Articles;
using EvidenceTracker.Diagnostics;

namespace EvidenceTracker.Model;

public enum Stance { Supports, Refutes, Mentions }
