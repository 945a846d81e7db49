using EvidenceTracker.Checking;
using EvidenceTracker.Storage;

namespace EvidenceTracker.App;

/// <summary>Writes the current findings of a repository as a baseline.</summary>
public static class BaselineService
{
    public static BaselineResult Write(BaselineSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (OutputFile.EvidenceProblem(settings.Output, settings.Root) is { } problem)
        {
            throw new IOException(problem); // a one-line error (exit 2), as for check and export --output
        }
        var report = EvidenceQueries.Check(settings.Root);
        if (File.Exists(settings.Output) && !Baseline.IsBaseline(settings.Output) || Directory.Exists(settings.Output))
        {
            return new BaselineResult(0, Refused: true);
        }
        AtomicFile.Write(settings.Output, writer => Baseline.Write(report, writer));
        return new BaselineResult(Baseline.CountOf(report), Refused: false);
    }
}
