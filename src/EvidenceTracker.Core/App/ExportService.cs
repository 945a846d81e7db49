using EvidenceTracker.Bibliography;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Loading;
using EvidenceTracker.Storage;

namespace EvidenceTracker.App;

/// <summary>What <c>evidence export</c> was asked to do.</summary>
public sealed record ExportSettings
{
    public required string Root { get; init; }
    public required string Format { get; init; }
    /// <summary>The file to write (relative to <see cref="WorkingDirectory"/> or absolute); null: the text is returned.</summary>
    public string? Output { get; init; }
    /// <summary>The directory a relative <see cref="Output"/> is resolved against (full path).</summary>
    public required string WorkingDirectory { get; init; }
}

/// <summary>What an export did: the text (when not written to a file), how many sources, how many source files were unreadable.</summary>
public sealed record ExportResult(string? Text, int Exported, int BrokenFiles)
{
    /// <summary>Some source files could not be read; the others were exported.</summary>
    public bool Partial => BrokenFiles > 0;
}

/// <summary><c>evidence export</c>: the loaded sources as a bibliography, written atomically to a file or returned.</summary>
public static class ExportService
{
    public static ExportResult Run(ExportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var set = RepositoryLoader.Load(settings.Root);
        var text = BibliographyExporter.Export(set.Sources, settings.Format);
        if (settings.Output is { } path)
        {
            AtomicFile.Write(Path.GetFullPath(path, settings.WorkingDirectory), text);
        }
        var broken = set.LoadFindings
            .Where(f => f.Severity == Severity.Error && f.File is { } file && file.StartsWith("sources/", StringComparison.Ordinal))
            .Select(f => f.File).Distinct().Count();
        var count = set.Sources.Select(s => s.Id).Distinct().Count();
        return new ExportResult(settings.Output is null ? text : null, count, broken);
    }
}
