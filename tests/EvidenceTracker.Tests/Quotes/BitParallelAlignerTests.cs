using EvidenceTracker.Quotes;

namespace EvidenceTracker.Tests.Quotes;

public class BitParallelAlignerTests
{
    /// <summary>Plain O(m·n) dynamic programme: best edit distance of the pattern to any substring ending at each text position.</summary>
    private static int[] NaiveSemiGlobal(string pattern, string text, bool anchored)
    {
        int m = pattern.Length;
        var column = new int[m + 1];
        for (int i = 0; i <= m; i++)
        {
            column[i] = i;
        }

        var scores = new int[text.Length];
        for (int j = 1; j <= text.Length; j++)
        {
            int diagonal = column[0];
            column[0] = anchored ? j : 0;
            for (int i = 1; i <= m; i++)
            {
                int previous = column[i];
                int cost = pattern[i - 1] == text[j - 1] ? 0 : 1;
                column[i] = Math.Min(Math.Min(column[i] + 1, column[i - 1] + 1), diagonal + cost);
                diagonal = previous;
            }

            scores[j - 1] = column[m];
        }

        return scores;
    }

    private static string RandomText(Random random, int length, string alphabet)
    {
        var chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(128)]
    [InlineData(200)]
    public void Semi_global_distance_equals_the_naive_dynamic_programme(int patternLength)
    {
        var random = new Random(patternLength);
        for (int trial = 0; trial < 30; trial++)
        {
            string alphabet = trial % 2 == 0 ? "abc" : "ab中文 ";
            string pattern = RandomText(random, patternLength, alphabet);
            string text = RandomText(random, random.Next(1, 400), alphabet);
            int[] naive = NaiveSemiGlobal(pattern, text, anchored: false);
            int expected = naive.Min();
            int expectedEnd = Array.IndexOf(naive, expected) + 1;

            (int end, int distance) = new BitParallelAligner(pattern).BestSubstringEnd(text);
            Assert.Equal(expected, distance);
            Assert.Equal(expectedEnd, end);
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(64)]
    [InlineData(97)]
    public void Anchored_backward_scan_equals_the_naive_dynamic_programme(int patternLength)
    {
        var random = new Random(1000 + patternLength);
        for (int trial = 0; trial < 30; trial++)
        {
            string pattern = RandomText(random, patternLength, "abcd");
            string text = RandomText(random, random.Next(1, 300), "abcd");
            int end = random.Next(1, text.Length + 1);

            char[] reversedPattern = pattern.ToCharArray();
            Array.Reverse(reversedPattern);
            char[] reversedPrefix = text[..end].ToCharArray();
            Array.Reverse(reversedPrefix);
            int[] naive = NaiveSemiGlobal(new string(reversedPattern), new string(reversedPrefix), anchored: true);
            int expected = Math.Min(patternLength, naive.Min()); // length 0 costs the pattern length

            (int length, int distance) = new BitParallelAligner(reversedPattern).BestPrefixLengthBackwards(text, end, int.MaxValue);
            Assert.Equal(expected, distance);
            int naiveAtLength = length == 0 ? patternLength : naive[length - 1];
            Assert.Equal(expected, naiveAtLength);
        }
    }

    [Fact]
    public void Empty_pattern_is_rejected() =>
        Assert.Throws<ArgumentException>(() => new BitParallelAligner(ReadOnlySpan<char>.Empty));
}
