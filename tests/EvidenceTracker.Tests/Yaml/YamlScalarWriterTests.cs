using EvidenceTracker.Diagnostics;
using EvidenceTracker.Yaml;
using YamlDotNet.Serialization;

namespace EvidenceTracker.Tests.Yaml;

/// <summary>The one scalar writer: whatever it writes, YamlDotNet and the project's own reader read back as the same text.</summary>
public class YamlScalarWriterTests
{
    private static readonly string[] Hostile =
    [
        "", " ", "  lead", "trail  ", "\tx", "x\t", "a: b", "a:b", "a:", ":a", "a #b", "a#b", "#a", "- a", "-a", "-", "? a", "?", "!a", "!!str x", "&a", "*a",
        "|", "|-", ">", ">+", "'", "''", "\"", "a\"b", "a'b", "%YAML", "@a", "`a", "a`", "null", "Null", "NULL", "~", "true", "True", "FALSE", "yes", "No",
        "on", "OFF", "y", "n", "Y", "<<", "=", "0", "12", "-12", "+12", "1.5", ".5", "1.", "1e3", "1E-3", "0x1", "0x1F", "0o17", "0b101", "017", "1_000",
        "1:20", "190:20:30", "1.2.3", ".inf", "-.inf", "+.INF", ".nan", ".NaN", "2024", "2024-05", "2024-05-30", "2024-5-3", "2024-05-30T10:00:00Z",
        "2024-05-30 10:00:00", "10.1038/s41591-023-02640-w", "3033-3043", "3f9a00", "a\nb", "a\n", "\n", "a\r\nb", "a\rb", "\r", "a\u0085b", "a\u2028b",
        "a\u2029b", "\u0000", "a\u0000b", "\u0001\u0007\u001B\u007F", "\u0080\u009F", "\uFEFFbom", "a\uFEFF", "\u00A0", "a\u00A0", "\uFFFE", "é", "中文：冒号",
        "emoji 😀", "😀", "---", "--- a", "...", "... a", "a ---", "[a]", "{a}", "a, b", "a,b", "a]", "https://example.org/a?b=c&d=e#f", "C:\\path\\x",
        "\\", "\\n", "a\\\"b", "%", "a%", "@", "key: value # comment", new string('x', 100_000), string.Concat(Enumerable.Repeat("a: b\n", 2_000)),
        "\uD800", "a\uDC00b", "\uDBFF\uDBFF",
    ];

    private static string Representable(string s)
    {
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var paired = char.IsHighSurrogate(chars[i]) ? i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])
                : char.IsLowSurrogate(chars[i]) && i > 0 && char.IsHighSurrogate(s[i - 1]);
            if (char.IsSurrogate(chars[i]) && !paired)
            {
                chars[i] = '\uFFFD';
            }
        }
        return new string(chars);
    }

    public static TheoryData<int> Indices() => [.. Enumerable.Range(0, Hostile.Length)];

    private static string ReadWithTree(string yaml)
    {
        var sink = new FindingSink("t.yaml");
        var tree = YamlTreeReader.Read(yaml, sink);
        Assert.Empty(sink.Findings);
        var value = Assert.IsType<YMapping>(tree).Entries[0].Value;
        return value switch
        {
            YScalar s => s.Value,
            YSequence q => Assert.IsType<YScalar>(Assert.Single(q.Items)).Value,
            _ => throw new Xunit.Sdk.XunitException($"not a scalar: {value.KindName}"),
        };
    }

    [Theory]
    [MemberData(nameof(Indices))]
    public void A_hostile_string_reads_back_as_itself_in_every_position_with_both_readers(int index)
    {
        // No YAML file (nor UTF-8) can hold a lone surrogate: the writer puts U+FFFD in its place, and only there.
        var value = Representable(Hostile[index]);
        var written = Hostile[index];
        var typed = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build();
        var untyped = new DeserializerBuilder().Build();
        foreach (var date in (ReadOnlySpan<bool>)[false, true])
        {
            var block = $"k: {YamlScalarWriter.Scalar(written, date: date)}\n";
            var item = $"k:\n  - {YamlScalarWriter.Scalar(written, date: date)}\n";
            var flow = $"k: [{YamlScalarWriter.Scalar(written, flow: true, date: date)}]\n";
            var quoted = $"k: {YamlScalarWriter.Quoted(written)}\n";
            foreach (var yaml in (ReadOnlySpan<string>)[block, item, flow, quoted])
            {
                Assert.Equal(value, ReadWithTree(yaml));
                var read = untyped.Deserialize<Dictionary<string, object>>(yaml)["k"];
                Assert.Equal(value, read is List<object> list ? Assert.Single(list) : read);
            }
            if (!date)
            {
                // Read with YAML's own types (null, bool, int, float): a plain scalar must still be the text.
                Assert.Equal(value, typed.Deserialize<Dictionary<string, object>>(block)["k"]);
            }
        }
    }

    [Theory]
    [InlineData("y")]
    [InlineData("on")]
    [InlineData("1:20")]
    [InlineData("0b101")]
    [InlineData("1_000")]
    [InlineData("0o17")]
    [InlineData("+1")]
    [InlineData(".Inf")]
    [InlineData("2024-05-30")]
    [InlineData("2024-05-30 10:00:00")]
    [InlineData("3")]
    [InlineData("...")]
    public void Values_that_a_yaml_1_1_or_1_2_reader_types_or_refuses_are_quoted(string value)
    {
        Assert.False(YamlScalarWriter.IsPlainSafe(value));
        Assert.StartsWith("\"", YamlScalarWriter.Scalar(value), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.1038/s41591-023-02640-w")]
    [InlineData("3033-3043")]
    [InlineData("Cao, Kai")]
    [InlineData("3f9a000000")]
    [InlineData("1.2.3")]
    [InlineData("Heat pumps, a review")]
    [InlineData("2024-05-30 report")]
    [InlineData("emoji 😀")]
    public void Text_that_every_reader_reads_as_text_is_written_plain(string value) =>
        Assert.Equal(value, YamlScalarWriter.Scalar(value));

    [Theory]
    [InlineData("2024", "2024", "\"2024\"")]
    [InlineData("2024-05", "2024-05", "2024-05")]
    [InlineData("2024-05-30", "2024-05-30", "\"2024-05-30\"")]
    [InlineData("2024-05-30T10:00:00Z", "\"2024-05-30T10:00:00Z\"", "\"2024-05-30T10:00:00Z\"")]
    public void A_date_field_keeps_the_contracts_date_forms_plain_and_other_fields_quote_them(string value, string asDate, string asText)
    {
        Assert.Equal(asDate, YamlScalarWriter.Scalar(value, date: true));
        Assert.Equal(asText, YamlScalarWriter.Scalar(value));
    }

    [Fact]
    public void Control_characters_the_bom_and_lone_surrogates_are_escaped_so_the_file_stays_valid_utf8()
    {
        Assert.Equal("\"a\\0\\u0001\\u007F\\N\\uFEFF\uFFFDb\\L\"", YamlScalarWriter.Quoted("a\0\u0001\u007F\u0085\uFEFF\uD800b\u2028"));
        Assert.False(YamlScalarWriter.IsPlainSafe("a\uD800"));
        Assert.False(YamlScalarWriter.IsPlainSafe("\uDC00a"));
        Assert.True(YamlScalarWriter.IsPlainSafe("a\uD83D\uDE00"));
    }
}
