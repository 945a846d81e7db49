using System.Text;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Yaml;

namespace EvidenceTracker.Tests.Yaml;

/// <summary>
/// The fast reader of plain claim and source files against YamlDotNet: on seeded random files, sound and mutated, the
/// tree (kinds, values, styles, every position) and the findings are the same whether the fast reader took the file or
/// declined it. EVIDENCE_FUZZ=N reads N files of each kind; EVIDENCE_FUZZ_SEED picks another seed.
/// </summary>
public class YamlFastReaderTests
{
    private static readonly string[] Values =
    [
        "x", "hello world", "The model reached a sensitivity of 43.5% in the validation cohort.", "模型在A队列中的敏感性达到43.5%",
        "p. 13", "https://example.org/a?b=c#d", "10.1234/example.1", "2024-01-02", "a, b and c", "b [c] {d}", "C#", "it's", "say \"hi\"",
        "null", "~", "Null", "true", "42", "-5", "- x", "?x", ":x", "a: b", "a:b", "x #c", "x#c", "x :", "x:", "!tag", "&a", "*a", "|", ">",
        "%x", "@x", "`x`", "\"q\"", "\"\"", "\"a: b # c\"", "\"esc \\n\"", "\"open", "'s'", "'it''s'", "''", "'open", "[a, b]", "[]", "[ a ,b ]",
        "[\"Smith, Jane\", \"Wang, Li\"]", "[a, ]", "[a, [b]]", "[a: b]", "[a#b]", "['x', \"y\"]", "[a", "{a: 1}", "x  ", "é ü", "\u00A0x",
        "x\ty", "...", "---", "a\u2028b", "😀", "x y z",
    ];

    private static readonly string[] Keys =
    [
        "id", "statement", "article", "excerpt", "verdict", "note", "tags", "reviewed", "title", "url", "doi", "snapshot-sha256", "reports-on",
        "a_b", "a.b", "2024", "null", "-k", "k k", "\"q\"", "k",
    ];

    [Fact]
    public void Plain_files_read_fast_give_yamldotnet_trees_and_findings()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("EVIDENCE_FUZZ"), out var n) ? n : 3000;
        var random = new Random(int.TryParse(Environment.GetEnvironmentVariable("EVIDENCE_FUZZ_SEED"), out var seed) ? seed : 18);
        var fast = 0;
        for (var it = 0; it < iterations; it++)
        {
            var text = ClaimLike(random, plain: true);
            fast += AssertSameAsYamlDotNet(text) ? 1 : 0;
        }
        // The generator writes the plain shape (one file in eight without its last line feed, which is left to YamlDotNet):
        // most files must take the fast path, or this test would test nothing.
        Assert.True(fast > iterations * 3 / 4, $"{fast} of {iterations} files read fast");
    }

    [Fact]
    public void Mutated_files_give_yamldotnet_trees_and_findings_whether_read_fast_or_not()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("EVIDENCE_FUZZ"), out var n) ? n : 6000;
        var random = new Random(int.TryParse(Environment.GetEnvironmentVariable("EVIDENCE_FUZZ_SEED"), out var seed) ? seed : 81);
        var fast = 0;
        for (var it = 0; it < iterations; it++)
        {
            var text = Mutate(random, ClaimLike(random, plain: random.Next(2) == 0));
            fast += AssertSameAsYamlDotNet(text) ? 1 : 0;
        }
        Assert.True(fast > iterations / 10 && fast < iterations, $"{fast} of {iterations} files read fast");
    }

    [Theory]
    [InlineData("id: a\nid: b\n")]
    [InlineData("a:\n  b:\n    c:\n      d: 1\n")]
    [InlineData("c:\n- x\n- y\n\n")]
    [InlineData("c:\n  - x\n   \n  ")]
    [InlineData("n:   \nc:\n  - x\n# tail\n")]
    [InlineData("c:\n  - x\n# c\nd:")]
    [InlineData("c:\n- k: v\n  j: w\n-  [a]\n- 'it''s'\n")]
    [InlineData("a: b\n  c\n")]
    [InlineData("a: b\n  # c\n")]
    [InlineData("a:\n  # c\n  b: 1\n")]
    [InlineData("- a\n- b\n")]
    [InlineData("a: 1\n- b\n")]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void Edge_cases_give_yamldotnet_trees_and_findings(string text)
    {
        AssertSameAsYamlDotNet(text);
    }

    [Fact]
    public void A_claim_file_takes_the_fast_path()
    {
        const string Claim = "# Claim 0\nid: claim-000000\nstatement: The model reached 43.5% in the cohort.\narticle: article-0\n" +
            "citations:\n  - source: source-010568\n    quote: \"The model reached 43.5%.\"\n    locator: p. 13\n  - source: s-2\ntags: [screening, cohort-0]\n";
        Assert.True(YamlFastReader.TryRead(Claim, out var root));
        Assert.Equal(Dump(YamlTreeReader.ReadWithYamlDotNet(Claim, new FindingSink("c.yaml"))), Dump(root));
    }

    [Fact]
    public void Nesting_past_the_fast_readers_depth_is_left_to_yamldotnet_and_its_finding()
    {
        var text = new StringBuilder();
        for (var d = 0; d < 70; d++)
        {
            text.Append(' ', d * 2).Append("k:\n");
        }
        text.Append(' ', 140).Append("v: 1\n");
        Assert.False(YamlFastReader.TryRead(text.ToString(), out _));
        var sink = new FindingSink("f.yaml");
        Assert.Null(YamlTreeReader.Read(text.ToString(), sink));
        Assert.Contains(sink.Findings, f => f.Message.Contains("nesting deeper", StringComparison.Ordinal));
    }

    /// <summary>Whether the fast reader took the file; fails unless both readers give the same tree and findings.</summary>
    private static bool AssertSameAsYamlDotNet(string text)
    {
        var fastSink = new FindingSink("f.yaml");
        var slowSink = new FindingSink("f.yaml");
        var fast = YamlFastReader.TryRead(text, out _);
        var tree = Dump(YamlTreeReader.Read(text, fastSink));
        var reference = Dump(YamlTreeReader.ReadWithYamlDotNet(text, slowSink));
        var what = text.ReplaceLineEndings("⏎");
        Assert.True(reference == tree, $"{what}\nfast ({fast}):\n{tree}\nYamlDotNet:\n{reference}");
        Assert.Equal(string.Join("\n", slowSink.Findings.Select(f => $"{f.Line}:{f.Column} {f.Rule} {f.Message}")),
            string.Join("\n", fastSink.Findings.Select(f => $"{f.Line}:{f.Column} {f.Rule} {f.Message}")));
        return fast;
    }

    private static string Dump(YNode? node)
    {
        var sb = new StringBuilder();
        Dump(node, sb, 0);
        return sb.ToString();
    }

    private static void Dump(YNode? node, StringBuilder sb, int depth)
    {
        sb.Append(' ', depth * 2);
        switch (node)
        {
            case null:
                sb.Append("(none)\n");
                break;
            case YScalar s:
                sb.Append($"scalar {s.Start.Line}:{s.Start.Column}-{s.End.Line}:{s.End.Column} {s.Style} [{s.Value}]\n");
                break;
            case YSequence q:
                sb.Append($"list {q.Start.Line}:{q.Start.Column}-{q.End.Line}:{q.End.Column} flow={q.IsFlow}\n");
                foreach (var item in q.Items)
                {
                    Dump(item, sb, depth + 1);
                }
                break;
            case YMapping m:
                sb.Append($"mapping {m.Start.Line}:{m.Start.Column} flow={m.IsFlow}\n");
                foreach (var (key, value) in m.Entries)
                {
                    Dump(key, sb, depth + 1);
                    Dump(value, sb, depth + 2);
                }
                break;
        }
    }

    /// <summary>A claim- or source-like file; with <paramref name="plain"/>, only values of the plain shape.</summary>
    private static string ClaimLike(Random random, bool plain)
    {
        var sb = new StringBuilder();
        string Value() => plain ? Values[random.Next(12)] : Values[random.Next(Values.Length)];
        string Key() => plain ? Keys[random.Next(13)] : Keys[random.Next(Keys.Length)];
        string Quoted() => random.Next(3) switch { 0 => $"\"{Values[random.Next(9)]}\"", 1 => "'it''s'", _ => Value() };
        var used = new HashSet<string>(StringComparer.Ordinal);
        if (random.Next(3) == 0)
        {
            sb.Append("# a comment\n");
        }
        for (var f = random.Next(1, 8); f > 0; f--)
        {
            var key = Key();
            if (plain && !used.Add(key))
            {
                continue;
            }
            var spaces = random.Next(4) == 0 ? "   " : " ";
            switch (random.Next(6))
            {
                case 0:
                    sb.Append($"{key}:\n");
                    var dashIndent = new string(' ', random.Next(3) * 2);
                    for (var c = random.Next(1, 4); c > 0; c--)
                    {
                        sb.Append($"{dashIndent}- source: s-{c}\n");
                        if (random.Next(2) == 0)
                        {
                            sb.Append($"{dashIndent}  quote: {Quoted()}\n");
                        }
                        if (random.Next(3) == 0)
                        {
                            sb.Append($"{dashIndent}  locator: p. {c}\n");
                        }
                        if (random.Next(6) == 0)
                        {
                            sb.Append('\n');
                        }
                    }
                    break;
                case 1:
                    sb.Append($"{key}: [{string.Join(", ", Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(2) == 0 ? $"\"{Values[random.Next(9)]}\"" : $"w{random.Next(9)}"))}]\n");
                    break;
                case 2:
                    sb.Append($"{key}:\n");
                    for (var c = random.Next(1, 4); c > 0; c--)
                    {
                        sb.Append($"  - {Quoted()}\n");
                    }
                    break;
                case 3:
                    sb.Append($"{key}:{(random.Next(2) == 0 ? "" : "  ")}\n");
                    break;
                default:
                    sb.Append($"{key}:{spaces}{Quoted()}\n");
                    break;
            }
            if (random.Next(8) == 0)
            {
                sb.Append(random.Next(2) == 0 ? "\n" : "# between\n");
            }
        }
        return random.Next(8) == 0 ? sb.ToString().TrimEnd('\n') : sb.ToString();
    }

    private static readonly string[] Inserts =
    [
        " ", "  ", "\t", "\r", "#", " #c", ":", ": ", "-", "- ", "[", "]", "{", "}", ",", "\"", "'", "\\", "|", ">", "&a ", "*a", "!x ", "%",
        "\n", "\n  ", "\n- ", "\n  c\n", "x", "é", "\u00A0", "\uFEFF", "\u0085", "---\n", "...\n", "? ", "\n# c\n", "    ",
    ];

    /// <summary>One to three edits: a piece inserted, a character removed, a line repeated or its indentation changed.</summary>
    private static string Mutate(Random random, string text)
    {
        var sb = new StringBuilder(text);
        for (var e = random.Next(1, 4); e > 0; e--)
        {
            var at = random.Next(sb.Length + 1);
            switch (random.Next(5))
            {
                case 0:
                case 1:
                    sb.Insert(at, Inserts[random.Next(Inserts.Length)]);
                    break;
                case 2:
                    if (at < sb.Length)
                    {
                        sb.Remove(at, 1);
                    }
                    break;
                case 3:
                    var lines = sb.ToString().Split('\n').ToList();
                    var l = random.Next(lines.Count);
                    lines.Insert(l, lines[l]);
                    sb.Clear().Append(string.Join('\n', lines));
                    break;
                default:
                    var all = sb.ToString().Split('\n');
                    var k = random.Next(all.Length);
                    all[k] = random.Next(2) == 0 ? " " + all[k] : all[k].TrimStart();
                    sb.Clear().Append(string.Join('\n', all));
                    break;
            }
        }
        return sb.ToString();
    }
}
