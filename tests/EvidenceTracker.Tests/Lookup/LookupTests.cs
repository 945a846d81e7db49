using System.Text;
using EvidenceTracker.Cli;
using EvidenceTracker.Lookup;
using EvidenceTracker.Network;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Lookup;

/// <summary>
/// Look-ups through the CLI against a local server that answers as doi.org, Crossref, E-utilities, arXiv and a web
/// site do. Every base URL is pointed at 127.0.0.1 through the environment variables of the contract.
/// </summary>
public sealed class LookupTests : IDisposable
{
    private const string PandaDoi = "10.1038/s41591-023-02640-w";
    private readonly LocalHttpServer _server = new();
    private readonly TempRepo _repo = new();

    private static string Answer(string name) => File.ReadAllText(Path.Combine(TestPaths.Fixture("lookup-answers"), name));

    private CliEnvironment Env(string? eutilsKey = null) => CliEnvironment.Plain(_repo.Root) with
    {
        Today = () => new DateOnly(2026, 12, 2),
        Variable = name => name switch
        {
            "EVIDENCE_DOI_URL" => _server.Base + "/doi",
            "EVIDENCE_CROSSREF_URL" => _server.Base + "/crossref",
            "EVIDENCE_EUTILS_URL" => _server.Base + "/eutils",
            "EVIDENCE_ARXIV_URL" => _server.Base + "/arxiv",
            "NCBI_API_KEY" => eutilsKey,
            _ => null,
        },
    };

    private CliResult Run(params string[] args) => CliRunner.Run(Env(), ["--root", _repo.Root, .. args]);

    private void ServePanda()
    {
        _server.On($"/doi/{PandaDoi}", Reply.Json(Answer("panda.csl.json")) with { ContentType = "application/vnd.citationstyles.csl+json" });
        _server.On($"/crossref/works/{PandaDoi}", Reply.Json(Answer("crossref-clean.json")));
        _server.On("/eutils/esummary.fcgi?db=pubmed&id=37985692&retmode=json", Reply.Json(Answer("panda.esummary.json")));
    }

    [Fact]
    public void Add_source_with_only_a_doi_writes_the_source_with_the_metadata_of_its_csl_json()
    {
        ServePanda();
        var result = Run("add", "source", "--doi", "https://doi.org/10.1038/S41591-023-02640-W", "--level", "primary");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        var file = Assert.Single(Directory.GetFiles(_repo.Full("sources"), "*.yaml"));
        Assert.Equal(
            "id: nature-medicine-2023-11-20\n" +
            "type: journal-article\n" +
            "title: Large-scale pancreatic cancer detection via non-contrast CT and deep learning\n" +
            "authors:\n  - Cao, Kai\n  - Zhang, Ling\n  - Lu, Jianping\n" +
            "publisher: Nature Medicine\n" +
            "date: 2023-11-20\n" +
            "url: https://doi.org/10.1038/s41591-023-02640-w\n" +
            "doi: 10.1038/s41591-023-02640-w\n" +
            "lang: en\n" +
            "level: primary\n" +
            "volume: \"29\"\n" +
            "issue: \"12\"\n" +
            "pages: 3033-3043\n", File.ReadAllText(file));
        var doiRequest = Assert.Single(_server.Requests, r => r.PathAndQuery.StartsWith("/doi/", StringComparison.Ordinal));
        Assert.Equal(IdentifierLookups.CslJson, doiRequest.Accept);
        Assert.StartsWith("EvidenceTracker/", doiRequest.UserAgent, StringComparison.Ordinal);
        Assert.True(File.Exists(_repo.Full(LookupCache.RelativePath("doi", PandaDoi))));
        Assert.Equal(0, CliRunner.Run(_repo.Root, "check").ExitCode);
    }

    [Fact]
    public void Options_given_on_the_command_line_win_over_the_lookup()
    {
        ServePanda();
        var result = Run("add", "source", "--doi", PandaDoi, "--publisher", "Nat Med", "--date", "2023-12", "--id", "panda");
        Assert.Equal(0, result.ExitCode);
        var text = File.ReadAllText(_repo.Full("sources/panda.yaml"));
        Assert.Contains("publisher: Nat Med\n", text);
        Assert.Contains("date: 2023-12\n", text);
        Assert.Contains("volume: \"29\"\n", text);
    }

    [Fact]
    public void Add_source_with_a_pmid_reads_the_pubmed_summary_with_its_other_identifiers()
    {
        ServePanda();
        var result = Run("add", "source", "--pmid", "37985692", "--id", "panda");
        Assert.Equal(0, result.ExitCode);
        var text = File.ReadAllText(_repo.Full("sources/panda.yaml"));
        Assert.Contains("title: Large-scale pancreatic cancer detection via non-contrast CT and deep learning\n", text);
        Assert.Contains("authors:\n  - Cao, K\n  - Zhang, L\n  - Lu, J\n", text);
        Assert.Contains("publisher: Nature medicine\n", text);
        Assert.Contains("date: 2023-11-20\n", text);
        Assert.Contains("doi: 10.1038/s41591-023-02640-w\n", text);
        Assert.Contains("pmid: \"37985692\"\n", text);
        Assert.Contains("pmcid: PMC10719100\n", text);
        Assert.Contains("lang: en\n", text);
        Assert.Equal(0, CliRunner.Run(_repo.Root, "check").ExitCode);
    }

    [Fact]
    public void Add_source_with_an_arxiv_id_reads_the_atom_feed()
    {
        _server.On("/arxiv/query?id_list=2101.00001", new Reply(200, Answer("arxiv.atom.xml"), "application/atom+xml"));
        var result = Run("add", "source", "--arxiv", "arXiv:2101.00001", "--id", "sim");
        Assert.Equal(0, result.ExitCode);
        var text = File.ReadAllText(_repo.Full("sources/sim.yaml"));
        Assert.Contains("title: \"Screening Cohorts Without Contrast: a Simulation Study\"\n", text);
        Assert.Contains("authors:\n  - Lovelace, Ada\n  - Turing, Alan M.\n", text);
        Assert.Contains("publisher: arXiv\n", text);
        Assert.Contains("date: 2021-01-04\n", text);
        Assert.Contains("url: https://arxiv.org/abs/2101.00001\n", text);
        Assert.Contains("doi: 10.5555/sim.2021.001\n", text);
        Assert.Contains("arxiv: \"2101.00001\"\n", text);
    }

    [Fact]
    public void Add_source_with_a_url_reads_the_citation_meta_tags_of_the_page()
    {
        _server.On("/papers/leaks", new Reply(200, Answer("article.html"), "text/html; charset=utf-8"));
        var result = Run("add", "source", "--url", _server.Base + "/papers/leaks", "--id", "leaks");
        Assert.Equal(0, result.ExitCode);
        var text = File.ReadAllText(_repo.Full("sources/leaks.yaml"));
        Assert.Contains("type: journal-article\n", text);
        Assert.Contains("title: \"Household leak repairs and water use: a cohort study\"\n", text);
        Assert.Contains("authors:\n  - Okafor, Ngozi\n  - Lindqvist, Per\n", text);
        Assert.Contains("publisher: Journal of Test Hydrology\n", text);
        Assert.Contains("date: 2024-03-15\n", text);
        Assert.Contains("doi: 10.5555/jth.2024.0312\n", text);
        Assert.Contains("pages: 101-117\n", text);
    }

    [Theory]
    [InlineData("gbk", "text/html; charset=gbk", "")]
    [InlineData("gb18030", "text/html", "<meta charset=\"gb2312\">")]
    [InlineData("gbk", "text/html", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">")]
    [InlineData("big5", "text/html; charset=big5", "")]
    [InlineData("shift_jis", "text/html; charset=\"Shift_JIS\"", "")]
    public void Add_source_with_a_url_reads_the_page_in_the_charset_it_declares(string encoding, string contentType, string meta)
    {
        var title = encoding == "shift_jis" ? "日本語の題名" : encoding == "big5" ? "中文標題測試" : "中文标题测试";
        var html = $"<html><head>{meta}<title>{title}</title></head><body>x</body></html>";
        _server.On("/gbk.html", new Reply(200, "", contentType) { Bytes = CodePagesEncodingProvider.Instance.GetEncoding(encoding)!.GetBytes(html) });
        var result = Run("add", "source", "--url", _server.Base + "/gbk.html", "--id", "gb");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"title: {title}\n", File.ReadAllText(_repo.Full("sources/gb.yaml")));
        // the cached answer is read again in the same charset
        _repo.Write("sources/gb.yaml", "id: gb\ntype: web-page\ntitle: X\nurl: " + _server.Base + "/gbk.html\n");
        Assert.Equal(0, Run("lookup", "gb", "--offline").ExitCode);
    }

    [Fact]
    public void Add_source_with_a_news_url_reads_json_ld_and_opengraph()
    {
        _server.On("/news/1", new Reply(200, Answer("news.html"), "text/html; charset=utf-8"));
        var result = Run("add", "source", "--url", _server.Base + "/news/1", "--id", "news");
        Assert.Equal(0, result.ExitCode);
        var text = File.ReadAllText(_repo.Full("sources/news.yaml"));
        Assert.Contains("type: news\n", text);
        Assert.Contains("这个AI能救命！提前6个月发现胃癌病灶", text);
        Assert.Contains("publisher: 测试新闻网\n", text);
        Assert.Contains("date: 2025-06-25\n", text);
        Assert.Contains("lang: zh-CN\n", text);
        Assert.Contains("  - 王小明\n", text);
    }

    [Fact]
    public void An_unknown_doi_is_a_one_line_error_and_nothing_is_written_or_cached()
    {
        var result = Run("add", "source", "--doi", "10.5555/does-not-exist");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("doi 10.5555/does-not-exist was not found (HTTP 404", result.Error);
        Assert.Empty(Directory.GetFiles(_repo.Full("sources"), "*.yaml"));
        Assert.False(Directory.Exists(_repo.Full("sources/.cache/doi")));
    }

    [Fact]
    public void An_answer_that_is_not_csl_json_is_refused_and_not_cached()
    {
        _server.On("/doi/10.5555/garbage", new Reply(200, "<html><body>Welcome to the publisher</body></html>", "text/html"));
        var result = Run("add", "source", "--doi", "10.5555/garbage");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the answer is not CSL-JSON", result.Error);
        Assert.False(File.Exists(_repo.Full(LookupCache.RelativePath("doi", "10.5555/garbage"))));
    }

    [Fact]
    public void A_429_with_retry_after_is_retried_after_the_wait_and_then_succeeds()
    {
        var calls = 0;
        _server.On($"/doi/{PandaDoi}", _ => Interlocked.Increment(ref calls) == 1
            ? new Reply(429, "slow down") { Headers = new Dictionary<string, string> { ["Retry-After"] = "1" } }
            : Reply.Json(Answer("panda.csl.json")));
        _server.On($"/crossref/works/{PandaDoi}", Reply.Json(Answer("crossref-clean.json")));
        var result = Run("add", "source", "--doi", PandaDoi, "--id", "panda");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, calls);
    }

    [Fact]
    public void The_cache_answers_again_with_no_request_and_offline_uses_only_the_cache()
    {
        ServePanda();
        Assert.Equal(0, Run("add", "source", "--doi", PandaDoi, "--id", "first").ExitCode);
        var before = _server.Requests.Count;
        // The same DOI again: refused as a duplicate unless allowed, which is what this test needs of it.
        Assert.Equal(0, Run("add", "source", "--doi", PandaDoi, "--id", "second", "--offline", "--allow-duplicate").ExitCode);
        Assert.Equal(0, Run("add", "source", "--doi", PandaDoi, "--id", "third", "--allow-duplicate").ExitCode);
        Assert.Equal(before, _server.Requests.Count);
        Assert.Equal(File.ReadAllText(_repo.Full("sources/first.yaml")).Replace("id: first", "id: second", StringComparison.Ordinal), File.ReadAllText(_repo.Full("sources/second.yaml")));
        var offline = Run("add", "source", "--pmid", "1", "--offline");
        Assert.Equal(1, offline.ExitCode);
        Assert.Contains("pubmed 1 is not in the cache", offline.Error);
        Assert.Contains("--offline", offline.Error);
    }

    [Fact]
    public void Lookup_fills_the_missing_fields_of_a_source_and_keeps_its_comments_and_values()
    {
        ServePanda();
        _repo.Write("sources/panda.yaml",
            "# The PANDA paper.\nid: panda\ntype: journal-article\ntitle: PANDA, as we call it   # our own title\ndoi: 10.1038/s41591-023-02640-w\ndate: 2023   # year only on purpose\n");
        var result = Run("lookup");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("filled sources/panda.yaml: authors, publisher, url, lang, volume, issue, pages", result.Out);
        var text = File.ReadAllText(_repo.Full("sources/panda.yaml"));
        Assert.StartsWith("# The PANDA paper.\nid: panda\ntype: journal-article\ntitle: PANDA, as we call it   # our own title\ndoi: 10.1038/s41591-023-02640-w\ndate: 2023   # year only on purpose\n", text);
        Assert.Contains("authors:\n  - Cao, Kai\n", text);
        Assert.Contains("publisher: Nature Medicine\n", text);
        Assert.Equal(0, CliRunner.Run(_repo.Root, "check").ExitCode);
        var again = Run("lookup", "--offline");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("0 filled, 0 failed", again.Out);
        Assert.Contains("0 requests made", again.Out);
    }

    [Theory]
    [InlineData("authors:\n", "authors:\n  - Cao, Kai\n")]
    [InlineData("authors: ~   # to do\n", "authors:   # to do\n  - Cao, Kai\n")]
    [InlineData("authors: null", "authors:\n  - Cao, Kai\n")]
    [InlineData("authors:", "authors:\n  - Cao, Kai\n")]
    public void Lookup_fills_an_empty_authors_key_and_says_so_only_because_it_wrote_them(string empty, string written)
    {
        ServePanda();
        _repo.Write("sources/lk.yaml", "id: lk\ntype: journal-article\ntitle: >\n  T folded\ndoi: 10.1038/s41591-023-02640-w\n" + empty);
        var result = Run("lookup", "lk");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("filled sources/lk.yaml: authors, publisher", result.Out);
        var text = File.ReadAllText(_repo.Full("sources/lk.yaml"));
        Assert.Contains(written, text);
        Assert.Contains("  - Zhang, Ling\n  - Lu, Jianping\n", text);
        Assert.Equal(1, text.Split("authors:").Length - 1);
        Assert.Contains("Cao, Kai", CliRunner.Run(_repo.Root, "show", "lk").Out);
        Assert.Equal(0, CliRunner.Run(_repo.Root, "check").ExitCode);
    }

    [Fact]
    public void Lookup_reports_a_retraction_and_a_correction_from_crossref()
    {
        _server.On("/doi/10.5555/retracted.2020.1", Reply.Json("{\"type\":\"article-journal\",\"title\":\"A study that was retracted\",\"DOI\":\"10.5555/retracted.2020.1\"}"));
        _server.On("/crossref/works/10.5555/retracted.2020.1", Reply.Json(Answer("crossref-retracted.json")));
        _repo.Write("sources/bad.yaml", "id: bad\ntype: journal-article\ntitle: A study that was retracted\ndoi: 10.5555/retracted.2020.1\n");
        var result = Run("lookup", "bad");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("notice bad: retraction (notice 10.5555/retraction.2022.9), recorded by retraction-watch", result.Out);
        Assert.Contains("notice bad: correction (notice 10.5555/erratum.2021.3), recorded by publisher", result.Out);
        Assert.True(File.Exists(_repo.Full(LookupCache.RelativePath("crossref", "10.5555/retracted.2020.1"))));
    }

    [Fact]
    public void A_failed_lookup_keeps_the_cache_names_its_source_and_does_not_stop_the_others()
    {
        ServePanda();
        _repo.Write("sources/panda.yaml", "id: panda\ntype: journal-article\ntitle: PANDA\ndoi: 10.1038/s41591-023-02640-w\n");
        _repo.Write("sources/gone.yaml", "id: gone\ntype: journal-article\ntitle: Gone\ndoi: 10.5555/gone\n");
        Assert.Equal(1, Run("lookup").ExitCode);
        var cached = File.ReadAllBytes(_repo.Full(LookupCache.RelativePath("doi", PandaDoi)));
        _server.On($"/doi/{PandaDoi}", new Reply(500, "broken"));
        var result = Run("lookup", "--refresh");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: gone: doi 10.5555/gone was not found", result.Error);
        Assert.Contains("error: panda: doi 10.1038/s41591-023-02640-w: HTTP 500", result.Error);
        Assert.Equal(cached, File.ReadAllBytes(_repo.Full(LookupCache.RelativePath("doi", PandaDoi))));
    }

    [Fact]
    public void An_unknown_source_id_is_reported_and_the_known_ones_are_looked_up()
    {
        ServePanda();
        _repo.Write("sources/panda.yaml", "id: panda\ntype: journal-article\ntitle: PANDA\ndoi: 10.1038/s41591-023-02640-w\n");
        var result = Run("lookup", "panda", "pandaa");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: no source has the id 'pandaa'", result.Error);
        Assert.Contains("filled sources/panda.yaml", result.Out);
    }

    [Fact]
    public void The_ncbi_api_key_is_sent_but_never_written_to_the_cache()
    {
        _server.On("/eutils/esummary.fcgi?db=pubmed&id=37985692&retmode=json&api_key=SECRET123", Reply.Json(Answer("panda.esummary.json")));
        var result = CliRunner.Run(Env("SECRET123"), ["--root", _repo.Root, "add", "source", "--pmid", "37985692", "--id", "panda"]);
        Assert.Equal(0, result.ExitCode);
        var cache = File.ReadAllText(_repo.Full(LookupCache.RelativePath("pubmed", "37985692")));
        Assert.DoesNotContain("SECRET123", cache);
        Assert.Contains("api_key=REDACTED", cache);
    }

    [Fact]
    public void A_cache_entry_is_deterministic()
    {
        ServePanda();
        Assert.Equal(0, Run("add", "source", "--doi", PandaDoi, "--id", "a").ExitCode);
        var first = File.ReadAllBytes(_repo.Full(LookupCache.RelativePath("doi", PandaDoi)));
        Assert.Equal(0, Run("lookup", "--refresh").ExitCode);
        Assert.Equal(first, File.ReadAllBytes(_repo.Full(LookupCache.RelativePath("doi", PandaDoi))));
        var text = Encoding.UTF8.GetString(first);
        Assert.StartsWith("{\n  \"request\": \"" + _server.Base + "/doi/10.1038/s41591-023-02640-w\",\n  \"accept\": \"application/vnd.citationstyles.csl+json\",\n  \"status\": 200,\n  \"fetched\": \"2026-12-02\",", text);
    }

    [Fact]
    public void A_base_url_that_is_not_http_is_a_usage_error()
    {
        var env = Env() with { Variable = name => name == "EVIDENCE_DOI_URL" ? "file:///etc" : null };
        var result = CliRunner.Run(env, ["--root", _repo.Root, "add", "source", "--doi", PandaDoi]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("EVIDENCE_DOI_URL='file:///etc' is not an http(s) URL", result.Error);
    }

    [Fact]
    public async Task Lookup_fills_a_source_under_the_sources_lock_and_keeps_an_edit_made_while_it_waited()
    {
        ServePanda();
        _repo.Write("sources/panda.yaml", "id: panda\ntype: journal-article\ntitle: PANDA\ndoi: 10.1038/s41591-023-02640-w\n");
        Task<CliResult> lookup;
        using (EvidenceTracker.Storage.EditLock.Acquire(_repo.Full("sources"), "sources/"))
        {
            lookup = Task.Run(() => Run("lookup"));
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (_server.Requests.Count < 2 && DateTime.UtcNow < deadline) // the DOI's record and its Crossref notices
            {
                Thread.Sleep(10);
            }
            Thread.Sleep(300);
            // the answers are in, and the look-up waits for the lock: the file is as it was
            Assert.False(lookup.IsCompleted);
            Assert.Equal("id: panda\ntype: journal-article\ntitle: PANDA\ndoi: 10.1038/s41591-023-02640-w\n", File.ReadAllText(_repo.Full("sources/panda.yaml")));
            // another edit (as `set` would make it, holding the lock) lands meanwhile
            File.AppendAllText(_repo.Full("sources/panda.yaml"), "level: primary\n");
        }
        var result = await lookup;
        Assert.True(result.ExitCode == 0, result.Error);
        var text = File.ReadAllText(_repo.Full("sources/panda.yaml"));
        Assert.Contains("level: primary\n", text);
        Assert.Contains("authors:\n  - Cao, Kai\n", text);
    }

    [Fact]
    public void Lookup_does_not_replace_a_source_file_that_is_a_link()
    {
        ServePanda();
        _repo.Write("elsewhere/panda.yaml", "id: panda\ntype: journal-article\ntitle: PANDA\ndoi: 10.1038/s41591-023-02640-w\n");
        Directory.CreateDirectory(_repo.Full("sources"));
        File.CreateSymbolicLink(_repo.Full("sources/panda.yaml"), "../elsewhere/panda.yaml");
        var result = Run("lookup");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: panda: sources/panda.yaml: sources/panda.yaml is a symbolic link; it is not edited", result.Error);
        Assert.NotNull(new FileInfo(_repo.Full("sources/panda.yaml")).LinkTarget);
        Assert.DoesNotContain("authors", File.ReadAllText(_repo.Full("elsewhere/panda.yaml")));
    }

    [Fact]
    public void Lookup_neither_reads_nor_writes_a_cache_folder_that_leads_outside_the_repository()
    {
        using var outside = new TempRepo();
        ServePanda();
        _repo.Write("sources/panda.yaml", "id: panda\ntype: journal-article\ntitle: PANDA\ndoi: 10.1038/s41591-023-02640-w\n");
        Directory.CreateSymbolicLink(_repo.Full("sources/.cache"), outside.Root);
        var result = Run("lookup");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: the folder sources/.cache/ leads outside the repository (a symbolic link); nothing in it is read or written\n", result.Error);
        Assert.Empty(_server.Requests);
        // a kind's folder linked out is found when its first answer would be written; nothing is filled
        Directory.Delete(_repo.Full("sources/.cache"));
        Directory.CreateDirectory(_repo.Full("sources/.cache"));
        Directory.CreateSymbolicLink(_repo.Full("sources/.cache/doi"), outside.Root);
        result = Run("lookup");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the folder sources/.cache/doi/ leads outside the repository (a symbolic link); nothing in it is read or written", result.Error);
        Assert.Empty(Directory.GetFiles(outside.Root, "*", SearchOption.AllDirectories));
        Assert.DoesNotContain("authors", _repo.Read("sources/panda.yaml"));
    }

    [Theory]
    [InlineData("http://exa mple.com/")]
    [InlineData("notaurl")]
    [InlineData("http://[::1")]
    [InlineData("http:///x")]
    public void A_source_url_that_is_not_an_absolute_http_url_is_a_one_line_failure_of_that_source_online_and_offline(string url)
    {
        ServePanda();
        _repo.Write("sources/bad.yaml", $"id: bad\ntype: webpage\ntitle: Bad\nurl: \"{url}\"\n");
        _repo.Write("sources/panda.yaml", "id: panda\ntype: journal-article\ntitle: PANDA\ndoi: 10.1038/s41591-023-02640-w\n");
        foreach (var args in (string[][])[["lookup"], ["lookup", "--offline"]])
        {
            var result = Run(args);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains($"error: bad: url {url}: '{url}' is not ", result.Error);
            Assert.DoesNotContain("Exception", result.Error);
        }
        Assert.Contains("authors:", _repo.Read("sources/panda.yaml"));
    }

    [Fact]
    public void A_folder_where_a_cache_entry_belongs_fails_that_source_in_one_line_and_the_others_are_looked_up()
    {
        ServePanda();
        _server.On("/doi/10.5555/other", Reply.Json("{\"type\":\"article-journal\",\"title\":\"Other\",\"DOI\":\"10.5555/other\",\"publisher\":\"Other Press\"}"));
        _server.On("/crossref/works/10.5555/other", Reply.Json(Answer("crossref-clean.json")));
        _repo.Write("sources/panda.yaml", "id: panda\ntype: journal-article\ntitle: PANDA\ndoi: 10.1038/s41591-023-02640-w\n");
        _repo.Write("sources/other.yaml", "id: other\ntype: journal-article\ntitle: Other\ndoi: 10.5555/other\n");
        Directory.CreateDirectory(_repo.Full(LookupCache.RelativePath("doi", PandaDoi)));
        var result = Run("lookup");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"error: panda: doi {PandaDoi}: the answer cannot be cached at {LookupCache.RelativePath("doi", PandaDoi)}", result.Error);
        Assert.Contains("filled sources/other.yaml: publisher", result.Out);
        Assert.Contains("lookup: 2 sources, 1 filled, 1 failed", result.Out);
        // read from the cache (offline, and by check for notices): the folder is named, not taken for "no answer"
        Assert.Null(new LookupCache(_repo.Root).Read("doi", PandaDoi, out var problem));
        Assert.Equal($"{LookupCache.RelativePath("doi", PandaDoi)} is a folder, not a cache entry; it is not read", problem);
    }

    public void Dispose()
    {
        _server.Dispose();
        _repo.Dispose();
    }
}
