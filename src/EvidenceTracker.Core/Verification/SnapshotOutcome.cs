using System.Globalization;
using System.Text;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Loading;
using EvidenceTracker.Model;
using EvidenceTracker.Quotes;
using EvidenceTracker.Storage;
using EvidenceTracker.Yaml;

namespace EvidenceTracker.Verification;

public sealed record SnapshotOutcome(SnapshotArchive? Archive, SnapshotFailure Failure, string? Message)
{
    public static SnapshotOutcome Refused(string message) => new(null, SnapshotFailure.Refused, message);

    public static SnapshotOutcome NoSuchFile(string message) => new(null, SnapshotFailure.NoSuchFile, message);
}
