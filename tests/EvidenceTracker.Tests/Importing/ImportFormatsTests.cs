using System.Text.Json;
using EvidenceTracker.Importing;
using EvidenceTracker.Loading;
using EvidenceTracker.Model;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Importing;

/// <summary>One table of extensions drives <c>evidence import</c>: every extension in it imports, by one command.</summary>
public class ImportFormatsTests
{
    private const string Article = "# Heat\n\nHeat pumps heat 15% of homes.[^1]\n\n[^1]: Example Agency, \"Heat pump statistics\", 2024-01-15, https://example.org/stats\n";

    /// <summary>A small input of each format, with one entry or one cited footnote that becomes a source.</summary>
    private static string Content(ImportFormat format) => format.Bibliography switch
    {
        null => Article,
        BibliographyFormat.BibTex => "@article{alpha2020, title = {Alpha}, year = 2020}\n",
        BibliographyFormat.Ris => "TY  - JOUR\nTI  - Alpha\nPY  - 2020\nER  - \n",
        _ => """[{"id": "alpha2020", "type": "article-journal", "title": "Alpha", "issued": {"date-parts": [[2020]]}}]""",
    };

    public static TheoryData<string> Extensions() => [.. ImportFormats.Table.Select(t => t.Extension)];

    [Theory]
    [MemberData(nameof(Extensions))]
    public void Every_extension_in_the_table_imports(string extension)
    {
        var format = ImportFormats.Of("x" + extension)!.Value;
        using var repo = new TempRepo();
        repo.Write("in" + extension, Content(format));
        var result = CliRunner.Run(repo.Root, "import", "in" + extension);
        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        var set = RepositoryLoader.Load(repo.Root);
        Assert.Single(set.Sources);
        Assert.Empty(set.LoadFindings);
        if (format.IsArticle)
        {
            // kept with its extension, as the table spells it (.md, .markdown, .qmd, .Rmd)
            Assert.True(File.Exists(repo.Full("articles/in" + extension)));
            Assert.Single(set.Claims);
        }
    }

    [Theory]
    [InlineData("refs.bibtex")]
    [InlineData("refs.biblatex")]
    [InlineData("refs.BIB")]
    public void A_bibtex_or_biblatex_file_imports_its_entries_as_sources(string name)
    {
        using var repo = new TempRepo();
        repo.Write(name, "@article{a, title = {Alpha}, year = 2020}\n");
        var result = CliRunner.Run(repo.Root, "import", name);
        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.Equal($"create  sources/a.yaml  from {name}:1:1 @article{{a}}\n1 entry: 1 created, 0 merged, 0 skipped; 0 errors, 0 warnings, 0 notes\n", result.Out);
        Assert.Equal("id: a\ntype: journal-article\ntitle: Alpha\ndate: 2020\nkeys:\n  - \"a\"\n", repo.Read("sources/a.yaml"));
    }

    [Fact]
    public void A_csljson_file_imports_its_items_as_sources()
    {
        using var repo = new TempRepo();
        repo.Write("zotero.csljson", Content(BibliographyFormat.CslJson));
        var result = CliRunner.Run(repo.Root, "import", "zotero.csljson");
        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.StartsWith("create  sources/alpha2020.yaml  from zotero.csljson:1:2 item 1 (alpha2020)\n", result.Out);
        Assert.Contains("title: Alpha\n", repo.Read("sources/alpha2020.yaml"));
    }

    [Fact]
    public void A_file_of_another_extension_is_a_usage_error_that_lists_the_table()
    {
        using var repo = new TempRepo();
        repo.Write("refs.csl", Content(BibliographyFormat.CslJson));
        var result = CliRunner.Run(repo.Root, "import", "refs.csl");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            "error: refs.csl: not a Markdown article (.md, .markdown, .qmd, .Rmd) or a bibliography (.bib, .bibtex, .biblatex, .ris, .json, .csljson, .yaml, .yml)\nnothing was imported\n",
            result.Error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(repo.Full("sources")));
    }

    [Fact]
    public void An_article_and_a_bibliography_in_one_import_give_one_json_report()
    {
        using var repo = new TempRepo();
        repo.Write("a.md", Article);
        repo.Write("refs.bib", Content(BibliographyFormat.BibTex));
        var result = CliRunner.Run(repo.Root, "import", "a.md", "refs.bib", "--format", "json");
        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        using var json = JsonDocument.Parse(result.Out);
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("articles").GetProperty("create").GetInt32());
        Assert.Equal(1, summary.GetProperty("sources").GetProperty("create").GetInt32());
        Assert.Equal(1, summary.GetProperty("entries").GetInt32());
        Assert.Equal(1, summary.GetProperty("created").GetInt32());
        Assert.Equal("alpha2020", Assert.Single(json.RootElement.GetProperty("created").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(2, RepositoryLoader.Load(repo.Root).Sources.Count);
    }

    [Fact]
    public void An_id_with_a_bibliography_is_a_usage_error_and_nothing_is_written()
    {
        using var repo = new TempRepo();
        repo.Write("a.md", Article);
        repo.Write("refs.bib", Content(BibliographyFormat.BibTex));
        var result = CliRunner.Run(repo.Root, "import", "a.md", "refs.bib", "--id", "heat");
        Assert.Equal((2, "error: --id names an article; it does not apply to bibliographies\nnothing was imported\n"), (result.ExitCode, result.Error));
        Assert.Empty(Directory.EnumerateFileSystemEntries(repo.Full("sources")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(repo.Full("articles")));
    }

    [Fact]
    public void A_folder_contributes_the_articles_of_the_table()
    {
        using var repo = new TempRepo();
        repo.Write("posts/one.md", Article);
        repo.Write("posts/two.markdown", Article.Replace("15%", "16%", StringComparison.Ordinal));
        repo.Write("posts/refs.bib", Content(BibliographyFormat.BibTex));
        var result = CliRunner.Run(repo.Root, "import", "posts");
        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.True(File.Exists(repo.Full("articles/one.md")));
        Assert.True(File.Exists(repo.Full("articles/two.markdown")));
        Assert.DoesNotContain("refs.bib", result.Out, StringComparison.Ordinal);
    }
}
