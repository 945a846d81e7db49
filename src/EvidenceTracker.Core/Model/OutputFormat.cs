
namespace EvidenceTracker.Model;

/// <summary>
/// The output of the commands that print text or JSON (<c>list</c>, <c>show</c>, <c>import</c>, <c>snapshot</c>, <c>add</c>,
/// <c>cite</c>, <c>set</c>: <c>--format</c>). The spellings are <see cref="Names.OutputFormats"/>, in this order;
/// <see cref="Text"/>, the first, is the default.
/// </summary>
public enum OutputFormat { Text, Json }
