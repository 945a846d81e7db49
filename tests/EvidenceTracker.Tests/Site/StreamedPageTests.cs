using System.Security.Cryptography;
using EvidenceTracker.App;
using EvidenceTracker.Site;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Site;

/// <summary>
/// Whole-site pages streamed to their files (<see cref="PageContent.Streamed"/>): hashed and compared as they are
/// rendered, written through a temporary file only when they differ, never held whole.
/// </summary>
public sealed class StreamedPageTests
{
    /// <summary>A page of <paramref name="length"/> bytes, different for each <paramref name="seed"/>.</summary>
    private static byte[] PageBytes(int length, int seed = 0)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)('a' + ((i * 7 + seed) % 26));
        }
        return bytes;
    }

    /// <summary>Writes the bytes in pieces of uneven sizes (1 byte to 100 KB), as a renderer does.</summary>
    private static void WriteInPieces(Stream stream, byte[] bytes)
    {
        int[] sizes = [1, 7, 4093, 100_000, 65_536, 3];
        for (int offset = 0, i = 0; offset < bytes.Length; i++)
        {
            var n = Math.Min(sizes[i % sizes.Length], bytes.Length - offset);
            stream.Write(bytes, offset, n);
            offset += n;
        }
    }

    private static SiteWriteResult WritePage(string outDir, Action<Stream> write, SiteWriteOptions? options = null) =>
        SiteWriter.Write(outDir, [new PageGroup("index", null, sink => sink("index.html", PageContent.Streamed(write))) { WholeSite = true }],
            options ?? new SiteWriteOptions());

    private static string[] TemporaryFiles(string outDir) =>
        Directory.GetFiles(outDir, ".evidence-site-*", SearchOption.AllDirectories);

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [Fact]
    public void A_streamed_page_larger_than_the_writers_buffer_is_written_as_its_bytes_and_listed_with_their_hash()
    {
        using var repo = new TempRepo();
        var outDir = repo.Full("out");
        var page = PageBytes(1_000_003);

        var result = WritePage(outDir, s => WriteInPieces(s, page));

        Assert.Equal(["index.html"], result.Written);
        Assert.Equal(page, File.ReadAllBytes(Path.Combine(outDir, "index.html")));
        Assert.Contains($"\"index.html\": \"{Sha256(page)}\"", File.ReadAllText(Path.Combine(outDir, ".evidence-site.json")), StringComparison.Ordinal);
        Assert.Empty(TemporaryFiles(outDir));
    }

    [Fact]
    public void An_empty_streamed_page_is_written_as_an_empty_file()
    {
        using var repo = new TempRepo();
        var outDir = repo.Full("out");

        WritePage(outDir, _ => { });

        Assert.Empty(File.ReadAllBytes(Path.Combine(outDir, "index.html")));
        Assert.Empty(TemporaryFiles(outDir));
    }

    [Fact]
    public void An_unchanged_streamed_page_is_rendered_and_compared_but_its_file_is_not_touched()
    {
        using var repo = new TempRepo();
        var outDir = repo.Full("out");
        var page = PageBytes(300_000);
        WritePage(outDir, s => WriteInPieces(s, page));
        var path = Path.Combine(outDir, "index.html");
        var longAgo = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, longAgo);
        var rendered = 0;

        var result = WritePage(outDir, s =>
        {
            rendered++;
            WriteInPieces(s, page);
        });

        Assert.Equal(1, rendered);
        Assert.Empty(result.Written);
        Assert.Equal(1, result.Unchanged);
        Assert.Equal(longAgo, File.GetLastWriteTimeUtc(path));
        Assert.Empty(TemporaryFiles(outDir));
    }

    [Theory]
    [InlineData(300_000, 200_000)] // differs after the first buffers were found the same
    [InlineData(300_000, 0)] // differs from the first byte
    [InlineData(300_000, -1)] // the old page with 1,000 bytes more at the end
    [InlineData(300_000, -2)] // the old page cut short by 1,000 bytes
    public void A_changed_streamed_page_replaces_the_old_one_whole(int length, int changeAt)
    {
        using var repo = new TempRepo();
        var outDir = repo.Full("out");
        var old = PageBytes(length);
        WritePage(outDir, s => WriteInPieces(s, old));
        var page = changeAt switch
        {
            -1 => [.. old, .. PageBytes(1_000, 3)],
            -2 => old[..^1_000],
            _ => [.. old[..changeAt], .. PageBytes(length - changeAt, 5)],
        };

        var result = WritePage(outDir, s => WriteInPieces(s, page));

        Assert.Equal(["index.html"], result.Written);
        Assert.Equal(page, File.ReadAllBytes(Path.Combine(outDir, "index.html")));
        Assert.Contains($"\"index.html\": \"{Sha256(page)}\"", File.ReadAllText(Path.Combine(outDir, ".evidence-site.json")), StringComparison.Ordinal);
        Assert.Empty(TemporaryFiles(outDir));
    }

    [Theory]
    [InlineData(100_000, 250_000)] // the failure comes after the page began to differ: a temporary file was being written
    [InlineData(250_000, 200_000)] // the failure comes while the page was still the same as the old one
    public void A_page_whose_rendering_fails_half_way_leaves_the_old_page_whole_and_no_temporary_file(int sameBytes, int writtenBeforeFailure)
    {
        using var repo = new TempRepo();
        var outDir = repo.Full("out");
        var old = PageBytes(300_000);
        WritePage(outDir, s => WriteInPieces(s, old));
        var changed = (byte[])old.Clone();
        changed[sameBytes] ^= 1;

        var e = Assert.Throws<AggregateException>(() => WritePage(outDir, s =>
        {
            WriteInPieces(s, changed[..writtenBeforeFailure]);
            throw new InvalidOperationException("the renderer failed");
        }));

        Assert.Equal("the renderer failed", e.Flatten().InnerExceptions.Single().Message);
        Assert.Equal(old, File.ReadAllBytes(Path.Combine(outDir, "index.html")));
        Assert.Empty(TemporaryFiles(outDir));
        var next = WritePage(outDir, s => WriteInPieces(s, changed));
        Assert.Equal(["index.html"], next.Written);
        Assert.Equal(changed, File.ReadAllBytes(Path.Combine(outDir, "index.html")));
    }

    [Fact]
    public void Check_only_compares_a_streamed_page_and_writes_nothing()
    {
        using var repo = new TempRepo();
        var outDir = repo.Full("out");
        var old = PageBytes(200_000);
        WritePage(outDir, s => WriteInPieces(s, old));

        var same = WritePage(outDir, s => WriteInPieces(s, old), new SiteWriteOptions { CheckOnly = true });
        var differs = WritePage(outDir, s => WriteInPieces(s, PageBytes(200_000, 1)), new SiteWriteOptions { CheckOnly = true });

        Assert.Empty(same.Stale);
        Assert.Equal(["index.html"], differs.Stale);
        Assert.Equal(old, File.ReadAllBytes(Path.Combine(outDir, "index.html")));
        Assert.Empty(TemporaryFiles(outDir));
    }

    [Fact]
    public void A_streamed_page_does_not_replace_a_file_no_build_wrote_unless_forced()
    {
        using var repo = new TempRepo();
        var outDir = repo.Full("out");
        SiteWriter.Write(outDir, [new PageGroup("other", null, sink => sink("other.html", new byte[] { 1 }))], new SiteWriteOptions());
        var mine = repo.Write("out/index.html", "my own page");
        var page = PageBytes(100_000);

        var e = Assert.Throws<AggregateException>(() => WritePage(outDir, s => WriteInPieces(s, page)));

        Assert.IsType<SiteOutputException>(e.Flatten().InnerExceptions.Single());
        Assert.Equal("my own page", File.ReadAllText(mine));
        Assert.Empty(TemporaryFiles(outDir));
        WritePage(outDir, s => WriteInPieces(s, page), new SiteWriteOptions { Force = true });
        Assert.Equal(page, File.ReadAllBytes(mine));
    }

    [Fact]
    public void The_whole_site_pages_of_a_build_reach_the_writer_as_streams_not_bytes()
    {
        var groups = SiteBuilder.Groups(EvidenceQueries.Check(TestPaths.Fixture("clean")));
        var pages = new Dictionary<string, PageContent>(StringComparer.Ordinal);
        foreach (var g in groups.Where(g => g.WholeSite))
        {
            g.Render((path, content) => pages.Add(path, content));
        }

        Assert.Equal(["README.md", "evidence.json", "index.html", "matrix.html", "matrix.md", "sources.html", "sources.md"], pages.Keys.Order(StringComparer.Ordinal));
        Assert.All(pages.Values, p => Assert.Null(p.Bytes));
    }

    [Fact]
    public void The_whole_site_pages_of_a_large_site_are_written_to_their_stream_in_chunks()
    {
        using var repo = new TempRepo("clean");
        for (var i = 0; i < 1500; i++)
        {
            repo.Write($"claims/many-{i:D4}.yaml",
                $"id: many-{i:D4}\nstatement: Claim number {i} says something about coffee and sleep, at some length.\narticle: coffee-study\ncitations:\n  - source: smith-2023-caffeine\n    locator: methods\ntags: [caffeine, sleep]\n");
        }
        var groups = SiteBuilder.Groups(EvidenceQueries.Check(repo.Root));
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);

        foreach (var g in groups.Where(g => g.WholeSite))
        {
            g.Render((path, content) =>
            {
                using var recorder = new WriteRecorder();
                content.WriteTo(recorder);
                totals[path] = recorder.Total;
                Assert.True(recorder.Largest <= 140_000, $"{path} reached its stream in a write of {recorder.Largest} bytes");
            });
        }
        Assert.True(totals["index.html"] > 500_000, $"index.html: {totals["index.html"]} bytes");
        Assert.True(totals["evidence.json"] > 500_000, $"evidence.json: {totals["evidence.json"]} bytes");
    }

    [Fact]
    public void A_lazy_fragment_makes_each_child_only_when_it_is_written_and_escapes_it_as_any_node()
    {
        var made = 0;
        var rows = H.E("tbody", H.Each(new[] { "a<b", "c&d" }, text =>
        {
            made++;
            return H.E("tr", H.E("td", text).Attr("data-text", text + "\""));
        }));
        Assert.Equal(0, made);

        var html = rows.ToString();

        Assert.Equal(2, made);
        Assert.Equal("<tbody><tr><td data-text=\"a&lt;b&quot;\">a&lt;b</td></tr><tr><td data-text=\"c&amp;d&quot;\">c&amp;d</td></tr></tbody>", html);
        Assert.Equal(H.E("tbody", H.All(H.E("tr", H.E("td", "a<b").Attr("data-text", "a<b\"")), H.E("tr", H.E("td", "c&d").Attr("data-text", "c&d\"")))).ToString(), html);
    }

    [Fact]
    public void The_manifest_of_a_large_site_reaches_its_stream_in_chunks()
    {
        var entries = Enumerable.Range(0, 20_000).ToDictionary(i => $"claims/page-{i:D5}.html", i => Sha256([(byte)i, (byte)(i >> 8)]), StringComparer.Ordinal);
        using var recorder = new WriteRecorder();

        SiteManifest.Write(recorder, entries, new Dictionary<string, string>());

        Assert.True(recorder.Total > 1_000_000, $"{recorder.Total} bytes");
        Assert.True(recorder.Largest <= 140_000, $"the manifest reached its stream in a write of {recorder.Largest} bytes");
    }

    /// <summary>A stream that keeps only the number of bytes written to it and the largest single write.</summary>
    private sealed class WriteRecorder : Stream
    {
        public long Total { get; private set; }

        public int Largest { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Total;

        public override long Position { get => Total; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Total += buffer.Length;
            Largest = Math.Max(Largest, buffer.Length);
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    [Fact]
    public void The_whole_site_pages_written_by_a_build_are_the_bytes_the_builder_renders()
    {
        using var repo = new TempRepo("clean");
        var report = EvidenceQueries.Check(repo.Root);
        var expected = SiteBuilder.Build(report);

        SiteWriter.Write(repo.Full("out"), SiteBuilder.Groups(report), new SiteWriteOptions());

        foreach (var path in new[] { "index.html", "README.md", "matrix.html", "matrix.md", "sources.html", "sources.md", "evidence.json" })
        {
            Assert.Equal(expected[path], File.ReadAllBytes(repo.Full(Path.Combine("out", path))));
        }
        Assert.Empty(TemporaryFiles(repo.Full("out")));
    }
}
