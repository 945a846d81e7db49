using EvidenceTracker.Quotes;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Quotes;

public class PdfTextTests
{
    [Fact]
    public void The_text_of_each_page_is_read_and_pages_are_separated_by_form_feeds()
    {
        var result = PdfText.Extract(TestPdf.Pages(["First page says hello."], ["Second page says goodbye."]));
        Assert.Null(result.Problem);
        Assert.Equal(2, result.Pages);
        Assert.Equal("First page says hello.\fSecond page says goodbye.", result.Text);
        Assert.Equal(2, PdfText.PageOf(result.Text!, result.Text!.IndexOf("goodbye", StringComparison.Ordinal)));
        Assert.Equal(1, PdfText.PageOf(result.Text!, 3));
    }

    [Fact]
    public void A_word_broken_by_a_hyphen_at_the_end_of_a_line_is_joined_but_a_real_hyphen_before_a_capital_stays()
    {
        var result = PdfText.Extract(TestPdf.Pages(["The inspectors found leak-", "ing pipes in most homes of the Anglo-", "Saxon district."]));
        Assert.Equal("The inspectors found leaking pipes in most homes of the Anglo-\nSaxon district.", result.Text);
    }

    [Fact]
    public void Ligatures_are_folded_into_their_letters()
    {
        Assert.Equal("the first official flow of a fjord, offset", PdfText.Clean("the \uFB01rst o\uFB03cial \uFB02ow of a fjord, o\uFB00set"));
    }

    [Fact]
    public void Running_heads_and_page_numbers_repeated_on_every_page_are_dropped_and_the_body_kept()
    {
        var result = PdfText.Extract(TestPdf.Report(4, linesPerPage: 3));
        Assert.Null(result.Problem);
        Assert.DoesNotContain("Annual Report on Household Leak Repairs", result.Text!, StringComparison.Ordinal);
        var pages = result.Text!.Split(PdfText.PageBreak);
        Assert.Equal(4, pages.Length);
        Assert.Equal("In Cedar, page 3 line 1: inspectors visited 200 homes and recorded their pipes.\n" +
                     "On the west side of Dogwood, 4 leaks were found in line 2.\n" +
                     "In Elm, page 3 line 3: inspectors visited 202 homes and recorded their pipes.", pages[2]);
    }

    [Fact]
    public void A_line_on_only_some_pages_is_kept()
    {
        var result = PdfText.Extract(TestPdf.Pages(["Draft", "Body one."], ["Body two."], ["Body three."]));
        Assert.StartsWith("Draft\nBody one.", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pdf_without_a_text_layer_says_it_needs_ocr()
    {
        var result = PdfText.Extract(TestPdf.WithoutText());
        Assert.Null(result.Text);
        Assert.Contains("no text layer", result.Problem, StringComparison.Ordinal);
        Assert.Contains("needs OCR", result.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>not a pdf</html>")]
    [InlineData("%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage")]
    public void Broken_or_foreign_bytes_give_a_one_line_problem_and_no_exception(string content)
    {
        var result = PdfText.Extract(System.Text.Encoding.UTF8.GetBytes(content));
        Assert.Null(result.Text);
        Assert.False(string.IsNullOrEmpty(result.Problem));
        Assert.DoesNotContain('\n', result.Problem!);
    }

    [Fact]
    public void A_truncated_pdf_gives_a_problem_not_an_exception()
    {
        var bytes = TestPdf.Pages(["Some text on a page."]);
        var result = PdfText.Extract(bytes[..(bytes.Length / 2)]);
        Assert.True(result.Text is null || result.Text.Contains("Some text", StringComparison.Ordinal));
        Assert.True(result.Text is not null || result.Problem is not null);
    }

    [Fact]
    public void A_compressed_page_of_ordinary_text_is_read()
    {
        var lines = string.Concat(Enumerable.Range(1, 400).Select(i => $"({i} homes were visited in district {i % 7} and {i % 5} leaks found) ' "));
        var result = PdfText.Extract(TestPdf.Raw($"BT /F1 10 Tf 14 TL 72 712 Td {lines} ET", compress: true));
        Assert.Null(result.Problem);
        Assert.Contains("400 homes were visited in district 1 and 0 leaks found", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decompression_bomb_is_refused_before_it_is_inflated()
    {
        var bomb = TestPdf.Raw("BT /F1 12 Tf 72 712 Td (" + new string('A', 5_000_000) + ") Tj ET", compress: true);
        Assert.InRange(bomb.Length, 1, 16 * 1024);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = PdfText.Extract(bomb);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Null(result.Text);
        Assert.StartsWith("the PDF's compressed streams decode to more than ", result.Problem, StringComparison.Ordinal);
        Assert.Contains("a decompression bomb?", result.Problem, StringComparison.Ordinal);
        // Reading the 5 MB of text would allocate over 2 GB; the refusal inflates no more than the budget.
        Assert.InRange(allocated, 0, 32L << 20);
    }

    [Fact]
    public void A_small_file_that_repeats_one_page_a_hundred_thousand_times_is_refused()
    {
        var pdf = TestPdf.Raw("BT /F1 12 Tf 72 712 Td (31 cases) Tj ET", pageRefs: 100_000);
        var result = PdfText.Extract(pdf);
        Assert.Null(result.Text);
        Assert.Equal(100_000, result.Pages);
        Assert.StartsWith($"the PDF claims 100,000 pages in {(pdf.Length + 1023) / 1024:N0} KB, more than the ", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_lists_its_one_page_a_few_times_is_still_read()
    {
        var result = PdfText.Extract(TestPdf.Raw("BT /F1 12 Tf 72 712 Td (31 cases) Tj ET", pageRefs: 3));
        Assert.Null(result.Problem);
        Assert.Equal(3, result.Pages);
        // The same line on every page is taken for a running head and dropped.
        Assert.Equal("\f\f", result.Text);
    }

    [Fact]
    public void A_file_of_hundreds_of_damaged_cross_reference_sections_is_refused_before_it_is_read()
    {
        var pdf = TestPdf.Raw("BT /F1 12 Tf 72 712 Td (31 cases) Tj ET");
        var xref = System.Text.Encoding.Latin1.GetString(pdf).IndexOf("xref", StringComparison.Ordinal);
        var damaged = System.Text.Encoding.Latin1.GetBytes(System.Text.Encoding.Latin1.GetString(pdf[xref..]).Replace("0000000009", "0(((((000009", StringComparison.Ordinal));
        byte[] appended = [.. pdf[..xref], .. Enumerable.Repeat(damaged, 200).SelectMany(b => b)];
        var result = PdfText.Extract(appended);
        Assert.Null(result.Text);
        Assert.StartsWith("the PDF holds more than 256 cross-reference keywords", result.Problem, StringComparison.Ordinal);
        // a handful of sections, as incremental saves leave, is read
        Assert.Null(PdfText.Extract([.. pdf, .. pdf[xref..], .. pdf[xref..]]).Problem);
    }

    public static TheoryData<string> Pdfs =>
        new((string[])[.. Directory.EnumerateFiles(Path.Combine(TestPaths.Fixtures, "pdfs"), "*.pdf").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)]);

    [Theory]
    [MemberData(nameof(Pdfs))]
    public void Each_page_reads_as_pdfpigs_content_order_extractor_reads_it(string file)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(File.ReadAllBytes(Path.Combine(TestPaths.Fixtures, "pdfs", file)));
        foreach (var page in document.GetPages())
        {
            Assert.Equal(UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor.ContentOrderTextExtractor.GetText(page), ContentOrderText.GetText(page));
        }
    }

    [Fact]
    public void Generated_reports_and_spaced_text_read_as_pdfpigs_content_order_extractor_reads_them()
    {
        byte[][] pdfs =
        [
            TestPdf.Report(3, linesPerPage: 12),
            TestPdf.Pages(["Two  spaces and   three", "", "after a blank line"], ["   leading spaces", "tail   "]),
            TestPdf.Raw("BT /F1 11 Tf 72 720 Td [(Kerned) -250 (text) 120 (with) -300 (a) -2000 (gap)] TJ 0 -30 Td (  next \r\r\r line) Tj ET"),
            TestPdf.Raw("BT /F1 11 Tf 72 720 Td (a) Tj 0 -8 Td (b) Tj 0 -30 Td (   ) Tj (c) Tj 40 0 Td (d) Tj ET"),
        ];
        foreach (var pdf in pdfs)
        {
            using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
            foreach (var page in document.GetPages())
            {
                Assert.Equal(UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor.ContentOrderTextExtractor.GetText(page), ContentOrderText.GetText(page));
            }
        }
    }

    [Fact]
    public async Task A_string_of_ninety_thousand_carriage_returns_is_read_in_one_pass()
    {
        // PdfPig's extractor looked back over every white-space letter before each one: the fuzzed file took over 60 s.
        // Capped like the fuzz harness: a hang fails, time is not measured.
        var pdf = TestPdf.Raw("BT /F1 11 Tf 72 720 Td [(Kerned) -250 (" + new string('\r', 90_000) + "a \\(bracket\\))] TJ ET");
        var result = await Task.Run(() => PdfText.Extract(pdf), TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.Null(result.Problem);
        Assert.StartsWith("Kerned", result.Text, StringComparison.Ordinal);
    }
}
