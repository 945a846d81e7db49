using System.Text;
using EvidenceTracker.App;
using EvidenceTracker.Site;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Site;

/// <summary>The pages as large as the evidence (index, matrix, sources, README, evidence.json): one at a time, streamed.</summary>
public sealed class WholeSitePageTests
{
    [Fact]
    public void The_site_marks_exactly_its_whole_site_pages()
    {
        var groups = SiteBuilder.Groups(EvidenceQueries.Check(TestPaths.Fixture("clean")));
        Assert.Equal(["README", "evidence", "index", "matrix", "sources"],
            groups.Where(g => g.WholeSite).Select(g => g.Stem).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_writer_never_renders_two_whole_site_pages_at_once_and_still_renders_every_page()
    {
        using var repo = new TempRepo("clean");
        var running = 0;
        var most = 0;
        using var joined = new ManualResetEventSlim();
        PageGroup Whole(string name) => new(name, "inputs", sink =>
        {
            var now = Interlocked.Increment(ref running);
            if (now > 1)
            {
                joined.Set();
            }
            InterlockedMax(ref most, now);
            // Gives another whole-site page every chance to start meanwhile, were the writer to allow it.
            joined.Wait(TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken);
            sink($"{name}.html", Encoding.UTF8.GetBytes(name));
            Interlocked.Decrement(ref running);
        }) { WholeSite = true };
        var groups = new List<PageGroup> { Whole("index"), Whole("matrix"), Whole("sources"), Whole("evidence") };
        for (var i = 0; i < 50; i++)
        {
            var stem = $"claims/c{i}";
            groups.Add(new PageGroup(stem, "inputs", sink => sink($"{stem}.html", Encoding.UTF8.GetBytes(stem))));
        }

        var result = SiteWriter.Write(repo.Full("out"), groups, new SiteWriteOptions());

        Assert.Equal(1, most);
        Assert.Equal(54, result.Files);
        Assert.Equal("matrix", File.ReadAllText(repo.Full("out/matrix.html")));
    }

    [Fact]
    public void A_failing_whole_site_page_fails_the_write_as_one_failing_group_does()
    {
        using var repo = new TempRepo("clean");
        var groups = new List<PageGroup>
        {
            new("index", "inputs", _ => throw new InvalidOperationException("index failed")) { WholeSite = true },
            new("claims/a", "inputs", sink => sink("claims/a.html", new byte[] { 1 })),
        };

        var e = Assert.Throws<AggregateException>(() => SiteWriter.Write(repo.Full("out"), groups, new SiteWriteOptions()));

        Assert.Equal("index failed", Assert.Single(e.InnerExceptions).Message);
    }

    [Fact]
    public void An_element_tree_written_to_a_text_writer_is_the_markup_written_to_a_string_builder()
    {
        var page = H.E("html", H.E("p", "a & b < c > d \"e\" 'f' \r\n\t\u0001\u007f 中文 🦊", new TextNode(""), H.E("br"))
                .Attr("title", "x\"<y>\u0002'").Attr("hidden", null),
            H.All(H.E("a", "link").Href("https://example.org/?a=1&b=2"), Raw.Constant("<b>kept</b>")));
        using var writer = new StringWriter();

        page.WriteTo(writer);

        Assert.Equal(page.ToString(), writer.ToString());
        Assert.Contains("a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39; \n\t 中文 🦊", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_whole_site_pages_are_the_bytes_of_their_documents()
    {
        var site = SiteBuilder.Build(EvidenceQueries.Check(TestPaths.Fixture("clean")));
        foreach (var path in new[] { "index.html", "matrix.html", "sources.html" })
        {
            var text = Encoding.UTF8.GetString(site[path]);
            Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", text, StringComparison.Ordinal);
            Assert.EndsWith("</html>\n", text, StringComparison.Ordinal);
            Assert.NotEqual(0xEF, site[path][0]);
        }
        using var json = System.Text.Json.JsonDocument.Parse(site["evidence.json"]);
        Assert.Equal(1, json.RootElement.GetProperty("version").GetInt32());
        Assert.Equal((byte)'\n', site["evidence.json"][^1]);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }
}
