using EvidenceTracker.Model;

namespace EvidenceTracker.Checking;

public sealed record CheckSummary(int Claims, int Sources, int Articles, int Errors, int Warnings, int Notes, IReadOnlyDictionary<SupportLevel, int> Support)
{
    /// <summary>Findings kept on purpose by <c>suppress:</c> (not in the counts above).</summary>
    public int Suppressed { get; init; }

    /// <summary>With a baseline: how many of its findings are still found (left out of the report), else null.</summary>
    public int? BaselineRemaining { get; init; }

    /// <summary>With a baseline: how many of its findings are no longer found.</summary>
    public int BaselineFixed { get; init; }
}
