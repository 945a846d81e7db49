
namespace EvidenceTracker.App;

/// <summary>What an export did: the text (when not written to a file), how many sources, how many source files were unreadable.</summary>
public sealed record ExportResult(string? Text, int Exported, int BrokenFiles)
{
    /// <summary>Some source files could not be read; the others were exported.</summary>
    public bool Partial => BrokenFiles > 0;
}
