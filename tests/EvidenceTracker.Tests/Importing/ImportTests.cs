using System.Security.Cryptography;
using System.Text.Json;
using EvidenceTracker.App;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Loading;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Importing;

/// <summary><c>evidence import</c> through the CLI: articles copied, sources from footnotes, draft claims; idempotent.</summary>
public class ImportTests
{
    private static string EnglishArticle => TestPaths.Fixture("articles-en/articles/heat-pumps.md");
    private static string SeedArticle => TestPaths.Fixture("seed-article/articles/damo-grape-ct-screening.md");

    /// <summary>A fresh evidence repo with the English article under incoming/ (paths in output are then stable).</summary>
    private static TempRepo RepoWithEnglishInput()
    {
        var repo = new TempRepo();
        repo.WriteBytes("incoming/heat-pumps.md", File.ReadAllBytes(EnglishArticle));
        return repo;
    }

    /// <summary>Every file of the tree (hidden ones included) with its SHA-256.</summary>
    private static SortedDictionary<string, string> Snapshot(string root)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            result[Path.GetRelativePath(root, f).Replace('\\', '/')] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)));
        }
        return result;
    }

    private static string Yaml(TempRepo repo, string path) => repo.Read(path).Replace("\r\n", "\n");

    [Fact]
    public void A_footnote_whose_source_file_would_exceed_1_MB_refuses_the_import_with_the_reason_and_writes_nothing()
    {
        using var repo = new TempRepo();
        repo.Write("incoming/long.md", "# Long\n\nWater boils at 100 degrees.[^1]\n\n[^1]: " + new string('x', 1_100_000) + " https://example.org/long\n");
        var result = CliRunner.Run(repo.Root, "import", "incoming/long.md");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("from [^1] of article 'long') would be 1.05 MB, and check reads no source file over 1 MB", result.Error + result.Out);
        Assert.Empty(Directory.EnumerateFiles(repo.Full("sources")));
        Assert.Empty(Directory.EnumerateFiles(repo.Full("articles")));
    }

    [Fact]
    public void Importing_an_article_copies_it_byte_for_byte_and_creates_sources_and_draft_claims()
    {
        using var repo = RepoWithEnglishInput();
        var result = CliRunner.Run(repo.Root, "import", "incoming/heat-pumps.md");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Equal(File.ReadAllBytes(EnglishArticle), File.ReadAllBytes(repo.Full("articles/heat-pumps.md")));
        // [^3] (sales figures compiled by the author) and [^6] (an unused note) are notes, not sources
        Assert.Equal(
            ["example-energy-agency-2024-01-15.yaml", "lakeside-example-net-2024-05-30.yaml", "nordic-heating-council-2023-03-08.yaml"],
            Directory.GetFiles(repo.Full("sources")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(5, Directory.GetFiles(repo.Full("claims")).Length);
    }

    [Fact]
    public void A_link_with_publisher_date_and_retrieval_date_becomes_a_news_source_without_tracking_parameters()
    {
        using var repo = RepoWithEnglishInput();
        CliRunner.Run(repo.Root, "import", "incoming/heat-pumps.md");
        Assert.Equal("""
            id: example-energy-agency-2024-01-15
            type: news
            title: "Heat pump statistics 2023"
            publisher: "Example Energy Agency"
            date: 2024-01-15
            accessed: 2024-10-01
            url: https://www.example-energy.org/stats/2023#table-2
            lang: en

            """, Yaml(repo, "sources/example-energy-agency-2024-01-15.yaml"));
    }

    [Fact]
    public void The_prose_shape_and_the_bare_url_shape_each_become_a_source_and_free_text_does_not()
    {
        using var repo = RepoWithEnglishInput();
        CliRunner.Run(repo.Root, "import", "incoming/heat-pumps.md");
        Assert.Equal("""
            id: nordic-heating-council-2023-03-08
            type: news
            title: "Market report"
            publisher: "Nordic Heating Council"
            date: 2023-03-08
            accessed: 2024-10-02
            url: https://nordic-heating.example.com/market-2023/
            lang: en

            """, Yaml(repo, "sources/nordic-heating-council-2023-03-08.yaml"));
        Assert.Equal("""
            id: lakeside-example-net-2024-05-30
            type: web-page
            title: "Lakeside trial final report"
            date: 2024-05-30
            url: https://lakeside.example.net/report.pdf
            lang: en

            """, Yaml(repo, "sources/lakeside-example-net-2024-05-30.yaml"));
        Assert.False(File.Exists(repo.Full("sources/sales-figures-compiled-by-the-author.yaml")));
    }

    [Fact]
    public void Two_footnotes_with_one_normalised_url_share_one_source()
    {
        using var repo = RepoWithEnglishInput();
        CliRunner.Run(repo.Root, "import", "incoming/heat-pumps.md");
        // [^1] …/stats/2023?utm_source=…#table-2 and [^5] …/stats/2023/#cold are one source.
        var claim = Yaml(repo, "claims/efficiency-drops-by-roughly-2-for-every-degree.yaml");
        Assert.Contains("  - source: example-energy-agency-2024-01-15\n", claim);
    }

    [Fact]
    public void A_draft_claim_has_the_placeholder_the_verbatim_excerpt_the_article_and_the_footnotes_sources()
    {
        using var repo = RepoWithEnglishInput();
        CliRunner.Run(repo.Root, "import", "incoming/heat-pumps.md");
        Assert.Equal("""
            id: most-of-them-were-installed-after-2010-sales
            statement: "TODO: state the claim in your own words"
            article: heat-pumps
            excerpt: "Most of them were installed after 2010. Sales grew by 38% in 2022, the largest rise on record."
            citations:
              - source: nordic-heating-council-2023-03-08
            note: "Drafted by evidence import from [^2][^3]."

            """, Yaml(repo, "claims/most-of-them-were-installed-after-2010-sales.yaml"));
    }

    [Fact]
    public void Markers_in_one_sentence_make_one_draft_with_each_source_and_marker_group_once()
    {
        using var repo = new TempRepo();
        var body = string.Concat(Enumerable.Repeat("x.[^1]x.[^2]", 2000));
        repo.Write("incoming/one.md", $"Then {body}\n\n[^1]: A. https://a.example/1\n[^2]: B. https://b.example/2\n");
        Assert.Equal(0, CliRunner.Run(repo.Root, "import", "incoming/one.md").ExitCode);
        var claims = Directory.GetFiles(repo.Full("claims"));
        var claim = Yaml(repo, "claims/" + Path.GetFileName(Assert.Single(claims)));
        Assert.Contains("citations:\n  - source: a-example\n  - source: b-example\nnote: \"Drafted by evidence import from [^1][^2].\"\n", claim);
    }

    [Fact]
    public void The_imported_repository_passes_check_with_only_the_expected_draft_and_article_warnings()
    {
        using var repo = RepoWithEnglishInput();
        CliRunner.Run(repo.Root, "import", "incoming/heat-pumps.md");
        var findings = EvidenceQueries.Check(repo.Root).Findings;
        Assert.DoesNotContain(findings, f => f.Rule is Rules.YamlSyntax or Rules.ExcerptNotInArticle or Rules.UnclaimedCitation or Rules.UnknownSource);
        Assert.DoesNotContain(findings, f => f.Rule == Rules.Schema && f.Severity == Severity.Error);
        Assert.Equal(5, findings.Count(f => f.Rule == Rules.Schema && f.Message.Contains("draft placeholder")));
        // The one error is the article's own undefined [^9].
        Assert.Equal(Rules.UndefinedFootnote, Assert.Single(findings, f => f.Severity == Severity.Error).Rule);
    }

    [Fact]
    public void The_seed_article_imports_into_an_empty_repository_and_checks_without_errors()
    {
        using var repo = new TempRepo();
        File.Copy(SeedArticle, repo.Full("seed.md"));
        var result = CliRunner.Run(repo.Root, "import", "seed.md", "--id", "damo-grape-ct-screening");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            ["163-com-2025-06-25", "finance-sina-com-cn-2025-06-25", "finance-sina-com-cn-2025-06-25-2", "news-cn-2025-06-25", "qbitai-com-2025-06-25"],
            Directory.GetFiles(repo.Full("sources")).Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal));
        Assert.Equal("""
            id: qbitai-com-2025-06-25
            type: news
            title: "这个AI能救命！提前6个月发现胃癌病灶，突破医学影像认知，达摩院做成了"
            publisher: "量子位"
            date: 2025-06-25
            accessed: 2025-06-25
            url: https://www.qbitai.com/2025/06/300840.html
            lang: zh

            """, Yaml(repo, "sources/qbitai-com-2025-06-25.yaml"));
        var report = EvidenceQueries.Check(repo.Root);
        Assert.False(report.HasErrors, string.Join("\n", report.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Message)));
        Assert.Equal(12, report.Claims.Count);
        Assert.DoesNotContain(report.Findings, f => f.Rule is Rules.UnclaimedCitation or Rules.ExcerptNotInArticle);
        var pandaClaim = report.Claims.Single(c => c.Claim.Excerpt!.Contains("2万多例")).Claim;
        Assert.Equal(["qbitai-com-2025-06-25", "finance-sina-com-cn-2025-06-25-2"], pandaClaim.Citations.Select(c => c.Source));
    }

    [Fact]
    public void Existing_sources_are_reused_by_url_and_claimed_passages_get_no_draft()
    {
        using var repo = new TempRepo();
        TempRepo.CopyDirectory(Path.Combine(TestPaths.RepoRoot, "sources"), repo.Full("sources"));
        TempRepo.CopyDirectory(Path.Combine(TestPaths.RepoRoot, "claims"), repo.Full("claims"));
        File.Copy(SeedArticle, repo.Full("articles/damo-grape-ct-screening.md"), overwrite: true);
        var before = Snapshot(repo.Root);
        var result = CliRunner.Run(repo.Root, "import", "articles/damo-grape-ct-screening.md", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var files = json.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal("unchanged", files[0].GetProperty("action").GetString());
        Assert.Equal(5, files.Count(f => f.GetProperty("action").GetString() == "reuse"));
        // Every one of the twelve cited passages is tracked by a hand-written claim: nothing is drafted.
        Assert.DoesNotContain(files, f => f.GetProperty("action").GetString() == "create");
        var after = Snapshot(repo.Root);
        Assert.Empty(after.Keys.Except(before.Keys));
    }

    [Fact]
    public void Sources_are_shared_by_url_across_two_articles()
    {
        using var repo = new TempRepo();
        repo.Write("in/first.md", "Sales rose 5%.[^1]\n\n[^1]: [Sales](https://Example.ORG/sales/?utm_campaign=x) · Example Daily · (2024/3/1)\n");
        repo.Write("in/second.md", "Sales rose again.[^a]\n\n[^a]: https://example.org/sales#chart (2024/3/1)\n");
        var result = CliRunner.Run(repo.Root, "import", "in");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["example-daily-2024-03-01.yaml"], Directory.GetFiles(repo.Full("sources")).Select(Path.GetFileName));
        Assert.All(Directory.GetFiles(repo.Full("claims")), f => Assert.Contains("source: example-daily-2024-03-01", File.ReadAllText(f)));
    }

    [Fact]
    public void An_empty_footnote_definition_creates_no_source()
    {
        using var repo = new TempRepo();
        repo.Write("in/a.md", "Text 5%.[^1][^2]\n\n[^1]:\n[^2]: Real source. https://example.org/real\n");
        Assert.Equal(0, CliRunner.Run(repo.Root, "import", "in/a.md").ExitCode);
        Assert.Equal(["example-org.yaml"], Directory.GetFiles(repo.Full("sources")).Select(Path.GetFileName));
    }

    [Fact]
    public void An_apa_footnote_becomes_a_journal_article_with_authors_doi_and_volume_that_loads_cleanly()
    {
        using var repo = new TempRepo();
        repo.Write("in/a.md", "A 12% effect.[^1]\n\n[^1]: Smith, J., & Doe, A. (2020). Title of paper. Journal of Things, 12(3), 45-67. https://doi.org/10.1000/xyz\n");
        Assert.Equal(0, CliRunner.Run(repo.Root, "import", "in/a.md").ExitCode);
        Assert.Equal("""
            id: journal-of-things-2020
            type: journal-article
            title: "Title of paper"
            publisher: "Journal of Things"
            date: 2020
            url: https://doi.org/10.1000/xyz
            doi: 10.1000/xyz
            lang: en
            volume: "12"
            issue: "3"
            pages: "45-67"
            authors:
              - "Smith, J."
              - "Doe, A."

            """, Yaml(repo, "sources/journal-of-things-2020.yaml"));
        var set = RepositoryLoader.Load(repo.Root);
        Assert.Empty(set.LoadFindings);
        Assert.Equal(["Smith, J.", "Doe, A."], Assert.Single(set.Sources).Authors);
    }

    [Fact]
    public void Re_running_an_import_changes_nothing()
    {
        using var repo = RepoWithEnglishInput();
        repo.Write("incoming/more/second.md", "Another article with 12% more.[^1]\n\n[^1]: Free text source\n");
        Assert.Equal(0, CliRunner.Run(repo.Root, "import", "incoming").ExitCode);
        var first = Snapshot(repo.Root);
        var again = CliRunner.Run(repo.Root, "import", "incoming");
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(first, Snapshot(repo.Root));
        Assert.EndsWith("import: created 0 articles, 0 sources and 0 draft claims; 2 articles unchanged, 3 existing sources reused\n", again.Out);
    }

    [Fact]
    public void Dry_run_lists_what_it_would_write_and_writes_nothing()
    {
        using var repo = RepoWithEnglishInput();
        var before = Snapshot(repo.Root);
        var result = CliRunner.Run(repo.Root, "import", "incoming/heat-pumps.md", "--dry-run");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(before, Snapshot(repo.Root));
        Assert.Contains("would create articles/heat-pumps.md (from incoming/heat-pumps.md)", result.Out);
        Assert.Contains("would create claims/heat-pumps-now-heat-about-15-of-homes.yaml", result.Out);
        Assert.EndsWith("dry run: would create 1 article, 3 sources and 5 draft claims; nothing written\n", result.Out);
    }

    [Fact]
    public void An_article_id_taken_by_different_content_is_refused_and_nothing_is_written()
    {
        using var repo = RepoWithEnglishInput();
        repo.Write("articles/heat-pumps.md", "An older version.\n");
        var before = Snapshot(repo.Root);
        var result = CliRunner.Run(repo.Root, "import", "incoming/heat-pumps.md");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(before, Snapshot(repo.Root));
        Assert.Contains("articles/heat-pumps.md already exists with different content", result.Error);
        Assert.Equal("", result.Out);
        // Under another id it is imported.
        Assert.Equal(0, CliRunner.Run(repo.Root, "import", "incoming/heat-pumps.md", "--id", "heat-pumps-2024").ExitCode);
        Assert.True(File.Exists(repo.Full("articles/heat-pumps-2024.md")));
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_refused_with_exit_1()
    {
        using var repo = new TempRepo();
        repo.WriteBytes("in/latin1.md", [.. "Caf"u8, 0xE9, .. " 5%.\n"u8]);
        var result = CliRunner.Run(repo.Root, "import", "in/latin1.md");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not valid UTF-8", result.Error);
        Assert.Empty(Directory.GetFiles(repo.Full("articles")));
    }

    [Theory]
    [InlineData("missing.md")]
    [InlineData("in/a.md", "in/b.md", "--id", "x")]
    [InlineData("in/a.md", "--id", "Not A Slug")]
    [InlineData("in/notes.txt")]
    public void Usage_problems_exit_2_with_a_one_line_message(params string[] args)
    {
        using var repo = new TempRepo();
        repo.Write("in/a.md", "A.\n");
        repo.Write("in/b.md", "B.\n");
        repo.Write("in/refs.bib", "@misc{x}\n");
        repo.Write("in/notes.txt", "x\n");
        var result = CliRunner.Run(repo.Root, ["import", .. args]);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Empty(Directory.GetFiles(repo.Full("articles")));
    }

    [Fact]
    public void A_folder_imports_every_markdown_file_under_it_with_ids_from_file_names()
    {
        using var repo = new TempRepo();
        repo.Write("posts/2024/Heat Pumps Explained.md", "Text.\n");
        repo.Write("posts/notes.markdown", "Text.\n");
        repo.Write("posts/.drafts/hidden.md", "Text.\n");
        repo.Write("posts/readme.txt", "Text.\n");
        repo.Write("posts/文章.md", "文本。\n");
        var result = CliRunner.Run(repo.Root, "import", "posts");
        Assert.Equal(0, result.ExitCode);
        var ids = Directory.GetFiles(repo.Full("articles")).Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, ids.Count);
        Assert.Contains("heat-pumps-explained", ids);
        Assert.Contains("notes", ids);
        Assert.Matches("^article-[0-9a-f]{6}$", ids.Single(i => i!.StartsWith("article-")));
    }

    [Fact]
    public void A_file_whose_name_is_not_utf8_is_skipped_with_that_reason_and_the_others_imported()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "file names as bytes");
        using var repo = new TempRepo();
        repo.Write("posts/fine.md", "Text.\n");
        // a name of raw bytes (Latin-1 é), which .NET cannot spell in UTF-16
        using var made = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/bin/sh", ["-c", "printf 'Text.\\n' > \"$(printf 'caf\\351.md')\""]) { WorkingDirectory = repo.Full("posts") })!;
        made.WaitForExit();
        Assert.Equal(2, Directory.GetFiles(repo.Full("posts")).Length);
        var result = CliRunner.Run(repo.Root, "import", "posts");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot be opened: its name is not valid UTF-8 (rename the file); not imported", result.Out + result.Error);
        Assert.True(File.Exists(repo.Full("articles/fine.md")));
    }

    [Fact]
    public void Two_inputs_with_one_file_name_take_their_parent_folder_names()
    {
        using var repo = new TempRepo();
        repo.Write("a/post.md", "One.\n");
        repo.Write("b/post.md", "Two.\n");
        var result = CliRunner.Run(repo.Root, "import", "a/post.md", "b/post.md");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("One.\n", repo.Read("articles/a-post.md"));
        Assert.Equal("Two.\n", repo.Read("articles/b-post.md"));
    }

    [Fact]
    public void Outside_an_evidence_repository_import_exits_2()
    {
        var dir = Path.Combine(Path.GetTempPath(), "evidence-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "a.md"), "A.\n");
            var result = CliRunner.Run(dir, "import", "a.md");
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("not an evidence repository", result.Error);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Progress_is_not_written_when_output_is_not_a_terminal()
    {
        using var repo = new TempRepo();
        for (var i = 0; i < 25; i++)
        {
            repo.Write($"in/post-{i:00}.md", $"Post {i} says 5%.[^1]\n\n[^1]: Source {i}\n");
        }
        var result = CliRunner.Run(repo.Root, "import", "in");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public void Progress_is_shown_on_a_terminal_for_many_files()
    {
        using var repo = new TempRepo();
        for (var i = 0; i < 25; i++)
        {
            repo.Write($"in/post-{i:00}.md", $"Post {i}.\n");
        }
        var env = new Cli.CliEnvironment { StdoutIsTerminal = true, WorkingDirectory = repo.Root };
        var result = CliRunner.Run(env, ["--root", repo.Root, "import", "in"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("importing 25/25", result.Error);
    }

    [Theory]
    [InlineData("text", "txt")]
    [InlineData("json", "json")]
    public void Import_output_matches_its_golden_file(string format, string extension)
    {
        using var repo = RepoWithEnglishInput();
        var result = CliRunner.Run(repo.Root, "import", "incoming/heat-pumps.md", "--format", format);
        Assert.Equal(0, result.ExitCode);
        Golden.Verify($"import-heat-pumps.{format}.{extension}", result.Out);
    }

    [Fact]
    public void The_import_loader_round_trip_has_no_schema_error_for_hostile_footnotes()
    {
        using var repo = new TempRepo();
        repo.Write("in/hostile.md", string.Concat(
            "A \"quoted\" claim: with # hash and \\ backslash 5%.[^1] Tab\there 6%.[^2] Key: value 7%.[^3]\n\n",
            "[^1]: [Title with \"quotes\" and \\backslash](https://example.org/a?x=1&y=2) · Pub: Lisher # x · 2024/1/2\n",
            "[^2]: - yes: no [] {} & * ! | > ' % @ ` https://example.org/b\n",
            "[^3]: \u2028line\u2029separators\u0085 and \u00A0nbsp 😀 https://example.org/c\n"));
        Assert.Equal(0, CliRunner.Run(repo.Root, "import", "in/hostile.md").ExitCode);
        var set = RepositoryLoader.Load(repo.Root);
        Assert.DoesNotContain(set.LoadFindings, f => f.Severity == Severity.Error);
        Assert.Equal(3, set.Sources.Count);
        Assert.Equal(3, set.Claims.Count);
        Assert.Contains(set.Sources, s => s.Title == "Title with \"quotes\" and \\backslash");
        Assert.Contains(set.Claims, c => c.Excerpt!.Contains("with # hash and \\ backslash"));
    }
}
