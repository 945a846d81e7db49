using System.Text;
using EvidenceTracker.Cli;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Lookup;

/// <summary><c>evidence snapshot SOURCE…</c> fetching from a local server that answers as a web site, E-utilities and the Wayback Machine do.</summary>
public sealed class SnapshotFetchTests : IDisposable
{
    private const string Page =
        "<html><head><title>Leaks</title></head><body><nav>Home</nav><article><p>Inspectors found leaking pipes in 43.2% of the homes they visited.</p></article></body></html>";

    private const string Efetch =
        "<?xml version=\"1.0\" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD PubMedArticle, 1st January 2024//EN\" \"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_240101.dtd\">\n" +
        "<PubmedArticleSet><PubmedArticle><MedlineCitation Status=\"MEDLINE\" Owner=\"NLM\"><PMID Version=\"1\">37985692</PMID><Article PubModel=\"Print-Electronic\">" +
        "<ArticleTitle>Large-scale pancreatic cancer detection via non-contrast CT and deep learning.</ArticleTitle>" +
        "<Abstract><AbstractText Label=\"BACKGROUND\">Pancreatic ductal adenocarcinoma is the most deadly solid malignancy.</AbstractText>" +
        "<AbstractText Label=\"RESULTS\">PANDA achieved a sensitivity of 92.9% and specificity of 99.9% for lesion detection.</AbstractText></Abstract>" +
        "</Article></MedlineCitation></PubmedArticle></PubmedArticleSet>\n";

    private readonly LocalHttpServer _server = new();
    private readonly TempRepo _repo = new();

    public SnapshotFetchTests()
    {
        _repo.Write("sources/leaks-page.yaml", $"id: leaks-page\ntype: web-page\ntitle: Leaks\nurl: {_server.Base}/page\n");
        _repo.Write("sources/panda.yaml", "id: panda\ntype: journal-article\ntitle: PANDA\npmid: \"37985692\"\ndoi: 10.1038/s41591-023-02640-w\n");
        _repo.Write("claims/leaks.yaml",
            "id: leaks\nstatement: Leaks were found in 43% of homes.\ncitations:\n  - source: leaks-page\n    quote: Inspectors found leaking pipes in 43.2% of the homes\n");
        _repo.Write("claims/panda-sensitivity.yaml",
            "id: panda-sensitivity\nstatement: PANDA detected lesions with 92.9% sensitivity.\ncitations:\n  - source: panda\n    quote: PANDA achieved a sensitivity of 92.9% […] for lesion detection\n");
    }

    private CliEnvironment Env() => CliEnvironment.Plain(_repo.Root) with
    {
        Today = () => new DateOnly(2026, 12, 2),
        Variable = name => name switch
        {
            "EVIDENCE_DOI_URL" => _server.Base + "/doi",
            "EVIDENCE_EUTILS_URL" => _server.Base + "/eutils",
            "EVIDENCE_WAYBACK_URL" => _server.Base + "/wayback",
            _ => null,
        },
    };

    private CliResult Run(params string[] args) => CliRunner.Run(Env(), ["--root", _repo.Root, .. args]);

    private const string EfetchPath = "/eutils/efetch.fcgi?db=pubmed&id=37985692&rettype=abstract&retmode=xml";

    [Fact]
    public void An_html_page_and_a_pubmed_abstract_are_fetched_archived_and_their_quotes_verified()
    {
        _server.On("/page", new Reply(200, Page, "text/html; charset=utf-8"));
        _server.On(EfetchPath, new Reply(200, Efetch, "text/xml"));
        var result = Run("snapshot", "--all");
        Assert.Equal("", result.Error);
        Assert.Equal(0, result.ExitCode);
        var page = _repo.Read("sources/leaks-page.yaml");
        Assert.Matches(@"snapshot: snapshots/leaks-page\.[0-9a-f]{12}\.html\n", page);
        Assert.Contains("archived: 2026-12-02", page, StringComparison.Ordinal);
        var panda = _repo.Read("sources/panda.yaml");
        Assert.Matches(@"snapshot: snapshots/panda\.[0-9a-f]{12}\.txt\n", panda);
        var abstractFile = Directory.GetFiles(_repo.Full("sources/snapshots"), "panda.*.txt").Single();
        var text = File.ReadAllText(abstractFile);
        Assert.StartsWith("Large-scale pancreatic cancer detection", text, StringComparison.Ordinal);
        Assert.Contains("RESULTS: PANDA achieved a sensitivity of 92.9%", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.Contains("snapshot: 2 sources, 2 archived", result.Out, StringComparison.Ordinal);
        var check = CliRunner.Run(_repo.Root, "check", "--format", "json");
        Assert.Contains("\"verified\": 2", check.Out, StringComparison.Ordinal);

        // --all again: nothing left without a snapshot, nothing asked
        var before = _server.Requests.Count;
        var again = Run("snapshot", "--all");
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(before, _server.Requests.Count);
    }

    private static Encoding Legacy(string name) => CodePagesEncodingProvider.Instance.GetEncoding(name)!;

    [Theory]
    [InlineData("gbk", "text/html; charset=gbk", "")]
    [InlineData("gb18030", "text/html", "<meta charset=\"gb2312\">")]
    [InlineData("gbk", "text/html", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">")]
    [InlineData("big5", "text/html; charset=Big5", "")]
    [InlineData("shift_jis", "text/html", "<meta charset=Shift_JIS>")]
    public void A_page_in_the_legacy_charset_it_declares_is_archived_as_utf8_and_its_quote_found(string encoding, string contentType, string meta)
    {
        var text = encoding == "shift_jis" ? "検査官は43.2%の家庭で漏水を発見した" : encoding == "big5" ? "檢查員在43.2%的家庭中發現漏水" : "检查员在43.2%的家庭中发现漏水";
        _repo.Write("claims/leaks.yaml", $"id: leaks\nstatement: Leaks were found in 43% of homes.\ncitations:\n  - source: leaks-page\n    quote: {text}\n");
        var html = $"<html><head>{meta}<title>T</title></head><body><article><p>{text}</p></article></body></html>";
        _server.On("/page", new Reply(200, "", contentType) { Bytes = Legacy(encoding).GetBytes(html) });
        var result = Run("snapshot", "leaks-page");
        Assert.Equal("", result.Error);
        Assert.Equal(0, result.ExitCode);
        var snapshot = Assert.Single(Directory.GetFiles(_repo.Full("sources/snapshots")));
        var stored = new UTF8Encoding(false, true).GetString(File.ReadAllBytes(snapshot));
        Assert.Contains(text, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("gb2312", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("charset=gbk", stored, StringComparison.OrdinalIgnoreCase);
        var check = CliRunner.Run(_repo.Root, "check");
        Assert.DoesNotContain("quote-not-found", check.Out);
    }

    [Fact]
    public void A_page_with_bytes_that_are_not_valid_in_its_declared_charset_is_refused_in_one_line()
    {
        _server.On("/page", new Reply(200, "", "text/html; charset=gbk") { Bytes = [.. "<html><body><p>abc"u8, 0x81, 0x20, .. "</p></body></html>"u8] });
        var result = Run("snapshot", "leaks-page");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is not valid gbk", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.False(Directory.Exists(_repo.Full("sources/snapshots")) && Directory.GetFiles(_repo.Full("sources/snapshots")).Length > 0);
    }

    [Fact]
    public void A_pdf_answer_is_archived_as_pdf()
    {
        var pdf = TestPdf.Pages(["Inspectors found leaking pipes in 43.2% of the homes they visited."]);
        _server.On("/page", new Reply(200, "", "application/pdf") { Bytes = pdf });
        var result = Run("snapshot", "leaks-page");
        Assert.True(result.ExitCode == 0, result.Error);
        var file = Directory.GetFiles(_repo.Full("sources/snapshots"), "leaks-page.*.pdf").Single();
        Assert.Equal(pdf, File.ReadAllBytes(file));
        var check = CliRunner.Run(_repo.Root, "check");
        Assert.True(check.ExitCode == 0, check.Out);
    }

    [Fact]
    public void Refresh_reports_per_quote_and_changes_nothing_without_update()
    {
        _server.On("/page", new Reply(200, Page, "text/html"));
        Assert.Equal(0, Run("snapshot", "leaks-page").ExitCode);
        var source = _repo.Read("sources/leaks-page.yaml");
        var files = Directory.GetFiles(_repo.Full("sources/snapshots"));
        _server.On("/page", new Reply(200, Page.Replace("43.2%", "41.0%", StringComparison.Ordinal), "text/html"));

        var refreshed = Run("snapshot", "leaks-page", "--refresh");
        Assert.Equal(0, refreshed.ExitCode);
        Assert.Contains("leaks-page: quote of leaks NOT found in the copy fetched again", refreshed.Out, StringComparison.Ordinal);
        Assert.Contains("differs from the archived one; nothing changed", refreshed.Out, StringComparison.Ordinal);
        Assert.Equal(source, _repo.Read("sources/leaks-page.yaml"));
        Assert.Equal(files, Directory.GetFiles(_repo.Full("sources/snapshots")));

        var updated = Run("snapshot", "leaks-page", "--refresh", "--update");
        Assert.Equal(0, updated.ExitCode);
        Assert.NotEqual(source, _repo.Read("sources/leaks-page.yaml"));
        Assert.Equal(1, CliRunner.Run(_repo.Root, "check").ExitCode); // the quote is no longer in the archived copy
    }

    [Fact]
    public void Wayback_records_the_closest_archived_copy_as_archive_url()
    {
        _server.On("/page", new Reply(200, Page, "text/html"));
        _server.On($"/wayback?url={Uri.EscapeDataString(_server.Base + "/page")}", Reply.Json(
            "{\"url\":\"x\",\"archived_snapshots\":{\"closest\":{\"status\":\"200\",\"available\":true,\"url\":\"http://web.archive.org/web/20250625000000/https://example.org/page\",\"timestamp\":\"20250625000000\"}}}"));
        var result = Run("snapshot", "leaks-page", "--wayback");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("archive-url: https://web.archive.org/web/20250625000000/https://example.org/page\n", _repo.Read("sources/leaks-page.yaml"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HTTP://A.B/\\u0000")]
    [InlineData("https://a.b/\\u202Etxt.exe")]
    [InlineData("LONG")]
    public void A_wayback_address_that_check_would_refuse_or_that_is_too_long_is_not_recorded(string closest)
    {
        closest = closest == "LONG" ? "http://web.archive.org/" + new string('a', 3000) : closest;
        _server.On("/page", new Reply(200, Page, "text/html"));
        _server.On($"/wayback?url={Uri.EscapeDataString(_server.Base + "/page")}", Reply.Json(
            "{\"archived_snapshots\":{\"closest\":{\"available\":true,\"url\":\"" + closest + "\"}}}"));
        var result = Run("snapshot", "leaks-page", "--wayback");
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("archive-url", _repo.Read("sources/leaks-page.yaml"), StringComparison.Ordinal);
        Assert.Contains("snapshot: snapshots/", _repo.Read("sources/leaks-page.yaml"), StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run(_repo.Root, "check").ExitCode);
    }

    [Fact]
    public void A_wayback_answer_that_is_not_utf8_gives_no_archive_url_and_the_snapshot_stands()
    {
        _server.On("/page", new Reply(200, Page, "text/html"));
        _server.On($"/wayback?url={Uri.EscapeDataString(_server.Base + "/page")}", Reply.Json("") with
        {
            Bytes = [.. "{\"archived_snapshots\":{\"closest\":{\"available\":true,\"url\":\"http://web.archive.org/web/2025/"u8, 0xFF, .. "\"}}}"u8],
        });
        var result = Run("snapshot", "leaks-page", "--wayback");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("the Wayback Machine's answer is not JSON", result.Out + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("archive-url", _repo.Read("sources/leaks-page.yaml"), StringComparison.Ordinal);
        Assert.Contains("snapshot: snapshots/", _repo.Read("sources/leaks-page.yaml"), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadAnswers => new()
    {
        { "unknown-doi", "DOI 10.9999/nothing was not found (HTTP 404)" },
        { "missing-pmid", "PMID 99999999 does not exist" },
        { "garbage", "UTF-8" },
        { "scan", "needs OCR" },
        { "huge", "over the 50 MB limit" },
        { "loop", "more than 5 redirects" },
        { "ftp", "is not an http(s) URL" },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public void A_bad_answer_is_a_one_line_error_naming_the_source_and_nothing_is_written_for_it(string id, string expected)
    {
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);
        _server.On("/doi/10.9999/nothing", new Reply(404, "not found"));
        _server.On("/eutils/efetch.fcgi?db=pubmed&id=99999999&rettype=abstract&retmode=xml", new Reply(200, "<?xml version=\"1.0\"?>\n<PubmedArticleSet></PubmedArticleSet>\n", "text/xml"));
        _server.On("/garbage", new Reply(200, "", "text/html") { Bytes = garbage });
        _server.On("/scan", new Reply(200, "", "application/pdf") { Bytes = TestPdf.WithoutText() });
        _server.On("/huge", new Reply(200, "", "application/pdf") { Bytes = [0x25, 0x50], DeclaredLength = 200L * 1024 * 1024 });
        _server.On("/loop", new Reply(302) { Headers = new Dictionary<string, string> { ["Location"] = "/loop" } });
        _server.On("/ftp", new Reply(302) { Headers = new Dictionary<string, string> { ["Location"] = "ftp://example.org/report.pdf" } });
        _server.On("/page", new Reply(200, Page, "text/html"));
        var field = id switch
        {
            "unknown-doi" => "doi: 10.9999/nothing",
            "missing-pmid" => "pmid: \"99999999\"",
            _ => $"url: {_server.Base}/{id}",
        };
        var yaml = $"id: {id}\ntype: web-page\ntitle: Bad\n{field}\n";
        _repo.Write($"sources/{id}.yaml", yaml);
        var result = Run("snapshot", id, "leaks-page");
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"error: {id}: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Equal(yaml, _repo.Read($"sources/{id}.yaml"));
        Assert.Empty(Directory.GetFiles(_repo.Full("sources/snapshots"), $"{id}.*"));
        Assert.False(Directory.Exists(_repo.Full("sources/.cache")));
        // the batch went on: the good source is archived
        Assert.Contains("snapshot: snapshots/leaks-page.", _repo.Read("sources/leaks-page.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void From_doi_fetches_the_landing_page_of_a_source_that_has_a_pmid_first_and_archives_it_as_html()
    {
        _server.On("/doi/10.1038/s41591-023-02640-w", new Reply(200, Page.Replace("Inspectors found", "PANDA achieved a sensitivity of 92.9% for lesion detection. Inspectors found", StringComparison.Ordinal), "text/html"));
        var result = Run("snapshot", "panda", "--from", "doi");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Matches(@"snapshot: snapshots/panda\.[0-9a-f]{12}\.html\n", _repo.Read("sources/panda.yaml"));
        Assert.Equal(["/doi/10.1038/s41591-023-02640-w"], _server.Requests.Select(r => r.PathAndQuery));
    }

    [Theory]
    [InlineData("leaks-page", "pubmed", "error: leaks-page: has no pmid to fetch from (--from pubmed)\n")]
    [InlineData("leaks-page", "doi", "error: leaks-page: has no doi to fetch from (--from doi)\n")]
    [InlineData("panda", "url", "error: panda: has no url to fetch from (--from url)\n")]
    public void From_names_what_a_source_lacks_by_its_spelling(string id, string from, string expected)
    {
        var result = Run("snapshot", id, "--from", from);
        Assert.Equal((1, expected), (result.ExitCode, result.Error));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void An_unknown_from_is_the_parser_usage_error_listing_the_spellings()
    {
        var result = Run("snapshot", "panda", "--from", "Pubmed");
        Assert.Equal((2, "error: Argument 'Pubmed' not recognized. Must be one of:\\n\t'url'\\n\t'pubmed'\\n\t'doi'\nRun 'evidence snapshot --help' for usage.\n"),
            (result.ExitCode, result.Error));
        Assert.Contains("--from <doi|pubmed|url>", Run("snapshot", "--help").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Offline_fetches_nothing_and_says_so_per_source()
    {
        var result = Run("snapshot", "leaks-page", "--offline");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: leaks-page: --offline", result.Error, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void Two_ids_are_two_sources_but_an_id_and_a_path_are_a_source_and_its_file()
    {
        _repo.Write("page.html", Page);
        var local = Run("snapshot", "leaks-page", "page.html");
        Assert.Equal(0, local.ExitCode);
        Assert.Empty(_server.Requests);
        Assert.DoesNotContain("fetched from", local.Out, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _server.Dispose();
        _repo.Dispose();
    }
}
