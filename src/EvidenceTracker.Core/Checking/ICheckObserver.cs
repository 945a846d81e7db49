namespace EvidenceTracker.Checking;

/// <summary>Told where the time of a check went; for benchmarks (EVIDENCE_TIMINGS=1 prints it). Optional: a check
/// without an observer reports nothing of its timing.</summary>
public interface ICheckObserver
{
    void Timed(CheckTimings timings);
}
