using EvidenceTracker.Articles;
using EvidenceTracker.Diagnostics;

namespace EvidenceTracker.Model;

public enum Verdict { Supported, PartlySupported, Unsupported, Contradicted, Unverifiable }
