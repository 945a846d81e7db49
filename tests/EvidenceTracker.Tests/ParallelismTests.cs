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

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(Parallelism.SortedItems - 1)]
    [InlineData(Parallelism.SortedItems)]
    [InlineData(50_001)]
    public void A_sort_on_two_threads_orders_as_a_sort_on_one(int count)
    {
        var random = new Random(count);
        var items = Enumerable.Range(0, count).Select(i => (Key: random.Next(count / 3 + 1), Id: i)).ToList();
        // distinct items under the comparison: one order is right
        var expected = items.OrderBy(x => x.Key).ThenBy(x => x.Id).ToList();
        var sorted = Parallelism.Sort([.. items], (a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Id.CompareTo(b.Id));
        Assert.Equal(expected, sorted);
    }

    [Fact]
    public void A_sort_on_two_threads_keeps_every_item_and_orders_ties_the_same_way_each_run()
    {
        var random = new Random(7);
        var items = Enumerable.Range(0, 40_000).Select(i => (Key: random.Next(100), Id: i)).ToList();
        Comparison<(int Key, int Id)> byKey = (a, b) => a.Key.CompareTo(b.Key);
        var first = Parallelism.Sort([.. items], byKey);
        var second = Parallelism.Sort([.. items], byKey);
        Assert.Equal(first, second);
        Assert.Equal(items.OrderBy(x => x.Id), first.OrderBy(x => x.Id));
        Assert.True(first.Zip(first.Skip(1)).All(p => p.First.Key <= p.Second.Key));
    }
}
