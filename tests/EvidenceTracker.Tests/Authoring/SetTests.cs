using System.Text;
using EvidenceTracker.App;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Authoring;

public class SetTests
{
    private const string Claim = """
        # A claim written by hand.
        id: c   # the id
        statement: 'TODO: draft'   # placeholder

        citations:
            # first citation, indented four spaces
            -   source: s
                locator: "p. 3"   # page
            - {source: t}

        tags:   # kept
          - a   # first
          - "b"
        verdict: supported
        # trailing comment
        """;

    private static TempRepo Repo(string claim = Claim)
    {
        var repo = new TempRepo();
        repo.Write("sources/s.yaml", "id: s\ntype: report\ntitle: S   # title\ndate: 2024\n");
        repo.Write("sources/t.yaml", "id: t\ntype: report\ntitle: T\nreports-on: [s]\n");
        repo.Write("claims/c.yaml", claim);
        return repo;
    }

    [Fact]
    public void Set_and_cite_refuse_an_edit_that_would_make_the_file_larger_than_check_reads()
    {
        using var repo = Repo();
        var big = new string('x', 600_000);
        var first = CliRunner.Run(repo.Root, "set", "c", "note", big);
        Assert.Equal(0, first.ExitCode);
        var second = CliRunner.Run(repo.Root, "set", "c", "statement", big);
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("claims/c.yaml would be 1.1 MB, and check reads no file over 1 MB; nothing was written", second.Error);
        var cite = CliRunner.Run(repo.Root, "cite", "c", "s", "--again", "--quote", big);
        Assert.Equal(1, cite.ExitCode);
        Assert.Contains("check reads no file over 1 MB; nothing was written", cite.Error);
        // the file holds the first edit only, and check still reads it
        Assert.Contains("statement: 'TODO: draft'   # placeholder", repo.Read("claims/c.yaml"));
        Assert.DoesNotContain(EvidenceQueries.Check(repo.Root).Findings, f => f.File == "claims/c.yaml" && f.Rule == "yaml-syntax");
    }

    [Fact]
    public void A_file_whose_lines_end_in_a_lone_carriage_return_is_not_edited()
    {
        var text = "id: c\r# comment A\rstatement: x\rcitations:\r- source: s\rnote: hello\r# keep me\r# and me\r";
        using var repo = Repo(text);
        foreach (var args in (string[][])[["set", "c", "note", "--clear"], ["set", "c", "verdict", "supported"], ["cite", "c", "t"]])
        {
            var result = CliRunner.Run(repo.Root, args);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("claims/c.yaml has lines that end in a lone carriage return (CR, as classic Mac OS wrote them); it is not edited", result.Error);
            Assert.Equal(text, repo.Read("claims/c.yaml"));
        }
    }

    [Fact]
    public void Set_statement_replaces_only_the_value_and_keeps_every_other_byte()
    {
        using var repo = Repo();
        var result = CliRunner.Run(repo.Root, "set", "c", "statement", "DAMO PANDA found 31 missed cancers: a claim");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("c claims/c.yaml\n", result.Out);
        Assert.Equal(Claim.Replace("'TODO: draft'", "\"DAMO PANDA found 31 missed cancers: a claim\"", StringComparison.Ordinal), repo.Read("claims/c.yaml"));
        Assert.Equal("DAMO PANDA found 31 missed cancers: a claim", EvidenceQueries.Check(repo.Root).Claims.Single().Claim.Statement);
    }

    [Fact]
    public void Set_adds_a_missing_field_after_the_last_entry_before_trailing_comments()
    {
        using var repo = Repo();
        Assert.Equal(0, CliRunner.Run(repo.Root, "set", "c", "note", "checked").ExitCode);
        Assert.Equal(Claim.Replace("verdict: supported\n", "verdict: supported\nnote: checked\n", StringComparison.Ordinal), repo.Read("claims/c.yaml"));
    }

    [Fact]
    public void Set_keeps_a_byte_order_mark_and_CRLF_line_ends()
    {
        using var repo = Repo();
        var crlf = "id: c\r\nstatement: x   # s\r\ntags: [a]\r\n";
        repo.WriteBytes("claims/c.yaml", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(crlf)]);
        Assert.Equal(0, CliRunner.Run(repo.Root, "set", "c", "verdict", "unverifiable").ExitCode);
        Assert.Equal(0, CliRunner.Run(repo.Root, "set", "c", "tags", "b", "c d").ExitCode);
        var bytes = File.ReadAllBytes(repo.Full("claims/c.yaml"));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("id: c\r\nstatement: x   # s\r\ntags: [b, c d]\r\nverdict: unverifiable\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void Set_a_list_replaces_block_items_at_their_indentation_and_keeps_the_key_comment()
    {
        using var repo = Repo();
        Assert.Equal(0, CliRunner.Run(repo.Root, "set", "c", "tags", "pancreatic-cancer", "yes").ExitCode);
        var expected = Claim.Replace("tags:   # kept\n  - a   # first\n  - \"b\"\n", "tags:   # kept\n  - pancreatic-cancer\n  - \"yes\"\n", StringComparison.Ordinal);
        Assert.Equal(expected, repo.Read("claims/c.yaml"));
        Assert.Equal(["pancreatic-cancer", "yes"], EvidenceQueries.Check(repo.Root).Claims.Single().Claim.Tags);
    }

    [Fact]
    public void Set_reports_on_replaces_a_flow_list_and_refuses_an_unknown_source_with_did_you_mean()
    {
        using var repo = Repo();
        var refused = CliRunner.Run(repo.Root, "set", "t", "reports-on", "ss");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("did you mean 's'?", refused.Error, StringComparison.Ordinal);
        Assert.Equal("id: t\ntype: report\ntitle: T\nreports-on: [s]\n", repo.Read("sources/t.yaml"));
        repo.Write("sources/u.yaml", "id: u\ntype: report\ntitle: U\n");
        Assert.Equal(0, CliRunner.Run(repo.Root, "set", "t", "reports-on", "s", "u").ExitCode);
        Assert.Equal("id: t\ntype: report\ntitle: T\nreports-on: [s, u]\n", repo.Read("sources/t.yaml"));
    }

    [Fact]
    public void Set_reports_on_refuses_the_source_itself_as_check_would_and_writes_nothing()
    {
        using var repo = Repo();
        var refused = CliRunner.Run(repo.Root, "set", "t", "reports-on", "s", "t");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("source 't' cannot report on itself", refused.Error, StringComparison.Ordinal);
        Assert.Equal("id: t\ntype: report\ntitle: T\nreports-on: [s]\n", repo.Read("sources/t.yaml"));
    }

    [Fact]
    public void Set_a_citation_quote_adds_it_to_a_block_citation_and_to_a_flow_citation()
    {
        using var repo = Repo();
        Assert.Equal(0, CliRunner.Run(repo.Root, "set", "c", "citations[s].quote", "31 cases, \"found\"").ExitCode);
        Assert.Equal(0, CliRunner.Run(repo.Root, "set", "c", "citations[t].stance", "mentions").ExitCode);
        Assert.Equal(0, CliRunner.Run(repo.Root, "set", "c", "citations[s].locator", "p. 4").ExitCode);
        var expected = Claim
            .Replace("locator: \"p. 3\"   # page\n", "locator: p. 4   # page\n        quote: 31 cases, \"found\"\n", StringComparison.Ordinal)
            .Replace("- {source: t}", "- {source: t, stance: mentions}", StringComparison.Ordinal);
        Assert.Equal(expected, repo.Read("claims/c.yaml"));
        var citations = EvidenceQueries.Check(repo.Root).Claims.Single().Claim.Citations;
        Assert.Equal("31 cases, \"found\"", citations[0].Quote);
        Assert.Equal(EvidenceTracker.Model.Stance.Mentions, citations[1].Stance);
    }

    [Fact]
    public void Set_a_field_of_a_citation_the_claim_does_not_have_is_refused()
    {
        using var repo = Repo();
        var result = CliRunner.Run(repo.Root, "set", "c", "citations[u].quote", "x");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("does not cite 'u'", result.Error, StringComparison.Ordinal);
        Assert.Equal(Claim, repo.Read("claims/c.yaml"));
    }

    [Theory]
    [InlineData("c", "verdcit", "supported", "did you mean 'verdict'?")]
    [InlineData("c", "citations[s].qoute", "x", "did you mean 'quote'?")]
    [InlineData("c", "verdict", "maybe", "verdict")]
    [InlineData("c", "citations[s].stance", "agrees", "stance")]
    [InlineData("c", "statement", "", "--clear")]
    [InlineData("c", "id", "d", "evidence mv")]
    [InlineData("s", "date", "2024-13-40", "date")]
    [InlineData("s", "url", "ftp://example.org/x", "url")]
    [InlineData("s", "doi", "11.1/x", "not a DOI")]
    [InlineData("s", "level", "tertiary", "level")]
    [InlineData("cc", "note", "x", "did you mean 'c'?")]
    public void Set_refuses_an_invalid_field_or_value_and_leaves_the_file_untouched(string id, string field, string value, string message)
    {
        using var repo = Repo();
        var before = Directory.GetFiles(repo.Root, "*.yaml", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);
        var result = CliRunner.Run(repo.Root, "set", id, field, value);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was written.", result.Error, StringComparison.Ordinal);
        foreach (var (file, text) in before)
        {
            Assert.Equal(text, File.ReadAllText(file));
        }
    }

    [Fact]
    public void Set_stores_a_DOI_bare_and_lowercase_as_add_does()
    {
        using var repo = Repo();
        Assert.Equal(0, CliRunner.Run(repo.Root, "set", "s", "doi", "https://doi.org/10.1038/S41591").ExitCode);
        Assert.Equal("id: s\ntype: report\ntitle: S   # title\ndate: 2024\ndoi: 10.1038/s41591\n", repo.Read("sources/s.yaml"));
    }

    [Fact]
    public void Clear_removes_the_field_and_its_lines_and_refuses_a_required_field()
    {
        using var repo = Repo();
        Assert.Equal(0, CliRunner.Run(repo.Root, "set", "c", "tags", "--clear").ExitCode);
        Assert.Equal(0, CliRunner.Run(repo.Root, "set", "c", "citations[s].locator", "--clear").ExitCode);
        var expected = Claim
            .Replace("tags:   # kept\n  - a   # first\n  - \"b\"\n", "", StringComparison.Ordinal)
            .Replace("        locator: \"p. 3\"   # page\n", "", StringComparison.Ordinal);
        Assert.Equal(expected, repo.Read("claims/c.yaml"));
        var required = CliRunner.Run(repo.Root, "set", "s", "title", "--clear");
        Assert.Equal(1, required.ExitCode);
        Assert.Contains("required", required.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_refuses_a_file_with_an_anchor_or_a_multi_line_value_rather_than_guess()
    {
        using var repo = Repo("id: c\nstatement: &s x\nnote: |\n  two\n  lines\n");
        var anchored = CliRunner.Run(repo.Root, "set", "c", "statement", "y");
        Assert.Equal(1, anchored.ExitCode);
        var block = CliRunner.Run(repo.Root, "set", "c", "note", "y");
        Assert.Equal(1, block.ExitCode);
        Assert.Contains("multi-line", block.Error, StringComparison.Ordinal);
        Assert.Equal("id: c\nstatement: &s x\nnote: |\n  two\n  lines\n", repo.Read("claims/c.yaml"));
    }

    [Fact]
    public void Set_with_json_output_prints_the_edited_record()
    {
        using var repo = Repo();
        var result = CliRunner.Run(repo.Root, "set", "s", "level", "primary", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"level\": \"primary\"", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Concurrent_sets_of_the_citations_of_one_claim_lose_no_update()
    {
        using var repo = Repo("id: c\nstatement: x\ncitations:\n");
        const int Editors = 8, Rounds = 25;
        for (var k = 0; k < Editors; k++)
        {
            repo.Write($"sources/s{k}.yaml", $"id: s{k}\ntype: report\ntitle: S{k}\n");
        }
        repo.Write("claims/c.yaml", "id: c\nstatement: x\ncitations:\n" + string.Concat(Enumerable.Range(0, Editors).Select(k => $"  - source: s{k}\n")));
        var codes = new int[Editors];
        Parallel.For(0, Editors, new ParallelOptions { MaxDegreeOfParallelism = Editors }, k =>
        {
            for (var round = 0; round < Rounds && codes[k] == 0; round++)
            {
                codes[k] = CliRunner.Run(repo.Root, "set", "c", $"citations[s{k}].quote", $"q{k}-{round}").ExitCode;
            }
        });
        Assert.All(codes, code => Assert.Equal(0, code));
        var citations = EvidenceQueries.Check(repo.Root).Claims.Single().Claim.Citations;
        Assert.Equal(Enumerable.Range(0, Editors).Select(k => $"q{k}-{Rounds - 1}"), citations.Select(c => c.Quote));
    }

    [Fact]
    public void Set_help_names_its_arguments_instead_of_listing_every_id()
    {
        var help = CliRunner.Run(TestPaths.Fixture("clean"), "set", "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("set <id> <field> [<value>...]", help.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("coffee-cuts-sleep-41-minutes", help.Out, StringComparison.Ordinal);
    }
}
