
namespace EvidenceTracker.Model;

/// <summary>
/// The formats of <c>evidence check</c>'s report (<c>--format</c>). The spellings are <see cref="Names.ReportFormats"/>,
/// in this order; <see cref="Text"/>, the first, is the default.
/// </summary>
public enum ReportFormat { Text, Json, Sarif, Github, Junit }
