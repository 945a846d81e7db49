namespace EvidenceTracker.Text;

/// <summary>Character classification and width folding shared by the text-analysis components.</summary>
internal static class CharInfo
{
    /// <summary>
    /// Folds full-width ASCII variants (digits, letters, ％, ．, ～ …) and the ideographic space to ASCII,
    /// one character for one character, so offsets into the folded string are offsets into the original.
    /// The full-width comma is deliberately kept: in Chinese it separates list items, never thousands.
    /// </summary>
    public static string Fold(string text)
    {
        char[]? buffer = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            char f = FoldChar(c);
            if (f != c)
            {
                buffer ??= text.ToCharArray();
                buffer[i] = f;
            }
        }

        return buffer is null ? text : new string(buffer);
    }

    public static char FoldChar(char c) => c switch
    {
        '\u3000' => ' ',
        '\uFF0C' => c,
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u2212' => '-',
        _ => c,
    };

    public static bool IsDigit(char c) => char.IsAsciiDigit(c);

    public static bool IsLatinLetter(char c) =>
        char.IsAsciiLetter(c) || (c >= '\u00C0' && c <= '\u024F' && char.IsLetter(c));

    public static bool IsLatinLetterOrDigit(char c) => IsLatinLetter(c) || IsDigit(c);

    public static bool IsLowerLatin(char c) => IsLatinLetter(c) && char.IsLower(c);

    /// <summary>CJK unified ideographs (incl. extension A and compatibility ideographs) and 〇.</summary>
    public static bool IsIdeograph(char c) =>
        (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || (c >= '\uF900' && c <= '\uFAFF') || c == '\u3007';

    /// <summary>Ideographs, CJK punctuation, kana and full-width forms: text that needs no spaces between words.</summary>
    public static bool IsCjk(char c) =>
        IsIdeograph(c) || (c >= '\u3000' && c <= '\u30FF') || (c >= '\uFF00' && c <= '\uFFEF');

    public static bool At(string s, int index, char c) => index >= 0 && index < s.Length && s[index] == c;

    public static bool StartsAt(string s, int index, string value) =>
        index >= 0 && index + value.Length <= s.Length && string.CompareOrdinal(s, index, value, 0, value.Length) == 0;

    public static bool StartsAtIgnoreCase(string s, int index, string value) =>
        index >= 0 && index + value.Length <= s.Length &&
        s.AsSpan(index, value.Length).Equals(value.AsSpan(), StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the Latin word <paramref name="value"/> occurs at <paramref name="index"/> with word boundaries on both sides.</summary>
    public static bool WordAt(string s, int index, string value) =>
        StartsAtIgnoreCase(s, index, value) &&
        (index == 0 || !IsLatinLetterOrDigit(s[index - 1])) &&
        (index + value.Length >= s.Length || !IsLatinLetterOrDigit(s[index + value.Length]));

    /// <summary>True when the Latin word <paramref name="value"/> ends just before <paramref name="end"/>, with word boundaries.</summary>
    public static bool WordEndsAt(string s, int end, string value) => WordAt(s, end - value.Length, value);
}
