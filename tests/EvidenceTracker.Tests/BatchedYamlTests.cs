using System.Text;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Yaml;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests;

/// <summary>
/// Files read together as one YAML stream (the loader's fast path) give exactly what each file read alone gives:
/// the same tree, values, styles and positions, and the same findings.
/// </summary>
public class BatchedYamlTests
{
    /// <summary>Files of every shape the fast path must either handle or leave to the single-file reader.</summary>
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
    ];

    [Fact]
    public void Every_shape_reads_the_same_in_a_batch_as_alone()
    {
        // each shape between two ordinary files, so a shape that upsets the stream would upset its neighbours
        var texts = new List<string>();
        foreach (var shape in Shapes)
        {
            texts.Add("id: before\nstatement: x\n");
            texts.Add(shape);
        }
        texts.Add("id: after\n");
        AssertSameAsAlone(texts);
    }

    [Fact]
    public void A_batch_of_ordinary_files_reads_the_same_as_each_alone()
    {
        AssertSameAsAlone(Shapes.Where(s => s.EndsWith('\n') && !s.Contains('\r') && !s.Contains("---") && !s.Contains("...")
            && !s.Contains('*') && !s.Contains("dup") && !s.Contains("unclosed") && !s.Contains("unterminated") && !s.Contains("bad:"))
            .ToList());
    }

    [Fact]
    public void Every_yaml_fixture_of_the_repository_reads_the_same_in_batches_as_alone()
    {
        var files = Directory.EnumerateFiles(TestPaths.Fixtures, "*.yaml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "claims"), "*.yaml", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "sources"), "*.yaml"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(files.Count > 100, $"only {files.Count} fixture files found");
        var texts = files.Select(f => TryRead(f)).Where(t => t is not null).Select(t => t!).ToList();
        for (var i = 0; i < texts.Count; i += 64)
        {
            AssertSameAsAlone(texts.Skip(i).Take(64).ToList());
        }
    }

    [Theory]
    [InlineData("id: before\n", "id: b\nid: c\ntags: !![x]\n")] // stops at the duplicate key alone; the tag must not break the batch
    [InlineData("id: a\ntags: [x, y]\n", ":x: 1\n")] // the scanner remembers a flow collection across ---
    [InlineData(" id: a\n", ": x\n")] // and the indentation
    [InlineData("id: a\n", "!!str\n")] // a tag alone is an empty scalar, not an empty file
    [InlineData("id: a\n", "&anchor\n")]
    [InlineData("id: a\nnote: |+\n  kept\n\n\n", "id: b\n")] // trailing blank lines kept by the scalar
    [InlineData("id: a\n", "id: b\nnote:\n")] // an empty value at the end of a file ends where the file does
    [InlineData("id: a\n", "id: b\ntags:\n  -\n# done\n")]
    public void A_file_reads_the_same_in_a_batch_after_any_neighbour(string before, string file) =>
        AssertSameAsAlone([before, file, "id: after\n"]);

    [Fact]
    public void A_syntax_error_in_one_file_is_reported_once_with_its_own_line()
    {
        var texts = new List<string> { "id: a\n", "id: b\nstatement: [open\nnote: x\n", "id: c\n" };
        var sinks = texts.Select((_, i) => new FindingSink($"f{i}.yaml")).ToList();
        var roots = YamlTreeReader.ReadMany(texts, sinks);
        Assert.NotNull(roots[0]);
        Assert.Null(roots[1]);
        Assert.NotNull(roots[2]);
        Assert.Empty(sinks[0].Findings);
        Assert.Empty(sinks[2].Findings);
        var finding = Assert.Single(sinks[1].Findings);
        Assert.Equal(Rules.YamlSyntax, finding.Rule);
    }

    [Fact]
    public void A_flow_sequence_nested_100000_deep_is_one_finding_at_the_depth_limit_in_a_batch_as_alone()
    {
        var deep = "id: deep\ntags: " + new string('[', 100_000) + new string(']', 100_000) + "\n";
        var texts = new List<string> { "id: a\n", deep, "id: c\n" };
        var sinks = texts.Select((_, i) => new FindingSink($"f{i}.yaml")).ToList();
        var roots = YamlTreeReader.ReadMany(texts, sinks);
        Assert.Null(roots[1]);
        var finding = Assert.Single(sinks[1].Findings);
        // the root mapping and 63 lists are open: the 64th [ (column 7 + 63) is one level too deep
        Assert.Equal((Rules.YamlSyntax, 2, 70, $"nesting deeper than {YamlTreeReader.MaxDepth} levels"),
            (finding.Rule, finding.Line, finding.Column, finding.Message));
        Assert.Equal("a", ((YScalar)((YMapping)roots[0]!).Entries[0].Value).Value);
        Assert.Equal("c", ((YScalar)((YMapping)roots[2]!).Entries[0].Value).Value);
        AssertSameAsAlone(texts);
    }

    [Fact]
    public void Positions_in_a_later_file_of_the_batch_count_from_its_own_first_line()
    {
        var texts = new List<string> { "id: a\nstatement: x\nnote: y\n", "id: b\n\ntags: [p, q]\n" };
        var sinks = texts.Select((_, i) => new FindingSink($"f{i}.yaml")).ToList();
        var roots = YamlTreeReader.ReadMany(texts, sinks);
        var tags = ((YMapping)roots[1]!).Entries.Single(e => e.Key.Value == "tags");
        Assert.Equal(new Position(3, 1), tags.Key.Start);
        Assert.Equal(new Position(3, 7), tags.Value.Start);
        Assert.Equal(new Position(3, 12), ((YSequence)tags.Value).End); // the closing bracket
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
    public void Random_files_read_the_same_in_a_batch_as_alone_and_never_throw()
    {
        // EVIDENCE_FUZZ=N runs N batches instead of 3,000 (another seed: EVIDENCE_FUZZ_SEED)
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("EVIDENCE_FUZZ"), out var n) ? n : 3000;
        var random = new Random(int.TryParse(Environment.GetEnvironmentVariable("EVIDENCE_FUZZ_SEED"), out var seed) ? seed : 1);
        for (var it = 0; it < iterations; it++)
        {
            var texts = new List<string>();
            for (var f = random.Next(2, 6); f > 0; f--)
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
                texts.Add(file.ToString());
            }
            AssertSameAsAlone(texts);
        }
    }

    private static string? TryRead(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            return new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            return null;
        }
    }

    private static void AssertSameAsAlone(IReadOnlyList<string> texts)
    {
        var batchSinks = texts.Select((_, i) => new FindingSink($"file{i}.yaml")).ToList();
        var batch = YamlTreeReader.ReadMany(texts, batchSinks);
        for (var i = 0; i < texts.Count; i++)
        {
            var alone = new FindingSink($"file{i}.yaml");
            var expected = YamlTreeReader.Read(texts[i], alone);
            var what = $"file {i}: {texts[i].ReplaceLineEndings("⏎")}";
            Assert.True(Dump(expected) == Dump(batch[i]), $"{what}\nalone:   {Dump(expected)}\nbatched: {Dump(batch[i])}");
            Assert.True(Findings(alone) == Findings(batchSinks[i]), $"{what}\nalone:   {Findings(alone)}\nbatched: {Findings(batchSinks[i])}");
        }
    }

    private static string Findings(FindingSink sink) =>
        string.Join(" | ", sink.Findings.Select(f => $"{f.Rule} {f.Severity} {f.Line}:{f.Column} {f.Message}"));

    private static string Dump(YNode? node) => node switch
    {
        null => "null",
        YScalar s => $"S{s.Start}-{s.End}:{s.Style}:'{s.Value}'",
        YSequence q => $"Q{q.Start}-{q.End}:{q.IsFlow}[{string.Join(", ", q.Items.Select(Dump))}]",
        YMapping m => $"M{m.Start}:{m.IsFlow}{{{string.Join(", ", m.Entries.Select(e => Dump(e.Key) + " => " + Dump(e.Value)))}}}",
        _ => node.GetType().Name,
    };
}
