using EvidenceTracker.Authoring;
using EvidenceTracker.Articles;

namespace EvidenceTracker.Importing;

/// <summary>A BCP 47 language tag from the script of a text: zh, ja, ko, or en for English prose; null when unsure.</summary>
public static class Languages
{
    private static readonly HashSet<string> EnglishWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "of", "and", "to", "in", "is", "that", "for", "on", "with", "as", "by", "was", "are", "from", "it", "this", "at", "an", "be",
    };

    /// <summary>The language of an article, from its body text.</summary>
    public static string? OfArticle(ArticleDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return OfText(string.Join('\n', document.Blocks.Select(b => b.Text)), minEnglishShare: 0.05);
    }

    /// <summary>The language of a source from its title when the script tells, else the article's.</summary>
    public static string? Of(string title, string? articleLanguage)
    {
        ArgumentNullException.ThrowIfNull(title);
        var byScript = OfText(title, minEnglishShare: 0.15);
        return byScript ?? (Slugs.IsLatin(title) && articleLanguage == "en" ? "en" : Slugs.IsLatin(title) ? null : articleLanguage);
    }

    private static string? OfText(string text, double minEnglishShare)
    {
        int han = 0, kana = 0, hangul = 0, latin = 0;
        foreach (var c in text)
        {
            if (c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF')
            {
                han++;
            }
            else if (c is >= '\u3040' and <= '\u30FF')
            {
                kana++;
            }
            else if (c is >= '\uAC00' and <= '\uD7AF')
            {
                hangul++;
            }
            else if (char.IsAsciiLetter(c))
            {
                latin++;
            }
        }
        var cjk = han + kana + hangul;
        // A CJK character carries about a word; Latin letters about five to a word.
        if (cjk > 0 && cjk * 5 >= latin)
        {
            return hangul > han + kana ? "ko" : kana * 10 >= han && kana > 0 ? "ja" : "zh";
        }
        if (latin == 0)
        {
            return null;
        }
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '“', '”'))
            .Where(w => w.Length > 0)
            .ToList();
        var english = words.Count(EnglishWords.Contains);
        return words.Count > 0 && english >= Math.Max(1, minEnglishShare * words.Count) ? "en" : null;
    }
}
