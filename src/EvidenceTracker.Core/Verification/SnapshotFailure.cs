
namespace EvidenceTracker.Verification;

/// <summary>Why a snapshot was not taken: the data refused it (an unknown source, a file that is not
/// UTF-8, empty, or a PDF without text), or the file named does not exist or cannot be resolved. The command line maps each to an exit code.</summary>
public enum SnapshotFailure { None, Refused, NoSuchFile }
