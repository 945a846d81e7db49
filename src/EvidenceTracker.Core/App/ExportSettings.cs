using EvidenceTracker.Model;

namespace EvidenceTracker.App;

/// <summary>What <c>evidence export</c> was asked to do.</summary>
public sealed record ExportSettings
{
    public required string Root { get; init; }
    public required BibliographyFormat Format { get; init; }
    /// <summary>The file to write (relative to <see cref="WorkingDirectory"/> or absolute); null: the text is returned.</summary>
    public string? Output { get; init; }
    /// <summary>The directory a relative <see cref="Output"/> is resolved against (full path).</summary>
    public required string WorkingDirectory { get; init; }
}
