using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EvidenceTracker.Cli;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Verification;

/// <summary><c>evidence snapshot SOURCE FILE</c>, run in-process with a fixed date.</summary>
public class SnapshotCommandTests
{
    private const string SourceText =
        "# The Riverside report, as cited by the article.\n" +
        "id: riverside-report\n" +
        "type: report   # an annual report\n" +
        "title: Annual Report on Household Leak Repairs\n" +
        "level: primary\n" +
        "\n" +
        "# Remember to archive the PDF's text too.\n";

    private const string PageText =
        "<html><body><nav>Home | News</nav>\r\n<article><p>Inspectors found leaking pipes in 43.2% of the homes they visited.</p></article></body></html>\r\n";

    private static TempRepo NewRepo()
    {
        var repo = new TempRepo();
        repo.Write("sources/riverside-report.yaml", SourceText);
        repo.Write("claims/leaks.yaml",
            "id: leaks\nstatement: Leaks were found in 43% of homes.\ncitations:\n  - source: riverside-report\n    quote: Inspectors found leaking pipes in 43.2% of the homes they visited.\n");
        return repo;
    }

    private static CliResult Run(TempRepo repo, params string[] args) =>
        CliRunner.Run(CliEnvironment.Plain(repo.Root) with { Today = () => new DateOnly(2025, 6, 26) },
            ["--root", repo.Root, .. args]);

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The name the tool gives a snapshot: the source id, 12 hex digits of the content's SHA-256, the extension.</summary>
    private static string Named(string id, string text, string extension) => $"{id}.{Sha(Encoding.UTF8.GetBytes(text))[..12]}.{extension}";

    [Theory]
    [InlineData("gbk", "<meta charset=\"gbk\">", "模型的敏感性达到92.9%。")]
    [InlineData("gb18030", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">", "模型的敏感性达到92.9%。")]
    [InlineData("big5", "<meta charset=\"big5\">", "研究報告的敏感性92.9%。")]
    public void A_saved_page_in_the_legacy_charset_it_declares_is_archived_as_utf8(string encoding, string meta, string sentence)
    {
        using var repo = NewRepo();
        var html = $"<html><head>{meta}<title>標題</title></head><body><p>{sentence}</p></body></html>";
        repo.WriteBytes("downloads/page.html", System.Text.CodePagesEncodingProvider.Instance.GetEncoding(encoding)!.GetBytes(html));
        var result = Run(repo, "snapshot", "riverside-report", "downloads/page.html");
        Assert.True(result.ExitCode == 0, result.Error);
        var stored = Directory.GetFiles(repo.Full("sources/snapshots"), "riverside-report.*.html").Single();
        var text = File.ReadAllText(stored);
        Assert.Contains(sentence, text, StringComparison.Ordinal);
        Assert.Contains("utf-8", text, StringComparison.Ordinal);
        Assert.DoesNotContain("charset=gb2312", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_saved_page_with_bytes_invalid_in_its_declared_charset_is_refused_in_one_line()
    {
        using var repo = NewRepo();
        repo.WriteBytes("downloads/page.html", [.. "<html><head><meta charset=\"gbk\"></head><body><p>abc"u8, 0x81, 0x20, .. "</p></body></html>"u8]);
        var result = Run(repo, "snapshot", "riverside-report", "downloads/page.html");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("is not valid gbk", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Snapshot_copies_the_file_byte_for_byte_and_records_the_three_fields_keeping_every_other_byte()
    {
        using var repo = NewRepo();
        var page = Encoding.UTF8.GetBytes(PageText);
        repo.WriteBytes("downloads/page.HTM", page);
        var result = Run(repo, "snapshot", "riverside-report", "downloads/page.HTM");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        var name = Named("riverside-report", PageText, "html");
        Assert.Equal(page, File.ReadAllBytes(repo.Full($"sources/snapshots/{name}")));
        Assert.Equal(SourceText.Replace("level: primary\n", "level: primary\n" +
            $"snapshot: snapshots/{name}\n" +
            $"snapshot-sha256: {Sha(page)}\n" +
            "archived: 2025-06-26\n"), repo.Read("sources/riverside-report.yaml"));
        Assert.Equal(
            $"archived sources/snapshots/{name} for riverside-report ({page.Length} bytes, sha256 {Sha(page)[..12]}…)\n" +
            $"sources/riverside-report.yaml: snapshot: snapshots/{name}, archived: 2025-06-26\n", result.Out);
    }

    [Fact]
    public void The_archived_snapshot_verifies_the_quote_in_check()
    {
        using var repo = NewRepo();
        repo.Write("downloads/page.html", PageText);
        Assert.Contains("note missing-snapshot", CliRunner.Run(repo.Root, "check").Out);
        Assert.Equal(0, Run(repo, "snapshot", "riverside-report", "downloads/page.html").ExitCode);
        var check = CliRunner.Run(repo.Root, "check");
        Assert.Equal(0, check.ExitCode);
        Assert.Equal("0 errors, 0 warnings, 0 notes in 1 claim, 1 source, 0 articles (support: 1 verified)\n", check.Out);
    }

    [Fact]
    public void Editing_the_snapshot_afterwards_is_detected_by_check()
    {
        using var repo = NewRepo();
        repo.Write("notes/abstract.txt", "Inspectors found leaking pipes in 43.2% of the homes they visited.\n");
        Assert.Equal(0, Run(repo, "snapshot", "riverside-report", "notes/abstract.txt").ExitCode);
        var name = Named("riverside-report", "Inspectors found leaking pipes in 43.2% of the homes they visited.\n", "txt");
        File.WriteAllText(repo.Full($"sources/snapshots/{name}"), "Inspectors found leaking pipes in 48.2% of the homes they visited.\n");
        var check = CliRunner.Run(repo.Root, "check");
        Assert.Equal(1, check.ExitCode);
        Assert.Contains($"sources/riverside-report.yaml:7:18: error schema: snapshot sources/snapshots/{name} changed since it was archived", check.Out);
        Assert.Contains("claims/leaks.yaml:5:12: error quote-not-found:", check.Out);
    }

    [Fact]
    public void Running_it_again_replaces_the_values_in_place_removes_the_previous_snapshot_and_reports_an_unchanged_one()
    {
        using var repo = NewRepo();
        repo.Write("notes/a.md", "# Report\n\nFirst version.\n");
        Assert.Equal(0, Run(repo, "snapshot", "riverside-report", "notes/a.md").ExitCode);
        var first = repo.Read("sources/riverside-report.yaml");
        var again = Run(repo, "snapshot", "riverside-report", "notes/a.md");
        Assert.Equal(0, again.ExitCode);
        Assert.EndsWith("nothing changed\n", again.Out);
        Assert.Equal(first, repo.Read("sources/riverside-report.yaml"));

        repo.Write("notes/a.md", "# Report\n\nSecond version.\n");
        var third = Run(repo, "snapshot", "riverside-report", "notes/a.md");
        Assert.Equal(0, third.ExitCode);
        var second = repo.Read("sources/riverside-report.yaml");
        Assert.Equal(first.Split('\n').Length, second.Split('\n').Length);
        Assert.Contains($"snapshot-sha256: {Sha(File.ReadAllBytes(repo.Full("notes/a.md")))}\n", second);
        var name = Named("riverside-report", "# Report\n\nSecond version.\n", "md");
        Assert.Equal("# Report\n\nSecond version.\n", repo.Read($"sources/snapshots/{name}"));
        Assert.EndsWith($"removed the previous snapshot sources/snapshots/{Named("riverside-report", "# Report\n\nFirst version.\n", "md")}\n", third.Out);
        Assert.Equal([name], Directory.GetFiles(repo.Full("sources/snapshots")).Select(Path.GetFileName));
    }

    [Fact]
    public void A_file_already_at_its_snapshot_path_is_recorded_without_copying()
    {
        using var repo = NewRepo();
        repo.Write("sources/snapshots/riverside-report.txt", "Inspectors found leaking pipes in 43.2% of the homes they visited.\n");
        var result = Run(repo, "snapshot", "riverside-report", "sources/snapshots/riverside-report.txt");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("snapshot: snapshots/riverside-report.txt\n", repo.Read("sources/riverside-report.yaml"));
        Assert.Equal(0, CliRunner.Run(repo.Root, "check").ExitCode);
    }

    [Theory]
    [InlineData("page.html", "html")]
    [InlineData("page.xhtml", "html")]
    [InlineData("notes.md", "md")]
    [InlineData("abstract.txt", "txt")]
    [InlineData("abstract", "txt")]
    [InlineData("data.csv", "txt")]
    public void The_snapshot_extension_follows_the_kind_of_file(string name, string extension)
    {
        using var repo = NewRepo();
        repo.Write($"in/{name}", "<p>Some text.</p>\n");
        Assert.Equal(0, Run(repo, "snapshot", "riverside-report", $"in/{name}").ExitCode);
        Assert.True(File.Exists(repo.Full($"sources/snapshots/{Named("riverside-report", "<p>Some text.</p>\n", extension)}")));
    }

    [Fact]
    public void A_file_outside_the_repository_is_copied_in_and_the_original_only_read()
    {
        using var repo = NewRepo();
        using var outside = new TempRepo();
        var file = outside.Write("page.html", PageText);
        var before = File.GetLastWriteTimeUtc(file);
        var result = Run(repo, "snapshot", "riverside-report", file);
        Assert.Equal(0, result.ExitCode);
        var name = Named("riverside-report", PageText, "html");
        Assert.Equal(PageText, repo.Read($"sources/snapshots/{name}"));
        Assert.Contains($"snapshot: snapshots/{name}", repo.Read("sources/riverside-report.yaml"), StringComparison.Ordinal);
        Assert.Equal(PageText, File.ReadAllText(file));
        Assert.Equal(before, File.GetLastWriteTimeUtc(file));
    }

    [Fact]
    public void A_relative_path_that_climbs_out_of_the_repository_is_read_and_copied_in()
    {
        using var repo = NewRepo();
        var name = Path.GetFileName(repo.Root) + "-outside.txt";
        var file = Path.Combine(Path.GetDirectoryName(repo.Root)!, name);
        File.WriteAllText(file, "text\n");
        try
        {
            var result = Run(repo, "snapshot", "riverside-report", $"claims/../../{name}");
            Assert.Equal(0, result.ExitCode);
            Assert.True(File.Exists(repo.Full($"sources/snapshots/{Named("riverside-report", "text\n", "txt")}")));
            Assert.True(File.Exists(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_symbolic_link_inside_the_repository_that_leads_outside_is_read_and_its_target_copied_in()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        using var repo = NewRepo();
        using var outside = new TempRepo();
        var file = outside.Write("page.html", PageText);
        Directory.CreateDirectory(repo.Full("sources/snapshots"));
        File.CreateSymbolicLink(repo.Full("sources/snapshots/linked.html"), file);
        Assert.Equal(0, Run(repo, "snapshot", "riverside-report", "sources/snapshots/linked.html").ExitCode);
        var name = Named("riverside-report", PageText, "html");
        Assert.Contains($"snapshot: snapshots/{name}", repo.Read("sources/riverside-report.yaml"), StringComparison.Ordinal);
        Assert.Null(new FileInfo(repo.Full($"sources/snapshots/{name}")).LinkTarget);
        Assert.Equal(PageText, File.ReadAllText(file));
    }

    [Fact]
    public void A_pdf_is_archived_byte_for_byte_and_its_quotes_are_checked_against_its_text_naming_the_page()
    {
        using var repo = NewRepo();
        using var outside = new TempRepo();
        var pdf = TestPdf.Pages(
            ["Summary of the survey."],
            ["Inspectors found leaking pipes in 43.2% of the", "homes they visited."],
            ["Repairs start in April."]);
        var file = Path.Combine(outside.Root, "report.pdf");
        File.WriteAllBytes(file, pdf);
        var result = Run(repo, "snapshot", "riverside-report", file);
        Assert.Equal(0, result.ExitCode);
        var name = $"riverside-report.{Sha(pdf)[..12]}.pdf";
        Assert.Equal(pdf, File.ReadAllBytes(repo.Full($"sources/snapshots/{name}")));
        Assert.Contains($"snapshot-sha256: {Sha(pdf)}", repo.Read("sources/riverside-report.yaml"), StringComparison.Ordinal);
        var check = Run(repo, "check", "--format", "json");
        Assert.DoesNotContain("quote-not-found", check.Out, StringComparison.Ordinal);
        Assert.Contains("\"support\": \"verified\"", check.Out, StringComparison.Ordinal);

        repo.Write("claims/leaks.yaml",
            "id: leaks\nstatement: Leaks were found in 43% of homes.\ncitations:\n  - source: riverside-report\n    quote: Inspectors found leaking pipes in 44.2% of the homes they visited.\n");
        var wrong = Run(repo, "check");
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains($"quote not found in the text of sources/snapshots/{name}; closest passage (", wrong.Out, StringComparison.Ordinal);
        Assert.Contains("on page 2: \"Inspectors found leaking pipes in 43.2% of the homes they visited.\"", wrong.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pdf_without_a_text_layer_is_refused_as_needing_ocr_and_nothing_is_written()
    {
        using var repo = NewRepo();
        repo.WriteBytes("scan.pdf", TestPdf.WithoutText());
        var result = Run(repo, "snapshot", "riverside-report", "scan.pdf");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.StartsWith("error: 'scan.pdf' cannot be archived: the PDF has no text layer", result.Error, StringComparison.Ordinal);
        Assert.Contains("needs OCR", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Equal(SourceText, repo.Read("sources/riverside-report.yaml"));
        Assert.False(Directory.Exists(repo.Full("sources/snapshots")));
    }

    [Fact]
    public void A_pdf_decompression_bomb_is_refused_in_one_line_and_nothing_is_written()
    {
        using var repo = NewRepo();
        repo.WriteBytes("bomb.pdf", TestPdf.Raw("BT /F1 12 Tf 72 712 Td (" + new string('A', 5_000_000) + ") Tj ET", compress: true));
        var result = Run(repo, "snapshot", "riverside-report", "bomb.pdf");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: 'bomb.pdf' cannot be archived: the PDF's compressed streams decode to more than ", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Equal(SourceText, repo.Read("sources/riverside-report.yaml"));
        Assert.False(Directory.Exists(repo.Full("sources/snapshots")));
    }

    [Fact]
    public void A_snapshots_folder_that_links_outside_the_repository_is_not_written_to()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        using var repo = NewRepo();
        using var outside = new TempRepo();
        Directory.CreateSymbolicLink(repo.Full("sources/snapshots"), outside.Root);
        repo.Write("page.html", PageText);
        var result = Run(repo, "snapshot", "riverside-report", "page.html");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("leads outside the repository", result.Error);
        Assert.False(File.Exists(Path.Combine(outside.Root, "riverside-report.html")));
    }

    [Fact]
    public void An_unknown_source_is_refused_with_did_you_mean()
    {
        using var repo = NewRepo();
        repo.Write("page.html", PageText);
        var result = Run(repo, "snapshot", "riverside-reprot", "page.html");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: no source has the id 'riverside-reprot'; did you mean 'riverside-report'?\n", result.Error);
    }

    [Fact]
    public void A_source_whose_file_name_differs_from_its_id_is_found_by_its_id()
    {
        using var repo = NewRepo();
        repo.Write("sources/other-file.yaml", "id: other-id\ntype: report\ntitle: Other\n");
        repo.Write("page.txt", "Text.\n");
        Assert.Equal(0, Run(repo, "snapshot", "other-id", "page.txt").ExitCode);
        Assert.Contains($"snapshot: snapshots/{Named("other-id", "Text.\n", "txt")}\n", repo.Read("sources/other-file.yaml"));
    }

    [Theory]
    [InlineData("missing.html", 2, "error: 'missing.html' does not exist\n")]
    [InlineData("claims", 2, "is a folder")]
    public void A_missing_file_or_a_folder_is_a_usage_error(string file, int code, string message)
    {
        using var repo = NewRepo();
        var result = Run(repo, "snapshot", "riverside-report", file);
        Assert.Equal(code, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public void A_file_that_is_not_utf8_or_is_empty_is_refused()
    {
        using var repo = NewRepo();
        repo.WriteBytes("latin1.txt", [0x63, 0x61, 0x66, 0xE9, 0x0A]);
        repo.WriteBytes("empty.txt", []);
        repo.Write("blank.html", "<html><body><nav>Menu</nav><script>x()</script></body></html>");
        var latin1 = Run(repo, "snapshot", "riverside-report", "latin1.txt");
        Assert.Equal(1, latin1.ExitCode);
        Assert.Contains("not valid UTF-8", latin1.Error);
        Assert.Equal(1, Run(repo, "snapshot", "riverside-report", "empty.txt").ExitCode);
        Assert.Contains("no readable text", Run(repo, "snapshot", "riverside-report", "blank.html").Error);
        Assert.Equal(SourceText, repo.Read("sources/riverside-report.yaml"));
    }

    [Fact]
    public void A_source_file_with_a_bom_and_crlf_keeps_them()
    {
        using var repo = NewRepo();
        var crlf = Encoding.UTF8.GetBytes("id: riverside-report\r\ntype: report\r\ntitle: T\r\n");
        repo.WriteBytes("sources/riverside-report.yaml", [0xEF, 0xBB, 0xBF, .. crlf]);
        repo.Write("a.txt", "Text.\n");
        Assert.Equal(0, Run(repo, "snapshot", "riverside-report", "a.txt").ExitCode);
        var bytes = File.ReadAllBytes(repo.Full("sources/riverside-report.yaml"));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.EndsWith($"title: T\r\nsnapshot: snapshots/{Named("riverside-report", "Text.\n", "txt")}\r\nsnapshot-sha256: " + Sha(Encoding.UTF8.GetBytes("Text.\n")) + "\r\narchived: 2025-06-26\r\n",
            Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }

    [Fact]
    public void A_broken_source_file_is_refused_rather_than_edited()
    {
        using var repo = NewRepo();
        repo.Write("sources/riverside-report.yaml", "id: riverside-report\ntitle: \"unclosed\n");
        repo.Write("a.txt", "Text.\n");
        var result = Run(repo, "snapshot", "riverside-report", "a.txt");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: sources/riverside-report.yaml cannot be read (", result.Error);
        Assert.False(File.Exists(repo.Full("sources/snapshots/riverside-report.txt")));
    }

    [Fact]
    public void Json_output_names_the_snapshot_and_what_was_recorded()
    {
        using var repo = NewRepo();
        repo.Write("a.txt", "Text.\n");
        var result = Run(repo, "snapshot", "riverside-report", "a.txt", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        var root = doc.RootElement;
        Assert.Equal("riverside-report", root.GetProperty("source").GetString());
        Assert.Equal("sources/riverside-report.yaml", root.GetProperty("file").GetString());
        Assert.Equal($"snapshots/{Named("riverside-report", "Text.\n", "txt")}", root.GetProperty("snapshot").GetString());
        Assert.Equal($"sources/snapshots/{Named("riverside-report", "Text.\n", "txt")}", root.GetProperty("snapshot-file").GetString());
        Assert.Equal(Sha(Encoding.UTF8.GetBytes("Text.\n")), root.GetProperty("snapshot-sha256").GetString());
        Assert.Equal("2025-06-26", root.GetProperty("archived").GetString());
        Assert.Equal(6, root.GetProperty("bytes").GetInt32());
        Assert.True(root.GetProperty("changed").GetBoolean());
    }

    [Fact]
    public void Not_an_evidence_repository_is_exit_2()
    {
        using var dir = new TempRepo();
        Directory.Delete(dir.Full("claims"));
        Directory.Delete(dir.Full("sources"));
        Directory.Delete(dir.Full("articles"));
        var result = Run(dir, "snapshot", "x", "a.txt");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not an evidence repository", result.Error);
    }

    [Fact]
    public void Archiving_a_different_kind_of_file_removes_the_previous_snapshot_the_tool_wrote()
    {
        using var repo = NewRepo();
        repo.Write("a.html", PageText);
        repo.Write("a.txt", "Inspectors found leaking pipes in 43.2% of the homes they visited.\n");
        Assert.Equal(0, Run(repo, "snapshot", "riverside-report", "a.html").ExitCode);
        var second = Run(repo, "snapshot", "riverside-report", "a.txt");
        Assert.Equal(0, second.ExitCode);
        var html = Named("riverside-report", PageText, "html");
        var txt = Named("riverside-report", "Inspectors found leaking pipes in 43.2% of the homes they visited.\n", "txt");
        Assert.EndsWith($"removed the previous snapshot sources/snapshots/{html}\n", second.Out);
        Assert.Equal([txt], Directory.GetFiles(repo.Full("sources/snapshots")).Select(Path.GetFileName));
        Assert.Contains($"snapshot: snapshots/{txt}\n", repo.Read("sources/riverside-report.yaml"));
        var json = Run(repo, "snapshot", "riverside-report", "a.txt", "--format", "json");
        using var doc = JsonDocument.Parse(json.Out);
        Assert.False(doc.RootElement.GetProperty("changed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("previous").ValueKind);
        Assert.False(doc.RootElement.GetProperty("previous-removed").GetBoolean());
        Assert.Equal(0, doc.RootElement.GetProperty("strays-removed").GetArrayLength());
    }

    [Fact]
    public void A_previous_snapshot_the_user_put_in_place_is_kept_and_named()
    {
        using var repo = NewRepo();
        repo.Write("sources/snapshots/riverside-report.txt", "Inspectors found leaking pipes in 43.2% of the homes they visited.\n");
        Assert.Equal(0, Run(repo, "snapshot", "riverside-report", "sources/snapshots/riverside-report.txt").ExitCode);
        repo.Write("a.html", PageText);
        var second = Run(repo, "snapshot", "riverside-report", "a.html");
        Assert.Equal(0, second.ExitCode);
        Assert.EndsWith("note: the previous snapshot sources/snapshots/riverside-report.txt is no longer referenced; delete it if it is not needed\n", second.Out);
        Assert.True(File.Exists(repo.Full("sources/snapshots/riverside-report.txt")));
        Assert.Contains("note stray-snapshot: no source refers to sources/snapshots/riverside-report.txt; record it with",
            CliRunner.Run(repo.Root, "check").Out);
    }
}
