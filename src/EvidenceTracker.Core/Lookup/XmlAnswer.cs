using System.Xml;
using System.Xml.Linq;

namespace EvidenceTracker.Lookup;

/// <summary>
/// An XML answer of a service (PubMed's efetch, arXiv's Atom) read safely: a document type declaration is skipped
/// (PubMed's answers carry one), never followed; no external resource is resolved; entities may not expand past a
/// kilobyte, nor the document past 50 million characters.
/// </summary>
public static class XmlAnswer
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = 50_000_000,
    };

    /// <summary>Deeper nesting than any Atom feed or PubMed record has is refused.</summary>
    public const int MaxDepth = 128;

    /// <summary>More attributes on one element than any answer of these services has; the XML reader's check for
    /// repeated attribute names takes time in the square of their number (400,000 attributes: 6 s).</summary>
    public const int MaxAttributes = 1000;

    /// <summary>
    /// The most attributes of any one tag (its <c>=</c> signs outside quoted values), found in one pass over the bytes,
    /// comments, CDATA sections, processing instructions and the document type declaration skipped. Stops counting past
    /// <see cref="MaxAttributes"/>.
    /// </summary>
    internal static int MostAttributes(ReadOnlySpan<byte> xml)
    {
        var most = 0;
        var i = 0;
        while ((i = Next(xml, i, (byte)'<')) < xml.Length)
        {
            var rest = xml[i..];
            if (rest.StartsWith("<!--"u8))
            {
                i = Skip(xml, i + 4, "-->"u8);
                continue;
            }
            if (rest.StartsWith("<![CDATA["u8))
            {
                i = Skip(xml, i + 9, "]]>"u8);
                continue;
            }
            if (rest.StartsWith("<?"u8))
            {
                i = Skip(xml, i + 2, "?>"u8);
                continue;
            }
            if (rest.StartsWith("<!"u8))
            {
                // a declaration: to its '>' outside an internal subset's brackets
                var depth = 0;
                for (i++; i < xml.Length && (xml[i] != '>' || depth > 0); i++)
                {
                    depth += xml[i] == '[' ? 1 : xml[i] == ']' ? -1 : 0;
                }
                continue;
            }
            var count = 0;
            byte quote = 0;
            for (i++; i < xml.Length; i++)
            {
                var c = xml[i];
                if (quote != 0)
                {
                    quote = c == quote ? (byte)0 : quote;
                }
                else if (c is (byte)'"' or (byte)'\'')
                {
                    quote = c;
                }
                else if (c == '=')
                {
                    count++;
                }
                else if (c == '>')
                {
                    break;
                }
            }
            most = Math.Max(most, count);
            if (most > MaxAttributes)
            {
                return most;
            }
        }
        return most;
    }

    private static int Next(ReadOnlySpan<byte> xml, int from, byte c) => from >= xml.Length ? xml.Length
        : xml[from..].IndexOf(c) is var at and >= 0 ? from + at : xml.Length;

    private static int Skip(ReadOnlySpan<byte> xml, int from, ReadOnlySpan<byte> end) => from >= xml.Length ? xml.Length
        : xml[from..].IndexOf(end) is var at and >= 0 ? from + at + end.Length : xml.Length;

    /// <summary>The document, or null with the parser's error (its first line, and the line it stopped at).</summary>
    public static XDocument? Load(byte[] body, out string? error)
    {
        ArgumentNullException.ThrowIfNull(body);
        error = null;
        if (MostAttributes(body) > MaxAttributes)
        {
            error = $"an element has more than {MaxAttributes} attributes";
            return null;
        }
        try
        {
            // Building a tree of elements nested N deep takes time in N squared (50,000 levels: 4 s); no answer of these
            // services nests more than a few dozen. A reader's pass, which stops at the limit, finds such a depth first.
            using (var pass = XmlReader.Create(new MemoryStream(body), Settings))
            {
                while (pass.Read())
                {
                    if (pass.Depth > MaxDepth)
                    {
                        error = $"line {((IXmlLineInfo)pass).LineNumber}: elements nested more than {MaxDepth} levels deep";
                        return null;
                    }
                }
            }
            using var stream = new MemoryStream(body);
            using var reader = XmlReader.Create(stream, Settings);
            return XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            error = $"line {ex.LineNumber}: {ex.Message.Split('\n')[0].Trim()}";
            return null;
        }
    }
}
