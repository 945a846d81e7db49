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
            if (block.Markers.Count == 0 || block.Sentences.Count == 0)
            {
                continue;
            }
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
        return passages.ToArray();
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
