using System.Text;
using EvidenceTracker.Lookup;

namespace EvidenceTracker.Tests.Lookup;

public class XmlAnswerTests
{
    private static byte[] Nested(int depth) => Encoding.UTF8.GetBytes(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>x</id>\n" +
        string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", depth)) + "</entry></feed>");

    [Fact]
    public void An_answer_nested_fifty_thousand_levels_deep_is_refused_before_a_tree_is_built()
    {
        Assert.Null(XmlAnswer.Load(Nested(50_000), out var error));
        Assert.Equal($"line 2: elements nested more than {XmlAnswer.MaxDepth} levels deep", error);
    }

    [Fact]
    public void An_answer_nested_to_the_limit_is_read()
    {
        // the feed and the entry are two levels; the innermost <a> is at depth MaxDepth
        var doc = XmlAnswer.Load(Nested(XmlAnswer.MaxDepth - 1), out var error);
        Assert.Null(error);
        Assert.NotNull(doc);
        Assert.Equal(XmlAnswer.MaxDepth - 1, doc.Descendants().Count(e => e.Name.LocalName == "a"));
    }

    [Fact]
    public void A_document_type_declaration_is_skipped_and_its_entities_are_not_expanded()
    {
        var body = Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<r>&x;</r>");
        Assert.Null(XmlAnswer.Load(body, out var error));
        Assert.StartsWith("line 3: ", error);
    }
}
