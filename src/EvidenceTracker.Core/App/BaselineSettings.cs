
namespace EvidenceTracker.App;

public sealed record BaselineSettings
{
    public required string Root { get; init; }
    /// <summary>The baseline file to write (full path).</summary>
    public required string Output { get; init; }
}
