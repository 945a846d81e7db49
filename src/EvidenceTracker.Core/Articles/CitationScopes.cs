namespace EvidenceTracker.Articles;

/// <summary>
/// Which sentences a footnote marker supports. Adjacent markers (<c>[^1][^5]</c>, or separated by white space only)
/// form one group. A group supports the sentence it ends (<see cref="CitationScope.Sentence"/>) or every sentence of
/// its block since the previous group (<see cref="CitationScope.Run"/>); a group in the same sentence as the previous
/// one supports that sentence.
/// </summary>
public static class CitationScopes
{
    public static bool TryParse(string? text, out CitationScope scope)
    {
        switch (text)
        {
            case null or "" or "run":
                scope = CitationScope.Run;
                return true;
            case "sentence":
                scope = CitationScope.Sentence;
                return true;
            default:
                scope = CitationScope.Run;
                return false;
        }
    }

    internal static CitedPassage[] Compute(ArticleDocument document, CitationScope scope)
    {
        var passages = new List<CitedPassage>();
        for (var b = 0; b < document.Blocks.Count; b++)
        {
            var block = document.Blocks[b];
            if (block.Citations.Count > 0 && block.Sentences.Count > 0)
            {
                var first = passages.Count;
                PandocPassages(block, b, passages);
                if (block.Markers.Count > 0)
                {
                    var keyed = passages.GetRange(first, passages.Count - first);
                    passages.RemoveRange(first, passages.Count - first);
                    MarkerPassages(block, b, scope, passages);
                    passages.AddRange(keyed);
                    passages.Sort(first, passages.Count - first, Comparer<CitedPassage>.Create((x, y) =>
                        x.LastSentence != y.LastSentence ? x.LastSentence.CompareTo(y.LastSentence) : x.Keys.Count.CompareTo(y.Keys.Count)));
                }
                continue;
            }
            if (block.Markers.Count == 0 || block.Sentences.Count == 0)
            {
                continue;
            }
            MarkerPassages(block, b, scope, passages);
        }
        return passages.ToArray();
    }

    /// <summary>A Pandoc citation supports the sentence that holds it: one passage per sentence with citation keys.</summary>
    private static void PandocPassages(ArticleBlock block, int b, List<CitedPassage> passages)
    {
        var k = 0;
        var cursor = 0;
        while (k < block.Citations.Count)
        {
            var sentence = cursor = HolderOf(block, block.Citations[k].TextOffset, cursor);
            var keys = new List<CitationKeyUse> { block.Citations[k] };
            k++;
            while (k < block.Citations.Count && HolderOf(block, block.Citations[k].TextOffset, cursor) == sentence)
            {
                keys.Add(block.Citations[k]);
                k++;
            }
            var s = block.Sentences[sentence];
            passages.Add(new CitedPassage
            {
                Block = b, FirstSentence = sentence, LastSentence = sentence, Markers = [], Keys = keys,
                Text = block.Text[s.Start..s.End], Position = s.Position,
            });
        }
    }

    /// <summary>The sentence that holds an offset: the last one that starts at or before it (or the first).</summary>
    private static int HolderOf(ArticleBlock block, int offset, int from)
    {
        var result = from;
        for (var k = from + 1; k < block.Sentences.Count && block.Sentences[k].Start <= offset; k++)
        {
            result = k;
        }
        return result;
    }

    private static void MarkerPassages(ArticleBlock block, int b, CitationScope scope, List<CitedPassage> passages)
    {
        {
            var previous = -1; // the last sentence covered by the previous group
            var cursor = 0;    // markers come in text order: the sentence search only moves forward
            var i = 0;
            while (i < block.Markers.Count)
            {
                var group = new List<FootnoteMarker> { block.Markers[i] };
                var j = i + 1;
                while (j < block.Markers.Count && OnlySpaceBetween(block.Text, block.Markers[j - 1].TextOffset, block.Markers[j].TextOffset))
                {
                    group.Add(block.Markers[j]);
                    j++;
                }
                i = j;
                var sentence = cursor = SentenceOf(block, group[0].TextOffset, cursor);
                var first = scope == CitationScope.Sentence || sentence <= previous ? sentence : previous + 1;
                var s = block.Sentences[first];
                var e = block.Sentences[sentence];
                // groups in one sentence cite the same passage: its text is cut once, not once a group
                var same = passages.Count > 0 && passages[^1] is { } last && last.Block == b && last.FirstSentence == first && last.LastSentence == sentence;
                passages.Add(new CitedPassage
                {
                    Block = b,
                    FirstSentence = first,
                    LastSentence = sentence,
                    Markers = group,
                    Text = same ? passages[^1].Text : block.Text[s.Start..e.End],
                    Position = s.Position,
                });
                previous = sentence;
            }
        }
    }

    private static bool OnlySpaceBetween(string text, int from, int to)
    {
        for (var k = from; k < to && k < text.Length; k++)
        {
            if (!char.IsWhiteSpace(text[k]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The sentence a marker at <paramref name="offset"/> ends: the last one starting before it (or the first).</summary>
    private static int SentenceOf(ArticleBlock block, int offset, int from)
    {
        var result = from;
        for (var k = from + 1; k < block.Sentences.Count && block.Sentences[k].Start < offset; k++)
        {
            result = k;
        }
        return result;
    }
}
