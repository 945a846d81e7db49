using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Util;

namespace EvidenceTracker.Quotes;

/// <summary>
/// A page's text in the order its letters are drawn, as PdfPig's <c>ContentOrderTextExtractor.GetText(page)</c> gives
/// it (default options): a space where a gap is wider than the font's space, a line break where the baseline moves by
/// more than 0.9 of the smaller font size. PdfPig looks back over every white-space letter before each letter to find
/// the last visible one, so a run of white space (a fuzzed string of 90,000 carriage returns in a 92 KB file) costs
/// the square of its length: over 60 s. Here the last visible letter is carried along.
/// </summary>
internal static class ContentOrderText
{
    public static string GetText(Page page)
    {
        var letters = page.Letters;
        var text = new StringBuilder();
        Letter? previous = null;
        Letter? lastVisible = null;
        var spaced = false;
        for (var i = 0; i < letters.Count; i++)
        {
            var letter = letters[i];
            var visibleBefore = lastVisible;
            if (!string.IsNullOrWhiteSpace(letter.Value))
            {
                lastVisible = letter;
            }
            if (string.IsNullOrEmpty(letter.Value))
            {
                continue;
            }
            if (letter.Value == " " && !spaced)
            {
                if (previous is null || !IsNewline(previous, letter))
                {
                    text.Append(' ');
                    previous = letter;
                    spaced = true;
                }
                continue;
            }
            spaced = false;
            if (previous is not null && letter.Value != " ")
            {
                if (visibleBefore is not null && IsNewline(visibleBefore, letter))
                {
                    if (previous.Value == " ")
                    {
                        text.Remove(text.Length - 1, 1);
                    }
                    text.AppendLine();
                    spaced = true;
                }
                else if (previous.Value != " " && WhitespaceSizeStatistics.IsProbablyWhitespace(letter.StartBaseLine.X - previous.EndBaseLine.X, previous))
                {
                    text.Append(' ');
                    spaced = true;
                }
            }
            text.Append(letter.Value);
            previous = letter;
        }
        return text.ToString();
    }

    private static bool IsNewline(Letter previous, Letter letter)
    {
        var size = Math.Min((int)Math.Round(letter.PointSize), (int)Math.Round(previous.PointSize));
        return Math.Abs(previous.StartBaseLine.Y - letter.StartBaseLine.Y) > size * 0.9;
    }
}
