using System.Text;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Text;
using EvidenceTracker.Yaml;

namespace EvidenceTracker.Tests.Text;

/// <summary>The one offset-to-position map: LF, CRLF and a lone CR each end a line, as in YAML and CommonMark.</summary>
public class LineIndexTests
{
    [Theory]
    [InlineData("a\nb")]
    [InlineData("a\r\nb")]
    [InlineData("a\rb")]
    public void Lf_crlf_and_a_lone_cr_each_end_one_line(string text)
    {
        var lines = LineIndex.Of(text);
        Assert.Equal(2, lines.Count);
        Assert.Equal(new Position(2, 1), lines.PositionOf(text.Length - 1));
    }

    [Fact]
    public void A_break_belongs_to_the_line_it_ends()
    {
        var lines = LineIndex.Of("ab\r\ncd");
        Assert.Equal(new Position(1, 3), lines.PositionOf(2));
        Assert.Equal(new Position(1, 4), lines.PositionOf(3));
        Assert.Equal(new Position(2, 1), lines.PositionOf(4));
    }

    [Fact]
    public void Mixed_breaks_count_once_each_and_a_final_break_starts_an_empty_last_line()
    {
        const string text = "a\rb\nc\r\n\r\nd\n";
        var lines = LineIndex.Of(text);
        Assert.Equal(6, lines.Count);
        Assert.Equal(new Position(5, 1), lines.PositionOf(text.IndexOf('d', StringComparison.Ordinal)));
        Assert.Equal(new Position(6, 1), lines.PositionOf(text.Length));
        Assert.Equal(text.Length, lines.StartOf(6));
    }

    [Fact]
    public void Offsets_out_of_the_text_are_clamped_and_positions_map_back_to_offsets()
    {
        const string text = "ab\rcd\r\nef";
        var lines = LineIndex.Of(text);
        Assert.Equal(new Position(1, 1), lines.PositionOf(-5));
        Assert.Equal(new Position(3, 3), lines.PositionOf(100));
        for (var offset = 0; offset <= text.Length; offset++)
        {
            Assert.Equal(offset, lines.OffsetOf(lines.PositionOf(offset)));
        }
        Assert.Equal(text.Length, lines.OffsetOf(new Position(9, 1)));
    }

    [Fact]
    public void An_empty_text_has_one_line()
    {
        var lines = LineIndex.Of("");
        Assert.Equal(1, lines.Count);
        Assert.Equal(new Position(1, 1), lines.PositionOf(0));
    }

    [Fact]
    public void Utf8_offsets_give_utf16_columns_and_the_same_lines_as_the_text()
    {
        const string text = "é😀x\r\n中y\rz";
        var bytes = Encoding.UTF8.GetBytes(text);
        var byBytes = LineIndex.OfUtf8(bytes);
        var byText = LineIndex.Of(text);
        foreach (var c in "xyz")
        {
            var charOffset = text.IndexOf(c, StringComparison.Ordinal);
            var byteOffset = Encoding.UTF8.GetByteCount(text.AsSpan(0, charOffset));
            Assert.Equal(byText.PositionOf(charOffset), byBytes.PositionOf(byteOffset));
        }
        var withBom = LineIndex.OfUtf8([0xEF, 0xBB, 0xBF, (byte)'a', (byte)'b']);
        Assert.Equal(new Position(1, 2), withBom.PositionOf(4));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Positions_agree_with_the_yaml_reader_for_every_kind_of_break(string newline)
    {
        var text = string.Join(newline, "first: 1", "second:", "  - item", "third: x") + newline;
        var sink = new FindingSink("t.yaml");
        var map = Assert.IsType<YMapping>(YamlTreeReader.Read(text, sink));
        Assert.Empty(sink.Findings);
        var lines = LineIndex.Of(text);
        foreach (var (key, value) in map.Entries)
        {
            Assert.Equal(key.Value, text.Substring(lines.OffsetOf(key.Start), key.Value.Length));
            if (value is YSequence { Items: [YScalar item] })
            {
                Assert.Equal("item", text.Substring(lines.OffsetOf(item.Start), 4));
            }
        }
    }
}
