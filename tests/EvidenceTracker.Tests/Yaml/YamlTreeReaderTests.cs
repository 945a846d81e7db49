using System.Text;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Yaml;

namespace EvidenceTracker.Tests.Yaml;

/// <summary>
/// The YAML reader of claim and source files, on hostile input: every problem is a <c>yaml-syntax</c> finding with a
/// position inside the file, reported once, and nothing throws.
/// </summary>
public class YamlTreeReaderTests
{
    /// <summary>Files of every shape, sound and broken, the reader meets.</summary>
    private static readonly string[] Shapes =
    [
        "id: a\nstatement: \"quoted\"\ntags: [x, y]\n",
        "# leading comment\nid: b\ncitations:\n  - source: s1\n    quote: 'single'\n  - source: s2\n",
        "id: c\nnote: |\n  a block\n  scalar\n\n",
        "id: d\nnote: >-\n  folded\n  text\n# trailing comment\n",
        "",
        "\n\n",
        "# only a comment\n",
        "~\n",
        "''\n",
        "- a list\n- at the root\n",
        "plain scalar at the root\n",
        "id: no-final-newline",
        "id: crlf\r\nstatement: x\r\n",
        "---\nid: explicit-start\n",
        "id: two\n---\nid: documents\n",
        "id: ends\n...\n",
        "%YAML 1.2\n---\nid: directive\n",
        "anchor: &a x\nalias: *a\n",
        "id: dup\nid: again\n",
        "? [complex, key]\n: value\n",
        "id: e\nstatement: [unclosed\nnote: x\n",
        "id: f\n  bad: indentation\n",
        "id: \"unterminated\n",
        "id: g\ttab: x\n",
        "\uFEFFid: bom-inside\n",
        "id: h\nstatement: 敏感性达到96.8%，特异性为99.9%\nexcerpt: 早期胰腺癌\n",
        "title: x\nflow: {a: 1, b: [2, 3]}\nempty:\nnull: null\n",
        string.Concat(Enumerable.Repeat("[", 70)) + string.Concat(Enumerable.Repeat("]", 70)) + "\n",
        "k: v\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"key{i}: {i}\n")),
        "a: 1\n---",
        "id: i\nstatement: line one\n  continued plain\n",
        "id: b\nid: c\ntags: !![x]\n",
        ":x: 1\n",
        ": x\n",
        "!!str\n",
        "&anchor\n",
        "id: a\nnote: |+\n  kept\n\n\n",
        "id: b\ntags:\n  -\n# done\n",
        "id: a\n\0id: b\n",
    ];

    [Fact]
    public void Every_shape_reads_without_throwing_and_its_findings_are_yaml_syntax_inside_the_file()
    {
        foreach (var shape in Shapes)
        {
            AssertReadsCleanly(shape);
        }
    }

    [Fact]
    public void A_syntax_error_is_reported_once_with_its_own_line()
    {
        var sink = new FindingSink("f.yaml");
        var root = YamlTreeReader.Read("id: b\nstatement: [open\nnote: x\n", sink);
        Assert.Null(root);
        var finding = Assert.Single(sink.Findings);
        Assert.Equal(Rules.YamlSyntax, finding.Rule);
        Assert.InRange(finding.Line ?? 0, 2, 4);
    }

    [Fact]
    public void A_flow_sequence_nested_100000_deep_is_one_finding_at_the_depth_limit()
    {
        var sink = new FindingSink("f.yaml");
        var root = YamlTreeReader.Read("id: deep\ntags: " + new string('[', 100_000) + new string(']', 100_000) + "\n", sink);
        Assert.Null(root);
        var finding = Assert.Single(sink.Findings);
        // the root mapping and 63 lists are open: the 64th [ (column 7 + 63) is one level too deep
        Assert.Equal((Rules.YamlSyntax, 2, 70, $"nesting deeper than {YamlTreeReader.MaxDepth} levels"),
            (finding.Rule, finding.Line, finding.Column, finding.Message));
    }

    [Fact]
    public void A_refused_tag_after_a_duplicate_key_is_reported_as_the_duplicate_key()
    {
        var sink = new FindingSink("f.yaml");
        Assert.Null(YamlTreeReader.Read("id: b\nid: c\ntags: !![x]\n", sink));
        var finding = Assert.Single(sink.Findings);
        Assert.Equal((Rules.YamlSyntax, 2, 1, "duplicate key 'id'"), (finding.Rule, finding.Line, finding.Column, finding.Message));
    }

    [Fact]
    public void Positions_count_lines_and_columns_from_one_and_a_flow_sequence_ends_at_its_closing_bracket()
    {
        var sink = new FindingSink("f.yaml");
        var root = Assert.IsType<YMapping>(YamlTreeReader.Read("id: b\n\ntags: [p, q]\n", sink));
        Assert.Empty(sink.Findings);
        var tags = root.Entries.Single(e => e.Key.Value == "tags");
        Assert.Equal(new Position(3, 1), tags.Key.Start);
        Assert.Equal(new Position(3, 7), tags.Value.Start);
        Assert.Equal(new Position(3, 12), Assert.IsType<YSequence>(tags.Value).End);
    }

    [Fact]
    public void An_empty_value_at_the_end_of_a_file_starts_and_ends_just_after_its_key()
    {
        var sink = new FindingSink("f.yaml");
        var root = Assert.IsType<YMapping>(YamlTreeReader.Read("id: b\nnote:\n", sink));
        var note = Assert.IsType<YScalar>(root.Entries.Single(e => e.Key.Value == "note").Value);
        Assert.True(note.IsNull);
        Assert.Equal((new Position(2, 6), new Position(2, 6)), (note.Start, note.End));
    }

    /// <summary>Fragments of YAML, sound and broken, that random files are made of.</summary>
    private static readonly string[] Pieces =
    [
        "a:", "b: x", "- ", "-", "? ", ": ", "|", "|+", "|-", ">", ">+", "|2", "'q", "q'", "\"d", "d\"", "[", "]", "{", "}", ",",
        "#c", " #c", "\t", " ", "  ", "   ", "x", "y z", "!x ", "!![x]", "&a", "*a", "~", "null", "k: [1,", "2]", "%", "@", "`",
        "\\", "\0", "é", "敏", "\u00A0", "...x", "--x", "- - a", "a: b: c", ":", "::", "key:", "  - i", "    deep: 1", "id: a",
        "statement: x", "tags: [a, b]", "quote: \"x\"", "note: |+", "note: >-", "  line", "  - source: s", "    quote: 'y'", "", "",
        "k: {a: 1,", " b: 2}", "id: a\nid: b",
    ];

    [Fact]
    public void Random_files_never_throw_and_their_findings_are_yaml_syntax_inside_the_file()
    {
        // EVIDENCE_FUZZ=N reads N files instead of 10,000 (another seed: EVIDENCE_FUZZ_SEED)
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("EVIDENCE_FUZZ"), out var n) ? n : 10_000;
        var random = new Random(int.TryParse(Environment.GetEnvironmentVariable("EVIDENCE_FUZZ_SEED"), out var seed) ? seed : 1);
        for (var it = 0; it < iterations; it++)
        {
            var file = new StringBuilder();
            for (var l = random.Next(1, 6); l > 0; l--)
            {
                for (var p = random.Next(0, 4); p > 0; p--)
                {
                    file.Append(Pieces[random.Next(Pieces.Length)]);
                }
                file.Append('\n');
            }
            AssertReadsCleanly(file.ToString());
        }
    }

    /// <summary>
    /// Reads <paramref name="text"/> (an exception fails the test): every finding is a <c>yaml-syntax</c> error on a line
    /// of the file (or just after its last line break), and there is at most one: the reader stops at the first problem.
    /// </summary>
    private static void AssertReadsCleanly(string text)
    {
        var sink = new FindingSink("f.yaml");
        _ = YamlTreeReader.Read(text, sink);
        var what = text.ReplaceLineEndings("⏎");
        var lines = text.Count(c => c == '\n') + 1;
        foreach (var f in sink.Findings)
        {
            Assert.True(f.Rule == Rules.YamlSyntax && f.Severity == Severity.Error, $"{what}: {f.Rule} {f.Severity} {f.Message}");
            Assert.True(f.Line is int line && line >= 1 && line <= lines && f.Column >= 1, $"{what}: at {f.Line}:{f.Column}, {lines} lines");
        }
        Assert.True(sink.Findings.Count <= 1, $"{what}: {sink.Findings.Count} findings");
    }
}
