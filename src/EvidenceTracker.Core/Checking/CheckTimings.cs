using EvidenceTracker.Diagnostics;

namespace EvidenceTracker.Checking;

/// <summary>Where the time of a check went (for benchmarks: EVIDENCE_TIMINGS=1 prints it).</summary>
public sealed record CheckTimings(TimeSpan Load, TimeSpan Rules, TimeSpan Verification, int Snapshots, int Quotes)
{
    /// <summary>Of <see cref="Verification"/>: reading, hashing, extracting and indexing the snapshots.</summary>
    public TimeSpan Snapshotting { get; init; }

    /// <summary>Of <see cref="Verification"/>: looking quotes up, comparing figures, walking chains.</summary>
    public TimeSpan Claims { get; init; }

    /// <summary>Processor time (all threads) spent loading; a fairer measure than wall time on a busy machine.</summary>
    public TimeSpan LoadCpu { get; init; }

    /// <summary>Processor time (all threads) spent verifying.</summary>
    public TimeSpan VerificationCpu { get; init; }

    /// <summary>Bytes allocated (all threads) while loading.</summary>
    public long LoadAllocated { get; init; }

    /// <summary>Time the garbage collector paused the program while loading.</summary>
    public TimeSpan LoadPaused { get; init; }

    /// <summary>Each stage of the rules, in the order they ran (verification included).</summary>
    public IReadOnlyList<CheckStage> Stages { get; init; } = [];
}

/// <summary>
/// One stage of a check: its wall time, the bytes allocated (all threads) while it ran and the time the garbage collector
/// paused the program meanwhile.
/// </summary>
public readonly record struct CheckStage(string Name, TimeSpan Time, long Allocated, TimeSpan Paused);
