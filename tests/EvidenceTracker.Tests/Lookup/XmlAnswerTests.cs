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

    [Theory]
    [InlineData(1000, true)]
    [InlineData(1001, false)]
    public void An_element_with_more_than_a_thousand_attributes_is_refused_before_the_reader_sees_it(int attributes, bool read)
    {
        var xml = "<?xml version=\"1.0\"?>\n<!-- a > b = c -->\n<feed><![CDATA[<x a=1 b=2>]]><x " + string.Join(' ', Enumerable.Range(0, attributes).Select(i => $"a{i}=\"1 = > 2\"")) + "/></feed>";
        var doc = XmlAnswer.Load(Encoding.UTF8.GetBytes(xml), out var error);
        Assert.Equal(read, doc is not null);
        Assert.Equal(read ? null : $"an element has more than {XmlAnswer.MaxAttributes} attributes", error);
    }

    [Fact]
    public void Attributes_are_counted_per_element_outside_quotes_comments_and_cdata()
    {
        Assert.Equal(2, XmlAnswer.MostAttributes("<a x='1=2' y=\"3>4\"><!-- p=1 q=2 r=3 --><b z='1'/><![CDATA[<c a=1 b=2 c=3>]]></a>"u8));
        Assert.Equal(0, XmlAnswer.MostAttributes("<!DOCTYPE r [<!ENTITY e \"a=b=c\">]><r>x=y=z</r>"u8));
    }
}
