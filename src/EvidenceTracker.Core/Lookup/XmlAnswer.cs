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

    /// <summary>The document, or null with the parser's error (its first line, and the line it stopped at).</summary>
    public static XDocument? Load(byte[] body, out string? error)
    {
        ArgumentNullException.ThrowIfNull(body);
        error = null;
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
