using System.Diagnostics;
using EvidenceTracker.App;
using EvidenceTracker.Authoring;
using EvidenceTracker.Cli;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Authoring;

public class IdDerivationTests
{
    [Theory]
    [InlineData("DAMO PANDA found 31 missed lesions", "damo-panda-found-31-missed-lesions")]
    [InlineData("Café au lait in São Paulo: 85.1% of Zürich’s users", "cafe-au-lait-in-sao-paulo-85-1-of-zurichs-users")]
    [InlineData("  Ærøskøbing -- Łódź ß  ", "aeroskobing-lodz-ss")]
    public void A_latin_statement_becomes_a_slug_with_accents_folded(string statement, string id) =>
        Assert.Equal(id, Slugs.ForText(statement, "claim"));

    [Fact]
    public void A_chinese_statement_keeps_its_latin_words_and_numbers_and_gains_a_stable_hash()
    {
        var id = Slugs.ForText("其在2万多例CT检查数据中找出了31例此前被漏诊的胰腺癌病灶", "claim");
        Assert.Matches("^2-ct-31-[0-9a-f]{8}$", id);
        Assert.Equal(id, Slugs.ForText("其在2万多例CT检查数据中找出了31例此前被漏诊的胰腺癌病灶", "claim"));
        Assert.NotEqual(id, Slugs.ForText("其在2万多例CT检查数据中找出了32例此前被漏诊的胰腺癌病灶", "claim"));
    }

    [Fact]
    public void A_statement_without_latin_letters_or_digits_gets_a_prefix_and_a_hash() =>
        Assert.Matches("^claim-[0-9a-f]{8}$", Slugs.ForText("胃癌筛查困局有望破解", "claim"));

    [Fact]
    public void A_derived_id_is_at_most_80_characters_and_cut_at_a_word()
    {
        var id = Slugs.ForText(string.Join(' ', Enumerable.Repeat("screening", 30)), "claim");
        Assert.True(id.Length <= 80);
        Assert.False(id.EndsWith('-'));
        Assert.All(id.Split('-'), w => Assert.Equal("screening", w));
    }

    [Fact]
    public void A_taken_id_gets_the_first_free_numeric_suffix()
    {
        var taken = new HashSet<string> { "a", "a-2", "a-3" };
        Assert.Equal("a-4", Slugs.Unique("a", taken.Contains));
        Assert.Equal("b", Slugs.Unique("b", taken.Contains));
    }

    [Fact]
    public void Ids_drawn_one_after_another_against_a_growing_set_get_the_same_suffixes_and_each_suffix_is_tried_once()
    {
        var taken = new HashSet<string> { "a", "a-3", "a-6" };
        var next = new Dictionary<string, int>();
        var tried = 0;
        bool Taken(string id)
        {
            tried++;
            return taken.Contains(id);
        }
        var ids = new List<string>();
        for (var i = 0; i < 1000; i++)
        {
            var id = Slugs.Unique("a", Taken, next);
            Assert.Equal(Slugs.Unique("a", taken.Contains), id); // as without the memory
            taken.Add(id);
            ids.Add(id);
        }
        Assert.Equal(["a-2", "a-4", "a-5", "a-7"], ids.Take(4));
        Assert.Equal("a-1003", ids[^1]);
        Assert.Equal(1000 + 1002, tried); // each call asks for "a", and suffixes 2..1003 are each asked once
    }

    [Theory]
    [InlineData("Nature Medicine", "2023-11-20", null, "nature-medicine-2023-11-20")]
    [InlineData("量子位", "2025-06-25", "https://www.qbitai.com/2025/06/300840.html", "qbitai-com-2025-06-25")]
    [InlineData(null, null, null, "claim-title-words")]
    public void A_source_id_comes_from_publisher_and_date_else_host_and_date_else_title(string? publisher, string? date, string? url, string expected)
    {
        var id = AuthoringService.DeriveSourceId(new AddSourceSettings
        {
            Root = ".", Title = "Claim title words", Publisher = publisher, Date = date, Url = url,
        });
        Assert.Equal(expected, id);
    }
}

public class AddCommandTests
{
    private static CliResult Run(TempRepo repo, params string[] args) => CliRunner.Run(repo.Root, args);

    [Fact]
    public void Add_source_writes_a_file_that_check_accepts_and_prints_id_and_path()
    {
        using var repo = new TempRepo();
        var result = Run(repo, "add", "source", "--title", "Large-scale detection: a study", "--type", "journal-article",
            "--publisher", "Nature Medicine", "--date", "2023-11-20", "--doi", "https://doi.org/10.1038/S41591-023-02640-W",
            "--author", "Cao, Kai", "--author", "Lu, Jianping", "--pmid", "37985692", "--level", "primary",
            "--volume", "29", "--issue", "12", "--pages", "3033-3043", "--lang", "en");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("nature-medicine-2023-11-20 sources/nature-medicine-2023-11-20.yaml\n", result.Out);
        Assert.Equal("""
            id: nature-medicine-2023-11-20
            type: journal-article
            title: "Large-scale detection: a study"
            authors:
              - Cao, Kai
              - Lu, Jianping
            publisher: Nature Medicine
            date: 2023-11-20
            doi: 10.1038/s41591-023-02640-w
            pmid: "37985692"
            lang: en
            level: primary
            volume: "29"
            issue: "12"
            pages: 3033-3043

            """, repo.Read("sources/nature-medicine-2023-11-20.yaml"));
        var check = EvidenceQueries.Check(repo.Root);
        Assert.DoesNotContain(check.Findings, f => f.Rule != "orphan-source");
    }

    [Theory]
    [InlineData("10.1000/XYZ", "10.1000/xyz")]
    [InlineData("doi:10.1000/xyz", "10.1000/xyz")]
    [InlineData("https://doi.org/10.1000/Xyz", "10.1000/xyz")]
    public void A_doi_is_stored_bare_and_lowercase(string given, string stored)
    {
        using var repo = new TempRepo();
        Assert.Equal(0, Run(repo, "add", "source", "--title", "T", "--doi", given, "--id", "t").ExitCode);
        Assert.Contains($"doi: {stored}\n", repo.Read("sources/t.yaml"));
    }

    [Theory]
    [InlineData("--url", "ftp://example.org/x", "is not an http(s) URL")]
    [InlineData("--url", "not a url", "is not an absolute URL")]
    [InlineData("--date", "2023-02-30", "is not a real calendar date")]
    [InlineData("--accessed", "yesterday", "is not a date")]
    [InlineData("--doi", "11.2/x", "is not a DOI")]
    [InlineData("--lang", "English language", "is not a BCP 47 language tag")]
    [InlineData("--id", "Bad_Id", "is not a lowercase slug")]
    [InlineData("--reports-on", "nowhere", "no source has the id 'nowhere'")]
    public void An_invalid_value_is_refused_with_exit_1_and_nothing_is_written(string option, string value, string message)
    {
        using var repo = new TempRepo();
        var result = Run(repo, "add", "source", "--title", "T", option, value);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.EndsWith("Nothing was written.\n", result.Error);
        Assert.Empty(Directory.GetFiles(repo.Full("sources"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void An_explicit_id_that_exists_is_refused_and_the_existing_file_is_untouched()
    {
        using var repo = new TempRepo();
        var original = "# hand-written\nid: s\ntype: report\ntitle: Original\n";
        repo.Write("sources/s.yaml", original);
        var result = Run(repo, "add", "source", "--title", "Other", "--id", "s");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("a source with id 's' already exists", result.Error);
        Assert.Equal(original, repo.Read("sources/s.yaml"));
    }

    [Fact]
    public void A_derived_id_that_is_taken_gets_a_suffix()
    {
        using var repo = new TempRepo();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(0, Run(repo, "add", "claim", "--statement", "Same words", "--verdict", "unverifiable").ExitCode);
        }
        Assert.Equal(["same-words.yaml", "same-words-2.yaml", "same-words-3.yaml"],
            Directory.GetFiles(repo.Full("claims")).Select(f => Path.GetFileName(f)).OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void Add_claim_pairs_each_quote_and_locator_with_the_cite_before_it()
    {
        using var repo = new TempRepo("clean");
        var result = Run(repo, "add", "claim", "--statement", "Sleep was 41 minutes shorter", "--id", "sleep-41",
            "--cite", "smith-2023-caffeine", "--quote", "Sleep was 41 minutes shorter", "--locator", "abstract",
            "--cite", "example-times-2024-03-02", "--stance", "mentions",
            "--article", "coffee-study", "--excerpt", "cut sleep by 41 minutes", "--tag", "sleep", "--tag", "caffeine");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""
            id: sleep-41
            statement: Sleep was 41 minutes shorter
            article: coffee-study
            excerpt: cut sleep by 41 minutes
            citations:
              - source: smith-2023-caffeine
                quote: "Sleep was 41 minutes shorter"
                locator: abstract
              - source: example-times-2024-03-02
                stance: mentions
            tags: [sleep, caffeine]

            """, repo.Read("claims/sleep-41.yaml"));
        Assert.Empty(EvidenceQueries.Check(repo.Root).Findings);
    }

    [Fact]
    public void A_quote_before_any_cite_is_a_usage_error()
    {
        using var repo = new TempRepo("clean");
        var result = Run(repo, "add", "claim", "--statement", "x", "--quote", "q", "--cite", "smith-2023-caffeine");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--quote must follow the --cite it belongs to", result.Error);
    }

    [Fact]
    public void Add_claim_refuses_an_unknown_source_and_suggests_the_nearest()
    {
        using var repo = new TempRepo("clean");
        var result = Run(repo, "add", "claim", "--statement", "x", "--cite", "smith-2023-cafeine");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--cite: no source has the id 'smith-2023-cafeine'; did you mean 'smith-2023-caffeine'?", result.Error);
        Assert.Equal(2, Directory.GetFiles(repo.Full("claims")).Length);
    }

    [Fact]
    public void Add_with_format_json_prints_the_record()
    {
        using var repo = new TempRepo();
        var result = Run(repo, "add", "source", "--title", "T", "--url", "https://example.org/a", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(result.Out);
        Assert.Equal("example-org", doc.RootElement.GetProperty("id").GetString());
        Assert.Equal("https://example.org/a", doc.RootElement.GetProperty("url").GetString());
    }

    [Fact]
    public void Values_with_yaml_syntax_characters_are_quoted_so_they_read_back_unchanged()
    {
        using var repo = new TempRepo("clean");
        var statement = "A: \"quoted\" # not a comment, [brackets] {braces} & *star — 85%";
        var result = Run(repo, "add", "claim", "--statement", statement, "--id", "tricky", "--note", "yes", "--tag", "a,b",
            "--cite", "smith-2023-caffeine", "--quote", "line one\nline two", "--locator", "- p. 4");
        Assert.Equal(0, result.ExitCode);
        var claim = EvidenceQueries.Check(repo.Root).Claims.Single(c => c.Claim.Id == "tricky").Claim;
        Assert.Equal(statement, claim.Statement);
        Assert.Equal("yes", claim.Note);
        Assert.Equal(["a,b"], claim.Tags);
        Assert.Equal("line one\nline two", claim.Citations[0].Quote);
        Assert.Equal("- p. 4", claim.Citations[0].Locator);
    }

    [Fact]
    public void A_missing_required_value_without_a_terminal_is_a_usage_error_not_a_wait()
    {
        using var repo = new TempRepo();
        var result = Run(repo, "add", "claim");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: --statement is required: pass it on the command line (it is asked for only on a terminal)\n", result.Error);
    }

    [Fact]
    public void On_a_terminal_a_missing_value_is_asked_for_and_the_source_ids_are_offered()
    {
        using var repo = new TempRepo("clean");
        var env = CliEnvironment.Plain(repo.Root) with
        {
            StdinIsTerminal = true,
            Input = new StringReader("Caffeine shortens sleep\nsmith-2023-caffeine\n"),
        };
        var result = CliRunner.Run(env, ["add", "claim"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Statement (the claim in your own words): ", result.Error);
        Assert.Contains("  smith-2023-caffeine\n", result.Error);
        Assert.Contains("source: smith-2023-caffeine", repo.Read("claims/caffeine-shortens-sleep.yaml"));
    }

    [Fact]
    public void Init_creates_the_layout_and_a_workflow_and_keeps_existing_files()
    {
        using var dir = new TempRepo();
        var target = dir.Full("new-repo");
        var first = CliRunner.Run(CliEnvironment.Plain(dir.Root), ["init", "new-repo"]);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("created evidence.yaml", first.Out);
        var workflow = File.ReadAllText(Path.Combine(target, ".github/workflows/evidence.yml"));
        Assert.Contains("uses: OWNER/evidencetracker@main", workflow);
        Assert.DoesNotContain("dotnet tool install", workflow);
        Assert.Contains("evidence build --check", workflow);
        File.WriteAllText(Path.Combine(target, "evidence.yaml"), "title: mine\n");
        var second = CliRunner.Run(CliEnvironment.Plain(dir.Root), ["init", "new-repo"]);
        Assert.Contains("kept    evidence.yaml (already there)", second.Out);
        Assert.Equal("title: mine\n", File.ReadAllText(Path.Combine(target, "evidence.yaml")));
        Assert.Equal(0, CliRunner.Run(target, "check").ExitCode);
    }

    [Fact]
    public void The_commented_settings_file_of_init_is_valid()
    {
        using var dir = new TempRepo();
        InitService.Init(dir.Root);
        Assert.Empty(EvidenceQueries.Check(dir.Root).Findings);
    }

    [Fact]
    public void Add_refuses_a_source_or_claim_file_that_check_would_not_read_and_writes_nothing()
    {
        using var repo = new TempRepo("clean");
        var huge = string.Concat(Enumerable.Repeat("A long title ", 90_000)); // 1.1 MB
        var source = CliRunner.Run(repo.Root, "add", "source", "--title", huge, "--url", "https://example.org/big", "--id", "big");
        Assert.Equal(1, source.ExitCode);
        Assert.Contains("sources/big.yaml would be 1.1 MB, and check reads no file over 1 MB", source.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(repo.Full("sources/big.yaml")));
        var claim = CliRunner.Run(repo.Root, "add", "claim", "--statement", huge, "--id", "big");
        Assert.Equal(1, claim.ExitCode);
        Assert.Contains("claims/big.yaml would be 1.1 MB", claim.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(repo.Full("claims/big.yaml")));
    }
}

