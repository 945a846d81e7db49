using EvidenceTracker.Checking;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Loading;
using EvidenceTracker.Model;

namespace EvidenceTracker.App;

public sealed record CheckSettings
{
    public required string Root { get; init; }
    public string Format { get; init; } = "text";
    public string? Output { get; init; }
    /// <summary>A baseline file (full path): its findings are left out of the report and the exit code.</summary>
    public string? Baseline { get; init; }
}

public enum ListKind { Claims, Sources, Articles }

public sealed record ListSettings
{
    public required string Root { get; init; }
    public required ListKind Kind { get; init; }
    public SupportLevel? Support { get; init; }
    public string? Tag { get; init; }
    public string Format { get; init; } = "text";
}

public sealed record ShowSettings
{
    public required string Root { get; init; }
    public required string Id { get; init; }
    public string Format { get; init; } = "text";
}

/// <summary>What <c>evidence show</c> found: a claim (with its status) or a source, and their findings.</summary>
public sealed record ShowResult
{
    public ClaimStatus? Claim { get; init; }
    public Source? Source { get; init; }
    public IReadOnlyList<Finding> Findings { get; init; } = [];
    /// <summary>Claims citing the shown source.</summary>
    public IReadOnlyList<ClaimStatus> CitedBy { get; init; } = [];
    public required CheckReport Report { get; init; }
}

/// <summary>The application layer: each command's one service over the loaded evidence.</summary>
public static class EvidenceQueries
{
    public static CheckReport Check(string root)
    {
        var loading = System.Diagnostics.Stopwatch.StartNew();
        var cpu = Environment.CpuUsage.TotalTime;
        var set = RepositoryLoader.Load(root);
        cpu = Environment.CpuUsage.TotalTime - cpu;
        loading.Stop();
        var report = Checker.Run(set);
        return report.Timings is { } t ? report with { Timings = t with { Load = loading.Elapsed, LoadCpu = cpu } } : report;
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
