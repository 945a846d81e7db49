using EvidenceTracker.Bibliography;
using EvidenceTracker.Checking;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Importing;
using EvidenceTracker.Loading;
using EvidenceTracker.Model;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Bibliography;

public class ImportTests
{
    private static readonly string[] FixtureFiles = ["library.bib", "malformed.bib", "references.ris", "items.json"];

    /// <summary>An empty repository with the bibliography fixtures copied into it (paths in reports stay relative).</summary>
    private static TempRepo RepoWithFixtures()
    {
        var repo = new TempRepo();
        foreach (var f in FixtureFiles)
        {
            File.Copy(Path.Combine(TestPaths.Fixture("bibliography"), f), repo.Full(f));
        }
        return repo;
    }

    [Fact]
    public void Every_written_source_loads_back_with_no_schema_finding()
    {
        using var repo = RepoWithFixtures();
        var result = BibliographyImporter.Import(repo.Root, FixtureFiles.Select(repo.Full).ToList(), dryRun: false);
        Assert.Equal(16, result.Of(ImportAction.Create).Count);
        var report = Checker.Run(RepositoryLoader.Load(repo.Root));
        Assert.DoesNotContain(report.Findings, f => f.Severity == Severity.Error || f.Rule is Rules.Schema or Rules.YamlSyntax);
        Assert.Equal(16, report.Set.Sources.Count);
        Assert.Empty(Directory.GetFiles(repo.Full("sources"), ".*"));
    }

    [Fact]
    public void Import_reports_match_their_golden_files_in_text_and_json()
    {
        using var repo = RepoWithFixtures();
        var text = CliRunner.Run(repo.Root, ["import", .. FixtureFiles, "--dry-run"]);
        Assert.Equal(1, text.ExitCode);
        Golden.Verify("import-bib.txt", text.Out);
        var json = CliRunner.Run(repo.Root, ["import", .. FixtureFiles, "--format", "json"]);
        Assert.Equal(1, json.ExitCode);
        Golden.Verify("import-bib.json", json.Out);
    }

    [Fact]
    public void Imported_sources_match_their_golden_files()
    {
        using var repo = RepoWithFixtures();
        BibliographyImporter.Import(repo.Root, FixtureFiles.Select(repo.Full).ToList(), dryRun: false);
        foreach (var file in Directory.GetFiles(repo.Full("sources"), "*.yaml").Order(StringComparer.Ordinal))
        {
            Golden.Verify("import-bib-sources/" + Path.GetFileName(file), File.ReadAllText(file));
        }
    }

    [Fact]
    public void A_dry_run_writes_nothing()
    {
        using var repo = RepoWithFixtures();
        var result = BibliographyImporter.Import(repo.Root, [repo.Full("library.bib")], dryRun: true);
        Assert.NotEmpty(result.Of(ImportAction.Create));
        Assert.Empty(Directory.GetFiles(repo.Full("sources")));
    }

    [Fact]
    public void Duplicates_within_a_file_are_merged_by_doi()
    {
        using var repo = RepoWithFixtures();
        var result = BibliographyImporter.Import(repo.Root, [repo.Full("library.bib")], dryRun: false);
        var merge = Assert.Single(result.Of(ImportAction.Merge));
        Assert.Equal(("cao2023panda", "doi", false, "duplicate-of-cao"), (merge.Id, merge.MatchedBy, merge.IntoExisting, merge.Entry!.Key));
        Assert.Equal(["url", "keys"], merge.AddedFields); // the duplicate's key is kept: articles may cite either
        Assert.Contains("url: https://www.nature.com/articles/s41591-023-02640-w", repo.Read("sources/cao2023panda.yaml"));
    }

    [Fact]
    public void Re_running_an_import_changes_nothing()
    {
        using var repo = RepoWithFixtures();
        var files = FixtureFiles.Select(repo.Full).ToList();
        BibliographyImporter.Import(repo.Root, files, dryRun: false);
        var before = Directory.GetFiles(repo.Full("sources")).ToDictionary(f => f, File.ReadAllText);
        var again = BibliographyImporter.Import(repo.Root, files, dryRun: false);
        Assert.Empty(again.Of(ImportAction.Create));
        Assert.Empty(again.Of(ImportAction.Merge));
        Assert.Equal(17, again.Of(ImportAction.Skip).Count);
        Assert.Equal(before, Directory.GetFiles(repo.Full("sources")).ToDictionary(f => f, File.ReadAllText));
    }

    [Fact]
    public void An_entry_matching_an_existing_source_by_url_adds_its_missing_fields_and_keeps_the_comments()
    {
        using var repo = new TempRepo();
        repo.Write("sources/who.yaml", "# kept comment\nid: who\ntype: report\ntitle: Global Cancer Report\nurl: http://who.int/publications/cancer-report-2024/\n");
        repo.Write("in.bib", "@techreport{x, title = {Another title}, url = {https://www.who.int/publications/cancer-report-2024}, year = 2024, institution = {WHO}}");
        var result = BibliographyImporter.Import(repo.Root, [repo.Full("in.bib")], dryRun: false);
        var merge = Assert.Single(result.Of(ImportAction.Merge));
        Assert.Equal(("who", "url", true), (merge.Id, merge.MatchedBy, merge.IntoExisting));
        Assert.Equal(["publisher", "date", "keys"], merge.AddedFields);
        Assert.Equal("# kept comment\nid: who\ntype: report\ntitle: Global Cancer Report\nurl: http://who.int/publications/cancer-report-2024/\npublisher: WHO\ndate: 2024\nkeys:\n  - \"x\"\n", repo.Read("sources/who.yaml"));
    }

    [Fact]
    public void Concurrent_imports_merging_into_one_source_keep_the_fields_of_both()
    {
        // Merging into an existing source is a read-modify-write of its file: two imports at once must not lose one.
        for (var round = 0; round < 5; round++)
        {
            using var repo = new TempRepo();
            repo.Write("sources/who.yaml", "# kept comment\nid: who\ntype: report\ntitle: Global Cancer Report\nurl: https://www.who.int/cancer-report/\n");
            repo.Write("a.bib", "@techreport{a, title = {A}, url = {https://www.who.int/cancer-report/}, year = 2024, institution = {WHO}}");
            repo.Write("b.bib", "@techreport{b, title = {B}, url = {https://www.who.int/cancer-report/}, doi = {10.1234/who.2024}}");
            using var start = new Barrier(2);
            var results = new ImportResult[2];
            var threads = new[] { "a.bib", "b.bib" }.Select((file, i) => new Thread(() =>
            {
                start.SignalAndWait();
                results[i] = BibliographyImporter.Import(repo.Root, [repo.Full(file)], dryRun: false);
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            Assert.All(results, r => Assert.Single(r.Of(ImportAction.Merge)));
            var text = repo.Read("sources/who.yaml");
            Assert.StartsWith("# kept comment\n", text);
            Assert.Contains("publisher: WHO\n", text);
            Assert.Contains("doi: 10.1234/who.2024\n", text);
        }
    }

    [Fact]
    public void Title_and_year_match_only_works_of_one_type_and_first_author()
    {
        using var repo = new TempRepo();
        repo.Write("in.bib", "@article{a, title = {Lorem Ipsum}, author = {Adams, A.}, year = 2020}\n@book{b, title = {Lorem Ipsum}, author = {Adams, A.}, year = 2020}\n"
            + "@article{c, title = {Lorem ipsum!}, author = {Brody, B.}, year = 2020}\n@article{d, title = {LOREM IPSUM}, author = {Adams, Alice}, year = 2020, pages = {1--2}}\n");
        var result = BibliographyImporter.Import(repo.Root, [repo.Full("in.bib")], dryRun: true);
        Assert.Equal(["a", "b", "c"], result.Of(ImportAction.Create).Select(c => c.Id));
        var merge = Assert.Single(result.Of(ImportAction.Merge));
        Assert.Equal(("a", "title+year", "d"), (merge.Id, merge.MatchedBy, merge.Entry!.Key));
    }

    [Fact]
    public void A_taken_id_gets_a_numbered_suffix_and_an_existing_file_is_never_replaced()
    {
        using var repo = new TempRepo();
        repo.Write("sources/smith.yaml", "id: smith\ntype: other\ntitle: Something else\n");
        repo.Write("in.bib", "@misc{Smith, title = {A different work}}\n@misc{smith!, title = {A third work}}\n");
        var result = BibliographyImporter.Import(repo.Root, [repo.Full("in.bib")], dryRun: false);
        Assert.Equal(["smith-2", "smith-3"], result.Of(ImportAction.Create).Select(c => c.Id));
        Assert.Equal("id: smith\ntype: other\ntitle: Something else\n", repo.Read("sources/smith.yaml"));
    }

    [Fact]
    public void Entries_of_one_derived_id_take_the_free_suffixes_in_order()
    {
        using var repo = new TempRepo();
        repo.Write("sources/smith-2020-study-3.yaml", "id: smith-2020-study-3\ntype: other\ntitle: Taken\n");
        var ris = string.Concat(Enumerable.Range(1, 300).Select(i => $"TY  - JOUR\nAU  - Smith, Anna\nPY  - 2020\nTI  - Study of case {i}\nER  - \n"));
        repo.Write("in.ris", ris);
        var result = BibliographyImporter.Import(repo.Root, [repo.Full("in.ris")], dryRun: true);
        var expected = new[] { "smith-2020-study", "smith-2020-study-2" }.Concat(Enumerable.Range(4, 298).Select(n => $"smith-2020-study-{n}"));
        Assert.Equal(expected, result.Of(ImportAction.Create).Select(c => c.Id));
    }

    [Theory]
    [InlineData("@misc{k, title = {The Theory of Everything}, author = {Van Dijk, Jan}, year = 2021}", "van-dijk-2021-theory")]
    [InlineData("@misc{12345, title = {On Growth}, year = 2021}", "2021-growth")]
    [InlineData("@misc{胃癌, title = {胃癌筛查}, url = {https://www.news.cn/a.html}, date = {2025-06-25}}", "news-cn-2025-06-25")]
    [InlineData("@misc{胃癌, title = {胃癌筛查}}", "source-634ac9")]
    public void Ids_come_from_keys_else_from_author_year_and_title_else_from_the_url_or_a_hash(string bib, string id)
    {
        using var repo = new TempRepo();
        repo.Write("in.bib", bib.Replace("@misc{k,", "@misc{,", StringComparison.Ordinal));
        var result = BibliographyImporter.Import(repo.Root, [repo.Full("in.bib")], dryRun: true);
        Assert.Equal(id, Assert.Single(result.Of(ImportAction.Create)).Id);
    }

    [Fact]
    public void Values_that_the_loader_would_refuse_are_left_out_with_warnings()
    {
        using var repo = new TempRepo();
        repo.Write("sources/ok-id.yaml", "id: ok-id\ntype: report\ntitle: OK\n");
        repo.Write("in.json", """[{"id": "a", "title": "T: a \"quoted\" #title", "DOI": "not a doi", "URL": "ftp://x", "PMID": "PMID: 12x", "language": "Klingon", "custom": {"level": "tertiary", "reports-on": ["Not A Slug", "ok-id"]}}]""");
        var result = BibliographyImporter.Import(repo.Root, [repo.Full("in.json")], dryRun: false);
        Assert.Equal(5, result.Findings.Count(f => f.Severity == Severity.Warning));
        Assert.Equal("id: a\ntype: other\ntitle: \"T: a \\\"quoted\\\" #title\"\nreports-on:\n  - ok-id\nkeys:\n  - \"a\"\n", repo.Read("sources/a.yaml"));
        Assert.Empty(RepositoryLoader.Load(repo.Root).LoadFindings);
    }

    [Fact]
    public void Reports_on_the_source_itself_or_on_no_source_is_left_out_so_check_accepts_what_import_wrote()
    {
        using var repo = new TempRepo();
        repo.Write("in.json", """[{"id": "a", "type": "report", "title": "A", "custom": {"reports-on": ["a", "ghost", "b"]}}, {"id": "b", "type": "report", "title": "B"}]""");
        var result = BibliographyImporter.Import(repo.Root, [repo.Full("in.json")], dryRun: false);
        Assert.Equal(2, result.Findings.Count(f => f.Severity == Severity.Warning && f.Message.Contains("reports-on", StringComparison.Ordinal)));
        Assert.Equal("id: a\ntype: report\ntitle: A\nreports-on:\n  - b\nkeys:\n  - \"a\"\n", repo.Read("sources/a.yaml"));
        var check = CliRunner.Run(repo.Root, "check", "--format", "json");
        Assert.DoesNotContain("reports on itself", check.Out);
        Assert.DoesNotContain("which does not exist", check.Out);
    }

    [Fact]
    public void An_entry_whose_source_file_would_exceed_1_MB_is_not_written_and_says_why()
    {
        using var repo = new TempRepo();
        repo.Write("in.bib", "@article{big, title = {" + new string('x', 1_100_000) + "}, year = 2020}\n@article{small, title = {Small}, year = 2020}\n");
        var result = BibliographyImporter.Import(repo.Root, [repo.Full("in.bib")], dryRun: false);
        Assert.Contains(result.Findings, f => f.Severity == Severity.Error && f.Message.Contains("sources/big.yaml", StringComparison.Ordinal)
            && f.Message.Contains("over 1 MB", StringComparison.Ordinal));
        Assert.False(File.Exists(repo.Full("sources/big.yaml")));
        Assert.True(File.Exists(repo.Full("sources/small.yaml")));
    }

    [Fact]
    public void A_clean_import_exits_0_and_prints_what_it_created()
    {
        using var repo = new TempRepo();
        repo.Write("refs.bib", "@article{a, title = {Alpha}, year = 2020}\n");
        var result = CliRunner.Run(repo.Root, "import", "refs.bib");
        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.Equal("create  sources/a.yaml  from refs.bib:1:1 @article{a}\n1 entry: 1 created, 0 merged, 0 skipped; 0 errors, 0 warnings, 0 notes\n", result.Out);
    }

    [Fact]
    public void A_missing_file_or_an_unknown_format_is_a_usage_error()
    {
        using var repo = new TempRepo();
        repo.Write("notes.txt", "nothing bibliographic here");
        var missing = CliRunner.Run(repo.Root, "import", "nope.bib");
        Assert.Equal((2, "error: 'nope.bib' does not exist\nnothing was imported\n"), (missing.ExitCode, missing.Error));
        var unknown = CliRunner.Run(repo.Root, "import", "notes.txt");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("notes.txt: not a Markdown article (.md, .markdown, .qmd, .Rmd) or a bibliography (.bib, .bibtex, .biblatex, .ris, .json, .csljson, .yaml, .yml)", unknown.Error);
    }

    [Fact]
    public void Hostile_input_never_throws()
    {
        using var repo = new TempRepo();
        var random = new Random(7);
        var alphabet = "@{}()\"#=,\\ \n\tabcTY  -ER{[]}:'`~$%&é中";
        for (var round = 0; round < 200; round++)
        {
            var chars = new char[random.Next(0, 300)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }
            var text = new string(chars);
            _ = BibTexParser.Parse("@article{x, title = {" + text, "f.bib");
            _ = BibTexParser.Parse(text, "f.bib");
            _ = RisParser.Parse("TY  - JOUR\n" + text, "f.ris");
            _ = CslJsonParser.Parse(System.Text.Encoding.UTF8.GetBytes("[{\"title\": " + text), "f.json");
        }
        var deep = new string('{', 200_000) + "x" + new string('}', 200_000);
        var commands = string.Concat(Enumerable.Repeat("\\textit{", 100_000)) + "x" + new string('}', 100_000);
        Assert.Equal("x", Assert.Single(BibTexParser.Parse("@article{a, title = " + deep + "}", "f.bib").Entries).Title);
        Assert.Equal("x", Latex.Decode(commands).Replace("textit", "", StringComparison.Ordinal));
        _ = CslJsonParser.Parse(System.Text.Encoding.UTF8.GetBytes(new string('[', 100_000)), "f.json");
    }
}

public class ExportTests
{
    [Theory]
    [InlineData("csl-json", "json")]
    [InlineData("bibtex", "bib")]
    [InlineData("ris", "ris")]
    [InlineData("hayagriva", "yaml")]
    public void Exports_match_their_golden_files(string format, string extension)
    {
        using var repo = new TempRepo();
        foreach (var f in Directory.GetFiles(TestPaths.Fixture("bibliography")))
        {
            File.Copy(f, repo.Full(Path.GetFileName(f)));
        }
        BibliographyImporter.Import(repo.Root, [repo.Full("library.bib"), repo.Full("references.ris"), repo.Full("items.json")], dryRun: false);
        var result = CliRunner.Run(repo.Root, "export", "--format", format);
        Assert.Equal(0, result.ExitCode);
        Golden.Verify($"export.{extension}", result.Out);
    }

    [Fact]
    public void The_seed_sources_export_in_id_order()
    {
        var result = CliRunner.Run(TestPaths.RepoRoot, "export", "--format", "ris");
        var ids = result.Out.Split("\r\n").Where(l => l.StartsWith("ID  - ", StringComparison.Ordinal)).Select(l => l[6..]).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(7, ids.Count);
    }

    [Fact]
    public void Output_writes_the_file_and_a_summary_to_stderr()
    {
        using var repo = new TempRepo("clean");
        var result = CliRunner.Run(repo.Root, "export", "--format", "bibtex", "--output", repo.Full("out/refs.bib"));
        Assert.Equal((0, "", "2 sources exported as bibtex\n"), (result.ExitCode, result.Out, result.Error));
        Assert.StartsWith("@article{example-times-2024-03-02,\n  entrysubtype = {newspaper},", repo.Read("out/refs.bib"));
    }

    [Fact]
    public void A_missing_or_unknown_format_is_a_usage_error()
    {
        Assert.Equal(2, CliRunner.Run(TestPaths.Fixture("clean"), "export").ExitCode);
        Assert.Equal(2, CliRunner.Run(TestPaths.Fixture("clean"), "export", "--format", "endnote").ExitCode);
    }

    private static IReadOnlyList<Source> Load(string root) =>
        RepositoryLoader.Load(root).Sources.OrderBy(s => s.Id, StringComparer.Ordinal).ToList();

    private static object Fields(Source s) => new
    {
        s.Id, s.Type, s.Title, Authors = string.Join("|", s.Authors), s.Publisher, s.Date, s.Accessed, s.Url, s.Doi, s.Pmid, s.Lang,
        s.Volume, s.Issue, s.Pages,
    };

    [Theory]
    [InlineData("bibtex", "bib")]
    [InlineData("csl-json", "json")]
    [InlineData("ris", "ris")]
    public void A_round_trip_through_sources_keeps_every_field_the_contract_models(string format, string extension)
    {
        using var first = new TempRepo();
        File.Copy(Path.Combine(TestPaths.Fixture("bibliography"), "library.bib"), first.Full("library.bib"));
        File.Copy(Path.Combine(TestPaths.Fixture("bibliography"), "items.json"), first.Full("items.json"));
        File.Copy(Path.Combine(TestPaths.Fixture("bibliography"), "references.ris"), first.Full("references.ris"));
        BibliographyImporter.Import(first.Root, [first.Full("library.bib"), first.Full("items.json"), first.Full("references.ris")], dryRun: false);
        var exported = CliRunner.Run(first.Root, "export", "--format", format).Out;

        using var second = new TempRepo();
        second.Write("exported." + extension, exported);
        var again = BibliographyImporter.Import(second.Root, [second.Full("exported." + extension)], dryRun: false);
        Assert.DoesNotContain(again.Findings, f => f.Severity != Severity.Note);
        Assert.Equal(Load(first.Root).Select(Fields), Load(second.Root).Select(Fields));
        Assert.Equal(exported, CliRunner.Run(second.Root, "export", "--format", format).Out);
    }

    [Fact]
    public void Csl_json_carries_the_fields_of_evidence_tracker_itself()
    {
        using var repo = new TempRepo();
        repo.Write("sources/a.yaml", "id: a\ntype: news\ntitle: T\nlevel: secondary\nreports-on: [b]\nsnapshot: snapshots/a.txt\narchived: 2025-06-25\n");
        repo.Write("sources/b.yaml", "id: b\ntype: journal-article\ntitle: U\nlevel: primary\n");
        var exported = CliRunner.Run(repo.Root, "export", "--format", "csl-json").Out;
        using var second = new TempRepo();
        second.Write("x.json", exported);
        BibliographyImporter.Import(second.Root, [second.Full("x.json")], dryRun: false);
        Assert.Equal(repo.Read("sources/a.yaml").Replace("reports-on: [b]", "reports-on:\n  - b", StringComparison.Ordinal) + "keys:\n  - \"a\"\n", second.Read("sources/a.yaml"));
    }

    public static TheoryData<string, string> VerbatimValues => new()
    {
        { "10.1000/abc~def", "12{a}" },
        { "10.1000/a--b", "1-2}" },
        { "10.1000/a''b", "100%" },
        { "10.1000/a$b$c", "S1:2-3" },
        { "10.1000/a_b", "3033-3043" },
        { "10.1000/{x}y", "e1234" },
        { "10.1000/a%b&c", "1-2, 5-7" },
    };

    /// <summary>The source of one DOI and page range, exported as BibTeX.</summary>
    private static string ExportOne(TempRepo repo, string doi, string pages)
    {
        repo.Write("sources/s.yaml", $"id: s\ntype: journal-article\ntitle: A study\ndoi: \"{doi}\"\npages: \"{pages}\"\n");
        Assert.False(EvidenceTracker.App.EvidenceQueries.Check(repo.Root).HasErrors);
        return CliRunner.Run(repo.Root, "export", "--format", "bibtex").Out;
    }

    [Theory]
    [MemberData(nameof(VerbatimValues))]
    public void A_doi_and_pages_come_back_unchanged_through_bibtex(string doi, string pages)
    {
        using var repo = new TempRepo();
        var exported = ExportOne(repo, doi, pages);
        using var second = new TempRepo();
        second.Write("back.bib", exported);
        var again = BibliographyImporter.Import(second.Root, [second.Full("back.bib")], dryRun: false);
        Assert.DoesNotContain(again.Findings, f => f.Severity != Severity.Note);
        var source = Assert.Single(Load(second.Root));
        Assert.Equal((doi, pages), (source.Doi, source.Pages));
    }

    [Theory]
    [MemberData(nameof(VerbatimValues))]
    public void Pandoc_reads_the_exported_doi_and_pages_as_the_source_has_them(string doi, string pages)
    {
        Assert.SkipWhen(PandocPath() is null, "pandoc is not installed (apt-get install pandoc)");
        using var repo = new TempRepo();
        repo.Write("refs.bib", ExportOne(repo, doi, pages));
        var start = new System.Diagnostics.ProcessStartInfo(PandocPath()!, ["-f", "bibtex", "-t", "csljson", repo.Full("refs.bib")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var json = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        using var items = System.Text.Json.JsonDocument.Parse(json);
        var item = Assert.Single(items.RootElement.EnumerateArray().ToList());
        Assert.Equal(doi, item.GetProperty("DOI").GetString());
        // pandoc writes a range's dash as an en dash, as CSL does
        Assert.Equal(pages, item.GetProperty("page").GetString()!.Replace('\u2013', '-'));
    }

    private static string? PandocPath() => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(d => Path.Combine(d, "pandoc")).FirstOrDefault(File.Exists);

    [Fact]
    public void Bibtex_escapes_read_back_as_the_same_text()
    {
        var text = @"50% of A & B_C {x} ~ ^ \ $5 # -- '' — –";
        Assert.Equal(text, Latex.Decode(BibliographyExporter.EscapeBib(text)));
    }
}
