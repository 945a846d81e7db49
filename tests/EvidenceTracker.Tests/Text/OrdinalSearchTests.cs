using EvidenceTracker.Text;

namespace EvidenceTracker.Tests.Text;

public class OrdinalSearchTests
{
    private static List<int> Naive(string text, string pattern, int start)
    {
        var all = new List<int>();
        for (var i = start; i + pattern.Length <= text.Length; i++)
        {
            if (string.CompareOrdinal(text, i, pattern, 0, pattern.Length) == 0)
            {
                all.Add(i);
            }
        }
        return all;
    }

    [Fact]
    public void It_finds_what_a_character_by_character_search_finds_in_thousands_of_random_texts()
    {
        var random = new Random(18);
        for (var round = 0; round < 3_000; round++)
        {
            var alphabet = round % 3 == 0 ? "ab" : round % 3 == 1 ? "abc" : "ac ";
            var text = new string([.. Enumerable.Range(0, random.Next(0, 300)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var pattern = random.Next(4) == 0 && text.Length > 20
                ? text.Substring(random.Next(text.Length - 20), random.Next(1, 20))
                : new string([.. Enumerable.Range(0, random.Next(1, 30)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var start = random.Next(0, text.Length + 1);
            var expected = Naive(text, pattern, start);
            var search = new OrdinalSearch(pattern);
            Assert.Equal(expected, search.FindAll(text, start, int.MaxValue));
            Assert.Equal(expected.Count > 0 ? expected[0] : -1, search.IndexOf(text, start));
            Assert.Equal([.. expected.Take(3)], search.FindAll(text, start, 3));
        }
    }

    [Fact]
    public void A_periodic_pattern_in_a_periodic_text_is_found_with_work_linear_in_both()
    {
        var half = string.Concat(Enumerable.Repeat("ac", 50_000));
        var pattern = half + "bb" + half;
        var text = string.Concat(Enumerable.Repeat("ac", 500_000)) + pattern;
        var search = new OrdinalSearch(pattern);
        Assert.Equal(1_000_000, search.IndexOf(text));
        // Comparing the pattern at every candidate would cost 500,000 × 100,000 characters.
        Assert.InRange(search.Compared, 1, 4L * (text.Length + pattern.Length));
    }

    [Fact]
    public void Every_occurrence_of_a_run_in_a_run_is_listed_with_work_linear_in_the_text()
    {
        var text = new string('a', 200_000);
        var search = new OrdinalSearch(new string('a', 10_000));
        var all = search.FindAll(text, 0, int.MaxValue);
        Assert.Equal(190_001, all.Count);
        Assert.Equal(190_000, all[^1]);
        Assert.InRange(search.Compared, 1, 4L * (text.Length + 10_000));
    }

    [Fact]
    public void The_empty_pattern_is_found_at_the_start_and_a_start_past_the_end_finds_nothing()
    {
        Assert.Equal(3, new OrdinalSearch("").IndexOf("abcdef", 3));
        Assert.Equal(-1, new OrdinalSearch("a").IndexOf("abc", 4));
        Assert.Equal(-1, new OrdinalSearch("abcdefghijk").IndexOf("abc"));
    }
}
