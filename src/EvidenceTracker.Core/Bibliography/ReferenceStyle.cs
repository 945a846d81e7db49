using System.Text.RegularExpressions;

namespace EvidenceTracker.Bibliography;

public enum ReferenceStyle { GbT7714, Apa, Vancouver }
