using System.Diagnostics;
using System.Text.Json;
using EvidenceTracker.Articles;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Articles;

/// <summary>
/// Pandoc itself as the referee of the citation parser: the set of keys of the Cite elements that <c>pandoc -t json</c>
/// finds in each fixture manuscript (pandoc-crossref's <c>@fig:</c>… left out, as the parser leaves them) equals the set
/// the parser finds. Skipped, with the reason, where pandoc is not installed.
/// </summary>
public class PandocRefereeTests
{
    public static TheoryData<string> Manuscripts { get; } =
    [
        "joss-paper/paper.md",
        "manubot-manuscript/manuscript.md",
        "citekeys-edge/edge.md",
    ];

    private static string? Pandoc()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "pandoc");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    private static SortedSet<string> PandocKeys(string pandoc, string file)
    {
        var start = new ProcessStartInfo(pandoc, ["-f", "markdown", "-t", "json", file])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var json = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"pandoc failed on {file}: {stderr.Result}");
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var stack = new Stack<JsonElement>();
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 512 });
        stack.Push(doc.RootElement);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            if (e.ValueKind == JsonValueKind.Object)
            {
                if (e.TryGetProperty("t", out var t) && t.GetString() == "Cite")
                {
                    foreach (var citation in e.GetProperty("c")[0].EnumerateArray())
                    {
                        keys.Add(citation.GetProperty("citationId").GetString()!);
                    }
                }
                foreach (var p in e.EnumerateObject())
                {
                    stack.Push(p.Value);
                }
            }
            else if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray())
                {
                    stack.Push(item);
                }
            }
        }
        keys.RemoveWhere(PandocCitations.IsCrossReference);
        return keys;
    }

    [Theory]
    [MemberData(nameof(Manuscripts))]
    public void The_parser_finds_the_citation_keys_that_pandoc_finds(string manuscript)
    {
        var pandoc = Pandoc();
        Assert.SkipWhen(pandoc is null, "pandoc is not installed (apt-get install pandoc): the referee cannot run");
        var file = TestPaths.Fixture(manuscript);
        var ours = new SortedSet<string>(ArticleParser.Parse(File.ReadAllText(file)).Citations.Select(c => c.Key), StringComparer.Ordinal);
        var theirs = PandocKeys(pandoc!, file);
        Assert.NotEmpty(theirs);
        Assert.Equal(theirs, ours);
    }
}
