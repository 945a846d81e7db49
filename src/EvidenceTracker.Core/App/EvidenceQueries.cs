using EvidenceTracker.Checking;
using EvidenceTracker.Loading;
using EvidenceTracker.Model;
using EvidenceTracker.Bibliography;

namespace EvidenceTracker.App;

/// <summary>The application layer: each command's one service over the loaded evidence.</summary>
public static class EvidenceQueries
{
    /// <summary>Loads and checks the repository; <paramref name="observer"/>, when given, is told the timings, loading included.</summary>
    public static CheckReport Check(string root, ICheckObserver? observer = null)
    {
        var loading = System.Diagnostics.Stopwatch.StartNew();
        var cpu = Environment.CpuUsage.TotalTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var paused = GC.GetTotalPauseDuration();
        var set = RepositoryLoader.Load(root);
        cpu = Environment.CpuUsage.TotalTime - cpu;
        allocated = GC.GetTotalAllocatedBytes() - allocated;
        paused = GC.GetTotalPauseDuration() - paused;
        loading.Stop();
        return Checker.Run(set, observer is null ? null
            : new CheckObserver(t => observer.Timed(t with { Load = loading.Elapsed, LoadCpu = cpu, LoadAllocated = allocated, LoadPaused = paused })));
    }

    /// <summary>The rows of <c>evidence list</c>, filtered; claims carry their status.</summary>
    public static (CheckReport Report, IReadOnlyList<ClaimStatus> Claims) ListClaims(ListSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var report = Check(settings.Root);
        var rows = report.Claims
            .Where(c => settings.Support is not { } s || c.Support == s)
            .Where(c => settings.Tag is not { } t || c.Claim.Tags.Contains(t, StringComparer.Ordinal))
            .OrderBy(c => c.Claim.Id, StringComparer.Ordinal)
            .ToList();
        return (report, rows);
    }

    public static ShowResult? Show(ShowSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var report = Check(settings.Root);
        var claim = report.Claims.FirstOrDefault(c => c.Claim.Id == settings.Id);
        if (claim is not null)
        {
            return new ShowResult
            {
                Claim = claim,
                Findings = report.Findings.Where(f => f.Claim == claim.Claim.Id).ToList(),
                Report = report,
            };
        }
        var source = report.Set.Sources.FirstOrDefault(s => s.Id == settings.Id);
        if (source is null)
        {
            return null;
        }
        return new ShowResult
        {
            Source = source,
            Reference = ReferenceFormatter.Format(source, ReferenceFormatter.DefaultStyle(report.Set.Config, report.Set.Articles, report.Set.Sources)),
            Findings = report.Findings.Where(f => f.Source == source.Id && f.Claim is null).ToList(),
            CitedBy = report.Claims.Where(c => c.Claim.Citations.Any(x => x.Source == source.Id)).OrderBy(c => c.Claim.Id, StringComparer.Ordinal).ToList(),
            Report = report,
        };
    }

    /// <summary>The nearest claim or source id, for "did you mean".</summary>
    public static string? Suggest(CheckReport report, string id)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Values.Nearest(id, report.Set.Claims.Select(c => c.Id).Concat(report.Set.Sources.Select(s => s.Id)));
    }
}
