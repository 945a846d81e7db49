using EvidenceTracker.App;
using EvidenceTracker.Cli;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Network;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Lookup;

/// <summary>
/// <c>retracted-source</c> from the notices in <c>sources/.cache/</c>: the cache files are written by the tests
/// (in the shape <c>evidence lookup</c> writes them), and one test goes through <c>lookup</c> against a local server.
/// </summary>
public sealed class RetractedSourceTests : IDisposable
{
    private const string Doi = "10.5555/retracted.2020.1";
    private readonly TempRepo _repo = new();

    private static string Answer(string name) => File.ReadAllText(Path.Combine(TestPaths.Fixture("lookup-answers"), name));

    private void Cache(string kind, string identifier, string body) =>
        new LookupCache(_repo.Root).Write(kind, identifier, new CachedAnswer
        {
            Request = $"http://127.0.0.1/{kind}/{identifier}",
            Status = 200,
            Fetched = "2026-12-02",
            ContentType = "application/json",
            Body = System.Text.Encoding.UTF8.GetBytes(body),
        });

    private static string Crossref(string doi, params (string Type, string Notice, string Source)[] updates) =>
        "{\"status\":\"ok\",\"message\":{\"DOI\":\"" + doi + "\",\"updated-by\":[" +
        string.Join(",", updates.Select(u => $"{{\"DOI\":\"{u.Notice}\",\"type\":\"{u.Type}\",\"source\":\"{u.Source}\",\"updated\":{{\"date-parts\":[[2022,5,2]]}}}}")) + "]}}";

    private void Source(string id, string identifiers) =>
        _repo.Write($"sources/{id}.yaml", $"id: {id}\ntype: journal-article\ntitle: A study\n{identifiers}level: primary\n");

    private void Claim(string id, params string[] sources) =>
        _repo.Write($"claims/{id}.yaml", $"id: {id}\nstatement: Something holds.\ncitations:\n" +
            string.Concat(sources.Select(s => $"  - source: {s}\n")));

    private List<Finding> Findings() => [.. EvidenceQueries.Check(_repo.Root).Findings.Where(f => f.Rule == Rules.RetractedSource)];

    [Fact]
    public void A_retraction_in_the_cached_crossref_record_is_an_error_on_every_claim_citing_the_source()
    {
        Source("bad", $"doi: {Doi}\n");
        Claim("first", "bad");
        Claim("second", "bad");
        Cache("crossref", Doi, Answer("crossref-retracted.json"));
        var findings = Findings();
        var errors = findings.Where(f => f.Severity == Severity.Error).ToList();
        Assert.Equal(["first", "second"], errors.Select(f => f.Claim).Order());
        var first = errors.Single(f => f.Claim == "first");
        Assert.Equal("claims/first.yaml", first.File);
        Assert.Equal((4, 13), (first.Line, first.Column));
        Assert.Equal("bad", first.Source);
        Assert.Equal("cited source 'bad' was retracted (notice 10.5555/retraction.2022.9, 2022-05-02, recorded by retraction-watch)", first.Message);
    }

    [Fact]
    public void A_correction_is_a_note_and_an_expression_of_concern_a_warning()
    {
        Source("fixed", "doi: 10.5555/fixed\n");
        Source("doubted", "doi: 10.5555/doubted\n");
        Claim("claim", "fixed", "doubted");
        Cache("crossref", "10.5555/fixed", Crossref("10.5555/fixed", ("correction", "10.5555/erratum.1", "publisher")));
        Cache("crossref", "10.5555/doubted", Crossref("10.5555/doubted", ("expression_of_concern", "10.5555/eoc.1", "publisher")));
        var findings = Findings();
        var note = Assert.Single(findings, f => f.Source == "fixed");
        Assert.Equal(Severity.Note, note.Severity);
        Assert.Contains("notice 10.5555/erratum.1", note.Message);
        Assert.Contains("recorded by publisher", note.Message);
        var warning = Assert.Single(findings, f => f.Source == "doubted");
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.StartsWith("cited source 'doubted' is subject to an expression of concern (notice 10.5555/eoc.1", warning.Message);
    }

    [Fact]
    public void A_retracted_publication_type_in_the_cached_pubmed_summary_is_an_error()
    {
        Source("pm", "pmid: \"37985692\"\n");
        Claim("claim", "pm");
        var summary = Answer("panda.esummary.json").Replace("\"pubtype\":[", "\"pubtype\":[\"Retracted Publication\",", StringComparison.Ordinal);
        Assert.Contains("Retracted Publication", summary);
        Cache("pubmed", "37985692", summary);
        var finding = Assert.Single(Findings());
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("cited source 'pm' was retracted (recorded by pubmed)", finding.Message);
    }

    [Fact]
    public void A_clean_record_an_uncited_source_and_a_source_without_a_cache_report_nothing()
    {
        Source("clean", "doi: 10.1038/s41591-023-02640-w\n");
        Source("uncited", $"doi: {Doi}\n");
        Source("unlooked", "doi: 10.5555/never-looked-up\n");
        Claim("claim", "clean", "unlooked");
        Cache("crossref", "10.1038/s41591-023-02640-w", Answer("crossref-clean.json"));
        Cache("crossref", Doi, Answer("crossref-retracted.json"));
        Assert.Empty(Findings());
    }

    [Fact]
    public void An_unreadable_cache_entry_is_a_note_on_the_source_not_a_crash()
    {
        Source("bad", $"doi: {Doi}\n");
        Claim("claim", "bad");
        Cache("crossref", Doi, "{\"message\":{\"updated-by\":[{\"type\":\"retraction\"");
        var finding = Assert.Single(Findings());
        Assert.Equal(Severity.Note, finding.Severity);
        Assert.Equal("sources/bad.yaml", finding.File);
        Assert.StartsWith("cannot tell whether source 'bad' was retracted: sources/.cache/crossref/", finding.Message);
    }

    [Theory]
    [InlineData("2022.5")]
    [InlineData("2147483648")]
    [InlineData("99999999999999999999")]
    public void A_cached_notice_whose_date_part_is_not_a_whole_number_is_a_note_on_the_source_in_check_list_show_and_build(string part)
    {
        Source("bad", $"doi: {Doi}\n");
        Claim("claim", "bad");
        Cache("crossref", Doi, "{\"status\":\"ok\",\"message\":{\"DOI\":\"" + Doi + "\",\"updated-by\":[{\"type\":\"retraction\",\"DOI\":\"10.5555/n\",\"source\":\"publisher\",\"updated\":{\"date-parts\":[[" + part + "]]}}]}}");
        var finding = Assert.Single(Findings());
        Assert.Equal(Severity.Note, finding.Severity);
        Assert.Equal("sources/bad.yaml", finding.File);
        Assert.StartsWith("cannot tell whether source 'bad' was retracted: sources/.cache/crossref/", finding.Message);
        Assert.Contains("not a whole number", finding.Message);
        foreach (var args in (string[][])[["check"], ["list", "sources"], ["show", "bad"], ["build"]])
        {
            var run = CliRunner.Run(_repo.Root, args);
            Assert.True(run.ExitCode is 0 or 1, $"{string.Join(' ', args)}: exit {run.ExitCode}\n{run.Error}");
            Assert.DoesNotContain("Exception", run.Error);
        }
    }

    [Fact]
    public void A_cache_entry_that_is_a_symbolic_link_is_not_followed_and_is_a_note()
    {
        Source("bad", $"doi: {Doi}\n");
        Claim("claim", "bad");
        var outside = Path.Combine(Path.GetTempPath(), $"evidence-outside-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(outside, LookupCache.Serialize(new CachedAnswer
        {
            Request = "http://127.0.0.1/", Status = 200, Fetched = "2026-12-02",
            Body = System.Text.Encoding.UTF8.GetBytes(Answer("crossref-retracted.json")),
        }));
        try
        {
            Directory.CreateDirectory(_repo.Full("sources/.cache/crossref"));
            File.CreateSymbolicLink(_repo.Full(LookupCache.RelativePath("crossref", Doi)), outside);
            var finding = Assert.Single(Findings());
            Assert.Equal(Severity.Note, finding.Severity);
            Assert.Contains("is a symbolic link", finding.Message);
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public void A_cache_folder_that_leads_outside_the_repository_is_not_read_and_is_a_note()
    {
        Source("bad", $"doi: {Doi}\n");
        Claim("claim", "bad");
        using var outside = new TempRepo();
        // what lies outside names a retraction: it must not be believed, nor be read at all
        new LookupCache(outside.Root).Write("crossref", Doi, new CachedAnswer
        {
            Request = "http://127.0.0.1/", Status = 200, Fetched = "2026-12-02",
            Body = System.Text.Encoding.UTF8.GetBytes(Answer("crossref-retracted.json")),
        });
        Directory.CreateDirectory(_repo.Full("sources"));
        Directory.CreateSymbolicLink(_repo.Full("sources/.cache"), outside.Full("sources/.cache"));
        var finding = Assert.Single(Findings());
        Assert.Equal(Severity.Note, finding.Severity);
        Assert.Equal("cannot tell whether source 'bad' was retracted: the folder sources/.cache/crossref/ leads outside the repository (a symbolic link); nothing in it is read or written", finding.Message);
    }

    [Fact]
    public void A_cache_entry_that_is_a_named_pipe_or_over_the_size_limit_is_a_note_and_never_waited_on()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "named pipes as Linux makes them");
        Source("piped", $"doi: {Doi}\n");
        Source("huge", "doi: 10.5555/huge\n");
        Claim("claim", "piped", "huge");
        Directory.CreateDirectory(_repo.Full("sources/.cache/crossref"));
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", _repo.Full(LookupCache.RelativePath("crossref", Doi))))
        {
            mkfifo.WaitForExit();
        }
        // a sparse file: its length is over the limit, though it takes no room on disk
        using (var huge = File.Create(_repo.Full(LookupCache.RelativePath("crossref", "10.5555/huge"))))
        {
            huge.SetLength(LookupCache.MaxEntryBytes + 1);
        }
        var findings = Findings();
        Assert.True(findings.Count == 2, string.Join("\n", findings.Select(f => $"{f.Source}: {f.Message}")));
        Assert.All(findings, f => Assert.Equal(Severity.Note, f.Severity));
        Assert.Contains(findings, f => f.Source == "piped" && f.Message.EndsWith("is a named pipe, not a regular file; it is not read", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Source == "huge" && f.Message.EndsWith("over the 128 MB limit; it is not read", StringComparison.Ordinal));
    }

    [Fact]
    public void A_suppress_entry_on_the_claim_keeps_the_finding_out_of_the_count()
    {
        Source("bad", $"doi: {Doi}\n");
        Claim("claim", "bad");
        Cache("crossref", Doi, Answer("crossref-retracted.json"));
        _repo.Write("claims/claim.yaml", "id: claim\nstatement: Something holds.\ncitations:\n  - source: bad\nsuppress:\n  - rule: retracted-source\n    reason: the retraction concerns another figure\n");
        var report = EvidenceQueries.Check(_repo.Root);
        Assert.All(report.Findings.Where(f => f.Rule == Rules.RetractedSource), f => Assert.True(f.Suppressed));
        Assert.Contains(report.Findings, f => f.Rule == Rules.RetractedSource);
        Assert.False(report.HasErrors);
    }

    [Fact]
    public void Lookup_then_check_fails_on_a_retracted_doi_and_keeps_failing_with_the_server_gone()
    {
        Source("bad", $"doi: {Doi}\n");
        Claim("claim", "bad");
        using (var server = new LocalHttpServer())
        {
            server.On($"/doi/{Doi}", Reply.Json("{\"type\":\"article-journal\",\"title\":\"A study that was retracted\",\"DOI\":\"" + Doi + "\"}"));
            server.On($"/crossref/works/{Doi}", Reply.Json(Answer("crossref-retracted.json")));
            var env = CliEnvironment.Plain(_repo.Root) with
            {
                Today = () => new DateOnly(2026, 12, 2),
                Variable = name => name switch
                {
                    "EVIDENCE_DOI_URL" => server.Base + "/doi",
                    "EVIDENCE_CROSSREF_URL" => server.Base + "/crossref",
                    _ => null,
                },
            };
            Assert.Equal(0, CliRunner.Run(env, ["--root", _repo.Root, "lookup"]).ExitCode);
        }
        var check = CliRunner.Run(_repo.Root, "check");
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("retracted-source", check.Out);
        Assert.Contains("cited source 'bad' was retracted (notice 10.5555/retraction.2022.9, 2022-05-02, recorded by retraction-watch)", check.Out);
        Assert.Contains("cited source 'bad' has a correction (notice 10.5555/erratum.2021.3", check.Out);
    }

    public void Dispose() => _repo.Dispose();
}
