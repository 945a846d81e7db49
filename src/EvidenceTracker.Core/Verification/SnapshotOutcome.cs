
namespace EvidenceTracker.Verification;

public sealed record SnapshotOutcome(SnapshotArchive? Archive, SnapshotFailure Failure, string? Message)
{
    public static SnapshotOutcome Refused(string message) => new(null, SnapshotFailure.Refused, message);

    public static SnapshotOutcome NoSuchFile(string message) => new(null, SnapshotFailure.NoSuchFile, message);
}
