using EvidenceTracker.Articles;

namespace EvidenceTracker.Tests.Articles;

public class OffsetMapTests
{
    [Fact]
    public void Runs_of_offsets_map_every_index_as_the_list_they_were_made_from()
    {
        var random = new Random(11);
        for (var round = 0; round < 2_000; round++)
        {
            var offsets = new List<int>();
            var at = random.Next(50);
            for (var n = random.Next(200); offsets.Count < n;)
            {
                // mostly consecutive, with the jumps markup makes: forward, back (a marker's anchor) and repeats
                at += random.Next(10) switch { 0 => random.Next(2, 40), 1 => -random.Next(0, Math.Min(at, 5) + 1), _ => 1 };
                offsets.Add(Math.Max(0, at));
            }
            var end = offsets.Count > 0 ? offsets[^1] + 1 : random.Next(3);
            var map = OffsetMap.Of(offsets, end);
            Assert.Equal(offsets.Count + 1, map.Length);
            for (var i = 0; i < offsets.Count; i++)
            {
                Assert.Equal(offsets[i], map[i]);
            }
            Assert.Equal(end, map[offsets.Count]);
        }
    }

    [Fact]
    public void A_plain_paragraph_is_one_run()
    {
        var map = OffsetMap.Of([.. Enumerable.Range(100, 5_000)], 5_100);
        Assert.Equal(5_001, map.Length);
        Assert.Equal(100, map[0]);
        Assert.Equal(2_600, map[2_500]);
        Assert.Equal(5_100, map[5_000]);
        Assert.Throws<ArgumentOutOfRangeException>(() => map[5_001]);
    }
}
