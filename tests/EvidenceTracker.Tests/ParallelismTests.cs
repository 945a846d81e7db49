namespace EvidenceTracker.Tests;

public class ParallelismTests
{
    [Theory]
    [InlineData(0, 8)]
    [InlineData(7, 8)]
    [InlineData(8, 8)]
    [InlineData(1000, 2)]
    public void Every_index_runs_exactly_once_below_and_above_the_threshold(int count, int threshold)
    {
        var runs = new int[count];
        Parallelism.For(count, threshold, i => Interlocked.Increment(ref runs[i]));
        Assert.All(runs, r => Assert.Equal(1, r));
    }

    [Fact]
    public void Below_the_threshold_the_items_run_in_order_on_the_calling_thread()
    {
        var caller = Environment.CurrentManagedThreadId;
        var seen = new List<(int Index, int Thread)>();
        Parallelism.For(7, 8, i => seen.Add((i, Environment.CurrentManagedThreadId)));
        Assert.Equal(Enumerable.Range(0, 7), seen.Select(s => s.Index));
        Assert.All(seen, s => Assert.Equal(caller, s.Thread));
    }
}
