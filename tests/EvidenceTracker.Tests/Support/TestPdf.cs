using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace EvidenceTracker.Tests.Support;

/// <summary>Small PDFs made in the test with PdfPig's builder: each page a list of lines, top to bottom.</summary>
public static class TestPdf
{
    private static readonly string[] Districts = ["Alder", "Birch", "Cedar", "Dogwood", "Elm", "Fir", "Gum"];

    public static byte[] Pages(params string[][] pages)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            var y = 800.0;
            foreach (var line in lines)
            {
                if (line.Length > 0)
                {
                    page.AddText(line, 11, new PdfPoint(60, y), font);
                }
                y -= 16;
            }
        }
        return builder.Build();
    }

    /// <summary>A PDF whose pages hold only drawings: no text layer, as a scan has none.</summary>
    public static byte[] WithoutText(int pages = 2)
    {
        using var builder = new PdfDocumentBuilder();
        for (var i = 0; i < pages; i++)
        {
            var page = builder.AddPage(PageSize.A4);
            page.DrawRectangle(new PdfPoint(50, 50), 400, 600, 2, fill: true);
        }
        return builder.Build();
    }

    /// <summary>A report of <paramref name="pageCount"/> pages, each with a running head, body lines and its page number.</summary>
    public static byte[] Report(int pageCount, int linesPerPage = 40)
    {
        var pages = new string[pageCount][];
        for (var p = 0; p < pageCount; p++)
        {
            var lines = new List<string> { "Annual Report on Household Leak Repairs 2024", "" };
            for (var l = 0; l < linesPerPage; l++)
            {
                var district = Districts[(p + l) % Districts.Length];
                lines.Add(l % 2 == 0
                    ? $"In {district}, page {p + 1} line {l + 1}: inspectors visited {(p * 100) + l} homes and recorded their pipes."
                    : $"On the {(l % 3 == 0 ? "east" : "west")} side of {district}, {l + 3} leaks were found in line {l + 1}.");
            }
            lines.Add("");
            lines.Add((p + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            pages[p] = [.. lines];
        }
        return Pages(pages);
    }

    /// <summary>
    /// A PDF written byte by byte (as an attacker would): one page whose content stream is <paramref name="content"/>,
    /// Flate-compressed when asked, and a page tree that lists that one page <paramref name="pageRefs"/> times.
    /// </summary>
    public static byte[] Raw(string content, bool compress = false, int pageRefs = 1)
    {
        var data = System.Text.Encoding.Latin1.GetBytes(content);
        if (compress)
        {
            using var packed = new MemoryStream();
            using (var zlib = new System.IO.Compression.ZLibStream(packed, System.IO.Compression.CompressionLevel.SmallestSize))
            {
                zlib.Write(data);
            }
            data = packed.ToArray();
        }
        byte[] stream = [.. Latin($"<< /Length {data.Length}{(compress ? " /Filter /FlateDecode" : "")} >>\nstream\n"), .. data, .. Latin("\nendstream")];
        var kids = string.Concat(Enumerable.Repeat("3 0 R ", pageRefs));
        var objects = new List<byte[]>
        {
            Latin("<< /Type /Catalog /Pages 2 0 R >>"),
            Latin($"<< /Type /Pages /Kids [{kids}] /Count {pageRefs} >>"),
            Latin("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"),
            stream,
            Latin("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
        };
        using var pdf = new MemoryStream();
        pdf.Write(Latin("%PDF-1.4\n"));
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            pdf.Write(Latin($"{i + 1} 0 obj\n"));
            pdf.Write(objects[i]);
            pdf.Write(Latin("\nendobj\n"));
        }
        var xref = pdf.Position;
        pdf.Write(Latin($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n"));
        foreach (var offset in offsets)
        {
            pdf.Write(Latin($"{offset:D10} 00000 n \n"));
        }
        pdf.Write(Latin($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"));
        return pdf.ToArray();
    }

    private static byte[] Latin(string text) => System.Text.Encoding.Latin1.GetBytes(text);
}
