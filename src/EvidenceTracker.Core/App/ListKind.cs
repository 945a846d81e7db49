using EvidenceTracker.Checking;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Loading;
using EvidenceTracker.Model;
using EvidenceTracker.Bibliography;

namespace EvidenceTracker.App;

public enum ListKind { Claims, Sources, Articles }
