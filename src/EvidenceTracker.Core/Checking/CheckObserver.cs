namespace EvidenceTracker.Checking;

/// <summary>An observer that hands the timings to a delegate.</summary>
public sealed class CheckObserver(Action<CheckTimings> timed) : ICheckObserver
{
    public void Timed(CheckTimings timings) => timed(timings);
}
