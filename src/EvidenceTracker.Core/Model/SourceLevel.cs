using EvidenceTracker.Articles;
using EvidenceTracker.Diagnostics;

namespace EvidenceTracker.Model;

public enum SourceLevel { Primary, Secondary }
