using System.Text;
using EvidenceTracker.App;
using EvidenceTracker.Site;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Site;

/// <summary>
/// Articles whose shape made one site page cost the square of its size. Each is capped like the fuzz harness (a hang
/// fails, time is not measured), at a size the old code took minutes on.
/// </summary>
public class SiteLinearTimeTests
{
    private static async Task<IReadOnlyDictionary<string, byte[]>> BuildCapped(string article)
    {
        using var repo = new TempRepo();
        repo.Write("evidence.yaml", "title: T\n");
        repo.Write("articles/a.md", "---\ntitle: A\n---\n\n" + article);
        return await Task.Run(() => SiteBuilder.Build(EvidenceQueries.Check(repo.Root)), TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Forty_thousand_links_with_no_space_between_them_are_written_to_the_markdown_page_in_one_pass()
    {
        // Each https:// began a candidate URL that ran to the end of the line, was too long to parse, and was scanned
        // again from the next one: 8,000 such links took 10 s to build.
        var site = await BuildCapped("x " + string.Concat(Enumerable.Repeat("[T](https://e.com)·", 40_000)) + "\n");
        var page = Encoding.UTF8.GetString(site["articles/a.md"]);
        Assert.Equal(40_000, page.Split("https://e.com").Length - 1);
    }

    [Fact]
    public async Task Half_a_million_setext_underlines_are_built_in_one_pass()
    {
        // 150,000 took 6.5 s to build (Markdig found each heading's paragraph by searching the page from the top).
        var site = await BuildCapped("x\n" + string.Concat(Enumerable.Repeat("=\n", 500_000)));
        Assert.Contains("articles/a.html", site.Keys);
    }
}
