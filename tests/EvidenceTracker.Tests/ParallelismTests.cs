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

    [Fact]
    public void Two_stages_below_the_threshold_run_one_after_the_other_on_the_calling_thread()
    {
        var caller = Environment.CurrentManagedThreadId;
        var seen = new List<(string Stage, int Thread)>();
        Parallelism.Beside(7, 8, () => seen.Add(("first", Environment.CurrentManagedThreadId)), () => seen.Add(("second", Environment.CurrentManagedThreadId)));
        Assert.Equal(["first", "second"], seen.Select(s => s.Stage));
        Assert.All(seen, s => Assert.Equal(caller, s.Thread));
    }

    [Fact]
    public void Two_stages_at_the_threshold_run_at_once()
    {
        // Each waits for the other to have started: they finish only if they run at the same time.
        using var first = new ManualResetEventSlim();
        using var second = new ManualResetEventSlim();
        var both = 0;
        Parallelism.Beside(8, 8,
            () => { first.Set(); if (second.Wait(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)) { Interlocked.Increment(ref both); } },
            () => { second.Set(); if (first.Wait(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)) { Interlocked.Increment(ref both); } });
        Assert.Equal(2, both);
    }
}
