using EvidenceTracker.Model;
using EvidenceTracker.Storage;

namespace EvidenceTracker.Verification;

/// <summary>What <c>evidence snapshot SOURCE FILE</c> is asked to do.</summary>
public sealed record SnapshotSettings
{
    public required string Root { get; init; }

    /// <summary>The source's id.</summary>
    public required string Source { get; init; }

    /// <summary>The file to archive, as the user wrote it: absolute, or relative to <see cref="WorkingDirectory"/>; symbolic links are resolved.</summary>
    public required string File { get; init; }

    public required string WorkingDirectory { get; init; }

    /// <summary>The date recorded as <c>archived</c> (the command passes today's UTC date).</summary>
    public required DateOnly Today { get; init; }

    public OutputFormat Format { get; init; }

    /// <summary>How long to wait while another edit of the sources folder finishes (<see cref="EditLock.DefaultTimeout"/> when null).</summary>
    public TimeSpan? LockTimeout { get; init; }

    /// <summary>A test seam: called after each write step, to stop the command there as a kill would.</summary>
    internal Action<SnapshotStep>? AfterStep { get; init; }
}

/// <summary>The write steps of <c>evidence snapshot</c>, in order.</summary>
internal enum SnapshotStep
{
    /// <summary>The snapshot is written under its new name; nothing refers to it yet.</summary>
    SnapshotWritten,

    /// <summary>The source file now records the new snapshot (the commit point).</summary>
    SourceRecorded,

    /// <summary>The previous snapshot and earlier strays of the source, if the tool wrote them, are removed.</summary>
    StraysRemoved,
}
