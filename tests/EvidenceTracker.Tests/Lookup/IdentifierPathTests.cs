using EvidenceTracker.Diagnostics;
using EvidenceTracker.Loading;
using EvidenceTracker.Lookup;
using EvidenceTracker.Model;
using EvidenceTracker.Network;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Lookup;

/// <summary>
/// A DOI, PubMed id or arXiv id never changes the path of the request built from it: DOIs with <c>.</c> or <c>..</c>
/// segments (or <c>?</c>, <c>#</c>, <c>\</c>) are refused wherever a DOI is read, and every identifier is escaped into
/// its service's path, as a local server that records the request paths sees.
/// </summary>
public sealed class IdentifierPathTests : IDisposable
{
    private readonly LocalHttpServer _server = new();
    private readonly TempRepo _repo = new();

    [Theory]
    [InlineData("10.1000/../../etc")]
    [InlineData("10.1000/..")]
    [InlineData("10.1000/.")]
    [InlineData("10.1000/./x")]
    [InlineData("10.1000/a/../../x")]
    [InlineData("10.1000/%2e%2e/%2E%2E/etc")]
    [InlineData("10.1000/a/.%2e")]
    [InlineData("10.1000/abc?x=1")]
    [InlineData("10.1000/abc#top")]
    [InlineData("10.1000/..\\..\\etc")]
    public void A_doi_whose_suffix_would_change_the_request_path_is_not_a_doi(string doi)
    {
        var problem = Values.DoiProblem(doi);
        Assert.NotNull(problem);
        Assert.Null(Values.NormalizeDoi(doi));
        Assert.Null(Values.NormalizeDoi("https://doi.org/" + doi));
    }

    [Theory]
    [InlineData("10.1000/a..b")]
    [InlineData("10.1000/...")]
    [InlineData("10.1000/x.")]
    [InlineData("10.1038/s41591-023-02640-w")]
    [InlineData("10.1002/(sici)1097-4636(199706)35:4<497::aid-jbm10>3.0.co;2-q")]
    public void A_doi_with_dots_inside_its_segments_is_still_a_doi(string doi) => Assert.Null(Values.DoiProblem(doi));

    [Fact]
    public void The_dot_segment_message_says_why()
    {
        Assert.Contains("'..' segment", Values.DoiProblem("10.1000/../../etc"), StringComparison.Ordinal);
    }

    [Fact]
    public void Set_refuses_a_doi_with_dot_segments_and_check_reports_one_written_by_hand_as_a_schema_error()
    {
        _repo.Write("sources/s.yaml", "id: s\ntype: journal-article\ntitle: S\n");
        var set = CliRunner.Run(_repo.Root, "set", "s", "doi", "10.1000/../../etc");
        Assert.NotEqual(0, set.ExitCode);
        Assert.Contains("not a DOI", set.Error);
        Assert.DoesNotContain("doi:", File.ReadAllText(_repo.Full("sources/s.yaml")));

        _repo.Write("sources/s.yaml", "id: s\ntype: journal-article\ntitle: S\ndoi: 10.1000/../../etc\n");
        var finding = Assert.Single(RepositoryLoader.Load(_repo.Root).LoadFindings, f => f.Rule == Rules.Schema);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("sources/s.yaml", finding.File);
        Assert.Contains("10.1000/../../etc", finding.Message);
        var check = CliRunner.Run(_repo.Root, "check");
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("schema", check.Out);
    }

    [Fact]
    public void Add_source_with_a_dot_segment_doi_is_refused()
    {
        var add = CliRunner.Run(_repo.Root, "add", "source", "--doi", "10.1000/../../etc", "--title", "T", "--type", "report", "--offline");
        Assert.NotEqual(0, add.ExitCode);
        Assert.Contains("not a DOI", add.Error);
    }

    [Theory]
    [InlineData("10.1000/../../etc")]
    [InlineData("10.1000/a/./b")]
    [InlineData("10.1000/a?b#c\\d")]
    [InlineData("10.1000/%2e%2e/%2e%2e/etc")]
    [InlineData("10.1000//etc")]
    [InlineData("10.1000/x%2F..%2F..%2Fetc")]
    public async Task A_url_built_from_an_identifier_stays_under_its_prefix_on_the_wire(string identifier)
    {
        var doiBase = new Uri(_server.Base + "/doi");
        var crossrefBase = new Uri(_server.Base + "/cr");
        using var client = new PoliteHttpClient(new HttpPolicy { UserAgent = "test" });
        await client.GetAsync(ServiceEndpoints.Under(doiBase, "", identifier), null, TestContext.Current.CancellationToken);
        await client.GetAsync(ServiceEndpoints.Under(crossrefBase, "works/", identifier), null, TestContext.Current.CancellationToken);
        var seen = _server.Requests.Select(r => r.PathAndQuery).ToList();
        Assert.Equal(2, seen.Count);
        Assert.StartsWith("/doi/10.1000", seen.Single(p => !p.StartsWith("/cr/", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.StartsWith("/cr/works/10.1000", seen.Single(p => p.StartsWith("/cr/", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.All(seen, p => Assert.DoesNotContain("?", p, StringComparison.Ordinal));
    }

    [Fact]
    public void A_plain_doi_keeps_its_slashes_in_the_request_path()
    {
        Assert.Equal("http://127.0.0.1/cr/works/10.1000/a/b.c", ServiceEndpoints.Under(new Uri("http://127.0.0.1/cr"), "works/", "10.1000/a/b.c").AbsoluteUri);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    public void An_identifier_that_is_only_dots_cannot_be_written_under_a_prefix(string identifier)
    {
        Assert.Throws<ArgumentException>(() => ServiceEndpoints.Under(new Uri("http://127.0.0.1/cr"), "works/", identifier));
    }

    [Fact]
    public async Task A_lookup_of_a_dot_segment_doi_or_a_pmid_that_is_not_digits_asks_no_server()
    {
        var settings = new LookupSettings
        {
            Root = _repo.Root,
            Endpoints = new ServiceEndpoints { Doi = new Uri(_server.Base + "/doi"), Crossref = new Uri(_server.Base + "/cr"), Eutils = new Uri(_server.Base + "/eutils") },
            Version = "test",
            Today = new DateOnly(2026, 12, 2),
        };
        using var lookups = new IdentifierLookups(settings);
        var doi = await lookups.Doi("10.1000/../../etc", TestContext.Current.CancellationToken);
        var crossref = await lookups.CrossrefUpdates("10.1000/../../etc", TestContext.Current.CancellationToken);
        var pmid = await lookups.Pmid("1&db=x", TestContext.Current.CancellationToken);
        Assert.Null(doi.Metadata);
        Assert.Contains("not a DOI", doi.Problem);
        Assert.Null(crossref.Metadata);
        Assert.Null(pmid.Metadata);
        Assert.Empty(_server.Requests);
    }

    public void Dispose()
    {
        _server.Dispose();
        _repo.Dispose();
    }

    [Theory]
    [InlineData("pmid", "\u0661\u0662\u0663")] // Arabic-Indic digits
    [InlineData("pmid", "\uFF10\uFF11\uFF12")] // full-width digits
    [InlineData("arxiv", "\uFF12\uFF11\uFF10\uFF11.\uFF10\uFF10\uFF10\uFF10\uFF11")]
    [InlineData("doi", "10.1234/\u001b[2Jx")] // an escape
    [InlineData("doi", "10.1234/x\u202e")] // a bidi override
    [InlineData("doi", "10.1234/\uFF0E\uFF0E/x")] // full-width dots: a server folding Unicode reads ".."
    [InlineData("doi", "10.1234/\u2024/x")] // a one-dot leader
    [InlineData("doi", "10.\u0661\u0662\u0663\u0664/x")]
    public void An_identifier_with_digits_dots_or_controls_a_server_could_read_otherwise_is_refused(string kind, string value)
    {
        Assert.NotNull(IdentifierProblem(kind, value));
    }

    [Theory]
    [InlineData("doi", "10.1234/abc.def")]
    [InlineData("doi", "10.1002/(SICI)1097-4636(199710)37:1<100::AID-JBM12>3.0.CO;2-F")]
    [InlineData("pmid", "31234567")]
    [InlineData("arxiv", "2101.00001v2")]
    public void Ordinary_identifiers_are_still_taken(string kind, string value)
    {
        Assert.Null(IdentifierProblem(kind, value));
    }

    private static string? IdentifierProblem(string kind, string value) => kind switch
    {
        "pmid" => EvidenceTracker.Model.Values.PmidProblem(value),
        "arxiv" => EvidenceTracker.Model.Values.ArxivProblem(value),
        _ => EvidenceTracker.Model.Values.DoiProblem(value),
    };
}

