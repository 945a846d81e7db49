using System.Text;
using UglyToad.PdfPig;

namespace EvidenceTracker.Quotes;

/// <summary>
/// Reads the text of a PDF with PdfPig (its content-order extractor), page by page, made fit for quote matching:
/// ligatures folded (ﬁ → fi), a word broken by an end-of-line hyphen joined, and the header and footer lines that
/// repeat on every page (running titles, page numbers, digits aside) dropped. Pages are kept apart by form feeds,
/// so that a passage can be named by its page.
/// </summary>
public static class PdfText
{
    /// <summary>The page separator in the text.</summary>
    public const char PageBreak = '\f';

    /// <summary>How many lines at the top and at the bottom of a page are looked at as a header or a footer.</summary>
    private const int EdgeLines = 2;

    /// <summary>Whether the bytes start like a PDF (<c>%PDF-</c> within the first 1,024 bytes, as readers allow).</summary>
    public static bool LooksLikePdf(ReadOnlySpan<byte> bytes) =>
        bytes[..Math.Min(bytes.Length, 1024)].IndexOf("%PDF-"u8) >= 0;

    /// <summary>The text of <paramref name="bytes"/>; never throws for any input.</summary>
    public static PdfTextResult Extract(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (!LooksLikePdf(bytes))
        {
            return new PdfTextResult(null, 0, "not a PDF (no %PDF- header)");
        }
        if (Count(bytes, "xref"u8, MaxXrefKeywords + 1) > MaxXrefKeywords)
        {
            return new PdfTextResult(null, 0,
                $"the PDF holds more than {MaxXrefKeywords} cross-reference keywords (xref, startxref: a file saved over itself again and again, or damaged); not read");
        }
        var pages = new List<List<string>>();
        var budget = new PdfDecodeBudget(bytes.Length);
        try
        {
            using var document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, FilterProvider = budget });
            var maxPages = MaxPages(bytes.Length);
            if (document.NumberOfPages > maxPages)
            {
                return new PdfTextResult(null, document.NumberOfPages,
                    $"the PDF claims {document.NumberOfPages:N0} pages in {Kilobytes(bytes.Length)}, more than the {maxPages:N0} read from a file of its size (one page repeated by reference?); not read");
            }
            foreach (var page in document.GetPages())
            {
                if (budget.Exceeded)
                {
                    break;
                }
                var text = ContentOrderText.GetText(page);
                pages.Add([.. text.Split('\n').Select(l => Clean(l)).Where(l => l.Length > 0)]);
            }
        }
#pragma warning disable CA1031 // a PDF parser may throw anything for a broken file; the reason becomes one line
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (budget.Exceeded)
            {
                return Bomb(bytes.Length, budget, pages.Count);
            }
            var reason = ex.Message.Contains("password", StringComparison.OrdinalIgnoreCase) || ex.GetType().Name.Contains("Encrypt", StringComparison.Ordinal)
                ? "the PDF is encrypted; save an unprotected copy"
                : $"the PDF cannot be read ({ex.GetType().Name}: {OneLine(ex.Message)})";
            return new PdfTextResult(null, pages.Count, reason);
        }
        if (budget.Exceeded)
        {
            return Bomb(bytes.Length, budget, pages.Count);
        }
        if (pages.Count == 0)
        {
            return new PdfTextResult(null, 0, "the PDF has no pages");
        }
        if (pages.All(p => p.Count == 0))
        {
            return new PdfTextResult(null, pages.Count,
                "the PDF has no text layer (a scanned image?); it needs OCR before its quotes can be checked");
        }
        DropRepeatedEdges(pages);
        var sb = new StringBuilder();
        for (var i = 0; i < pages.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(PageBreak);
            }
            AppendJoined(sb, pages[i]);
        }
        return new PdfTextResult(sb.ToString(), pages.Count, null);
    }

    /// <summary>
    /// The most <c>xref</c> keywords (each section has one, and a <c>startxref</c>) a PDF is read with. A file saved
    /// incrementally gains a section per save, a handful in practice; when the sections are damaged the reader's
    /// recovery tries each of them against the others, time and memory that grow with their square (a fuzzed 272 KB
    /// file of 951 took 4.6 s and 940 MB).
    /// </summary>
    internal const int MaxXrefKeywords = 256;

    private static int Count(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> word, int atMost)
    {
        var count = 0;
        for (var at = bytes.IndexOf(word); at >= 0 && count < atMost; at = bytes[(at + word.Length)..].IndexOf(word) is var next and >= 0 ? at + word.Length + next : -1)
        {
            count++;
        }
        return count;
    }

    /// <summary>
    /// The most pages a file of <paramref name="fileBytes"/> is read with: a page object takes tens of bytes at the
    /// least, so a small file with a huge page count repeats one page by reference, and each page costs the reader
    /// tens of microseconds.
    /// </summary>
    internal static int MaxPages(long fileBytes) => (int)Math.Min(int.MaxValue, 1_000 + (fileBytes / 64));

    private static PdfTextResult Bomb(long fileBytes, PdfDecodeBudget budget, int pages) =>
        new(null, pages,
            $"the PDF's compressed streams decode to more than {Kilobytes(budget.Limit)} from a file of {Kilobytes(fileBytes)} " +
            $"(over {PdfDecodeBudget.Ratio} times its size: a decompression bomb?); not read. If it is genuine, archive its text as a .txt snapshot");

    private static string Kilobytes(long bytes) => $"{(bytes + 1023) / 1024:N0} KB";

    /// <summary>The 1-based page of an offset of a text <see cref="Extract"/> made.</summary>
    public static int PageOf(string text, int offset)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan(0, Math.Clamp(offset, 0, text.Length)).Count(PageBreak) + 1;
    }

    /// <summary>A line with its ligatures folded, its spaces collapsed and trimmed.</summary>
    internal static string Clean(string line)
    {
        var sb = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            switch (c)
            {
                case '\uFB00': sb.Append("ff"); break;
                case '\uFB01': sb.Append("fi"); break;
                case '\uFB02': sb.Append("fl"); break;
                case '\uFB03': sb.Append("ffi"); break;
                case '\uFB04': sb.Append("ffl"); break;
                case '\uFB05' or '\uFB06': sb.Append("st"); break;
                case '\r' or '\t' or '\u00A0' or PageBreak: AppendSpace(sb); break;
                case '\0': break;
                default:
                    if (char.IsWhiteSpace(c))
                    {
                        AppendSpace(sb);
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        return sb.ToString().Trim();
    }

    private static void AppendSpace(StringBuilder sb)
    {
        if (sb.Length > 0 && sb[^1] != ' ')
        {
            sb.Append(' ');
        }
    }

    /// <summary>
    /// Drops the lines among the first and last <see cref="EdgeLines"/> of each page whose shape (digits aside) is
    /// found at the same place (counted from the top, or from the bottom) on every page: running heads, footers and
    /// page numbers. Needs at least two pages; a document of three or more may have one page without it (a title page).
    /// </summary>
    private static void DropRepeatedEdges(List<List<string>> pages)
    {
        if (pages.Count < 2)
        {
            return;
        }
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            foreach (var key in Edges(page).Select(e => e.Key).Distinct(StringComparer.Ordinal))
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }
        var needed = pages.Count >= 3 ? pages.Count - 1 : pages.Count;
        foreach (var page in pages)
        {
            foreach (var i in Edges(page).Where(e => counts[e.Key] >= needed).Select(e => e.Index).Distinct().OrderDescending().ToList())
            {
                page.RemoveAt(i);
            }
        }
    }

    /// <summary>The lines at the top and the bottom of a page, each keyed by its place and its shape.</summary>
    private static IEnumerable<(int Index, string Key)> Edges(List<string> page)
    {
        for (var i = 0; i < Math.Min(EdgeLines, page.Count); i++)
        {
            yield return (i, $"t{i}:{Shape(page[i])}");
        }
        for (var i = 0; i < Math.Min(EdgeLines, page.Count); i++)
        {
            yield return (page.Count - 1 - i, $"b{i}:{Shape(page[page.Count - 1 - i])}");
        }
    }

    /// <summary>A line with its runs of digits made one sign: page 3 and page 4 share it.</summary>
    private static string Shape(string line)
    {
        var sb = new StringBuilder(line.Length);
        var inDigits = false;
        foreach (var c in line)
        {
            if (char.IsAsciiDigit(c))
            {
                if (!inDigits)
                {
                    sb.Append('#');
                }
                inDigits = true;
                continue;
            }
            inDigits = false;
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>
    /// A page's lines joined by line breaks, except that a line ending in a hyphen after a letter, followed by a
    /// line that starts with a lowercase letter, is joined to it without the hyphen (a word broken at the line end).
    /// A soft hyphen at a line's end always joins.
    /// </summary>
    private static void AppendJoined(StringBuilder sb, List<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var next = i + 1 < lines.Count ? lines[i + 1] : null;
            if (next is not null && line.Length >= 2 && char.IsLetter(line[^2]) && next.Length > 0
                && ((line[^1] is '-' or '\u2010' && char.IsLower(next[0])) || line[^1] == '\u00AD'))
            {
                sb.Append(line, 0, line.Length - 1);
                continue;
            }
            sb.Append(line);
            if (next is not null)
            {
                sb.Append('\n');
            }
        }
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
