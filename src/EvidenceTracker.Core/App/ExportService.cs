using EvidenceTracker.Bibliography;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Loading;
using EvidenceTracker.Storage;

namespace EvidenceTracker.App;

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
            OutputFile.Write(Path.GetFullPath(path, settings.WorkingDirectory), writer => writer.Write(text), set.Root);
        }
        var broken = set.LoadFindings
            .Where(f => f.Severity == Severity.Error && f.File is { } file && file.StartsWith("sources/", StringComparison.Ordinal))
            .Select(f => f.File).Distinct().Count();
        var count = set.Sources.Select(s => s.Id).Distinct().Count();
        return new ExportResult(settings.Output is null ? text : null, count, broken);
    }
}
