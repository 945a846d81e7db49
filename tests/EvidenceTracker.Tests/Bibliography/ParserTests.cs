using System.Globalization;
using System.Text;
using EvidenceTracker.Bibliography;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Model;

namespace EvidenceTracker.Tests.Bibliography;

public class BibTexParserTests
{
    private static BibParseResult Parse(string text) => BibTexParser.Parse(text, "test.bib");

    private static BibEntry One(string text)
    {
        var result = Parse(text);
        return Assert.Single(result.Entries);
    }

    [Fact]
    public void String_macros_and_concatenation_are_expanded()
    {
        var e = One("@string{j = \"Nature\"}\n@string{m = j # \" Medicine\"}\n@article{a, title = {T}, journal = m # {, Volume}}");
        Assert.Equal("Nature Medicine, Volume", e.Publisher);
    }

    [Theory]
    [InlineData("month = feb", "2020-02")]
    [InlineData("month = {February}", "2020-02")]
    [InlineData("month = 2", "2020-02")]
    [InlineData("month = {2 sep}, day = 14", "2020-09-14")]
    [InlineData("month = feb, day = {14}", "2020-02-14")]
    public void Month_macros_names_and_numbers_give_the_month(string fields, string date) =>
        Assert.Equal(date, One($"@article{{a, title = {{T}}, year = 2020, {fields}}}").Date);

    [Fact]
    public void A_biblatex_date_wins_and_a_range_gives_its_start()
    {
        Assert.Equal("2018-12-03", One("@inproceedings{a, title = {T}, date = {2018-12-03/2018-12-06}, year = {1999}}").Date);
    }

    [Fact]
    public void Crossref_children_inherit_missing_fields_and_the_parent_title_as_booktitle()
    {
        var result = Parse("@inproceedings{child, title = {Paper}, crossref = {parent}}\n@proceedings{parent, title = {Proc}, year = {2022}, publisher = {P}}");
        var child = result.Entries[0];
        Assert.Equal("Proc", child.Publisher);
        Assert.Equal("2022", child.Date);
        Assert.Equal("Paper", child.Title);
    }

    [Fact]
    public void A_crossref_to_a_missing_entry_is_a_warning()
    {
        var result = Parse("@article{a, title = {T}, crossref = {nowhere}}");
        var f = Assert.Single(result.Findings);
        Assert.Equal(BibRules.Value, f.Rule);
        Assert.Contains("nowhere", f.Message);
    }

    [Theory]
    [InlineData(@"{\""u}ber", "über")]
    [InlineData(@"\""{u}ber", "über")]
    [InlineData(@"Caf{\'e}", "Café")]
    [InlineData(@"Caf\'e", "Café")]
    [InlineData(@"Stra{\ss}e", "Straße")]
    [InlineData(@"Stra\ss e", "Straße")]
    [InlineData(@"A \& B", "A & B")]
    [InlineData(@"50\% off", "50% off")]
    [InlineData("pages 1--2 and 3---4", "pages 1–2 and 3—4")]
    [InlineData(@"{\v{S}}koda and {\c{c}}a", "Škoda and ça")]
    [InlineData(@"Na\""{\i}ve", "Naïve")]
    [InlineData(@"\textit{Xenopus} laevis", "Xenopus laevis")]
    [InlineData(@"3\textsuperscript{rd} {CT} $\alpha$", "3rd CT α")]
    [InlineData("``quoted''", "“quoted”")]
    [InlineData("non~breaking", "non breaking")]
    [InlineData(@"{\o}resund {\AA}rhus \L{}\'od\'z", "øresund Århus Łódź")]
    public void LaTeX_escapes_become_unicode(string latex, string text) =>
        Assert.Equal(text, Latex.Decode(latex));

    [Fact]
    public void Page_ranges_use_a_plain_hyphen() =>
        Assert.Equal("200-210", One("@article{a, title = {T}, pages = {200--210}}").Pages);

    [Fact]
    public void Names_split_on_and_with_von_and_jr_parts()
    {
        var e = One(@"@article{a, title = {T}, author = {van der Berg, Jr., Jan and Ludwig van Beethoven and M{\""u}ller, J{\""o}rg and Jean de La Fontaine and Brand and Anderson}}");
        Assert.Equal(
            ["van der Berg, Jr., Jan", "van Beethoven, Ludwig", "Müller, Jörg", "de La Fontaine, Jean", "Brand", "Anderson"],
            e.Authors.Select(a => a.ToString()));
    }

    [Fact]
    public void Corporate_authors_in_braces_are_kept_whole()
    {
        var e = One("@report{a, title = {T}, author = {{World Health Organization} and {Barnes and Noble} and {PIN, University of Florence}}}");
        Assert.Equal(["World Health Organization", "Barnes and Noble", "{PIN, University of Florence}"], e.Authors.Select(a => a.ToString()));
        Assert.All(e.Authors, a => Assert.True(a.IsLiteral));
    }

    [Fact]
    public void And_others_is_dropped()
    {
        var e = One("@article{a, title = {T}, author = {Doe, Jane and others}}");
        Assert.Equal(["Doe, Jane"], e.Authors.Select(a => a.ToString()));
    }

    [Fact]
    public void Comments_preambles_and_text_between_entries_are_ignored()
    {
        var result = Parse("Some text @ mail.\n@comment{ @article{x, title = {No}} }\n@preamble{\"\\def\\x{}\"}\n@article{a, title = {Yes}}");
        Assert.Equal("Yes", Assert.Single(result.Entries).Title);
        Assert.Empty(result.Findings);
    }

    [Theory]
    [InlineData("article", null, "journal-article")]
    [InlineData("article", "newspaper", "news")]
    [InlineData("inproceedings", null, "journal-article")]
    [InlineData("book", null, "book")]
    [InlineData("incollection", null, "book")]
    [InlineData("techreport", null, "report")]
    [InlineData("phdthesis", null, "report")]
    [InlineData("online", null, "web-page")]
    [InlineData("dataset", null, "dataset")]
    [InlineData("legislation", null, "regulatory")]
    [InlineData("misc", null, "other")]
    [InlineData("patent", null, "other")]
    public void Entry_types_map_onto_source_types(string type, string? subtype, string expected) =>
        Assert.Equal(expected, Names.Of(BibTexEntryMapper.TypeOf(type, subtype, null, false)));

    [Fact]
    public void A_misc_entry_with_an_access_date_is_a_web_page_and_a_press_release_type_is_kept() 
    {
        Assert.Equal(SourceType.WebPage, BibTexEntryMapper.TypeOf("misc", null, null, hasUrlDate: true));
        Assert.Equal(SourceType.PressRelease, BibTexEntryMapper.TypeOf("misc", null, "Press release", false));
    }

    [Fact]
    public void Parenthesised_entries_and_quoted_values_are_read()
    {
        var e = One("@article(a, title = \"A {\"}quoted{\"} title\", year = \"2020\")");
        Assert.Equal("A \"quoted\" title", e.Title);
        Assert.Equal("2020", e.Date);
    }

    [Fact]
    public void A_malformed_entry_is_an_error_at_its_line_and_column_and_the_next_entry_still_reads()
    {
        var result = Parse("@article{a,\n  title = {One}\n  year = 2020,\n}\n@article{b, title = {Two}}\n");
        var f = Assert.Single(result.Findings);
        Assert.Equal((BibRules.Entry, Severity.Error, 3, 3), (f.Rule, f.Severity, f.Line, f.Column));
        Assert.Equal("Two", Assert.Single(result.Entries).Title);
    }

    [Fact]
    public void An_unclosed_brace_does_not_swallow_the_entry_after_it()
    {
        var result = Parse("@article{a,\n  title = {Never closed,\n  year = 2020,\n\n@book{b, title = {Kept}}\n");
        var f = Assert.Single(result.Findings);
        Assert.Equal((2, 11), (f.Line, f.Column));
        Assert.Equal("Kept", Assert.Single(result.Entries).Title);
    }

    [Fact]
    public void An_undefined_macro_is_a_warning_with_its_position_and_reads_as_empty()
    {
        var result = Parse("@article{a, title = {T},\n  journal = nosuch}");
        var f = Assert.Single(result.Findings);
        Assert.Equal((BibRules.Value, 2, 13), (f.Rule, f.Line, f.Column));
        Assert.Null(Assert.Single(result.Entries).Publisher);
    }

    /// <summary>Macros a0 … a{levels}, each the previous one twice: a{k} is 8 × 2^k characters.</summary>
    private static string Doubling(int levels)
    {
        var sb = new StringBuilder("@string{a0 = \"xxxxxxxx\"}\n");
        for (var k = 1; k <= levels; k++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"@string{{a{k} = a{k - 1} # a{k - 1}}}\n");
        }
        return sb.ToString();
    }

    [Fact]
    public void Macros_that_double_each_other_stop_at_the_value_cap_with_an_error_naming_the_macro_and_its_line()
    {
        // 28 lines, under 800 bytes: a27 would be a gigabyte
        var text = Doubling(27) + "@article{bomb, title = a27}\n@article{ok, title = {Fine}, journal = a12}\n";
        Assert.True(text.Length < 800);
        var result = Parse(text);
        Assert.Equal("Fine", Assert.Single(result.Entries).Title);
        Assert.Equal(8 << 12, result.Entries[0].Publisher!.Length);
        Assert.All(result.Findings, f => Assert.Equal((BibRules.Entry, Severity.Error), (f.Rule, f.Severity)));
        // a13 is 65,536 characters, the cap for a file this small; a14 is the first refused, on line 15
        var first = result.Findings[0];
        Assert.Equal(15, first.Line);
        Assert.Equal($"@string{{a14 = …}} expands to more than {BibTexParser.MinValueCap:N0} characters with macro 'a13' (macros that repeat each other?); the macro is not defined", first.Message);
        Assert.Equal("@string{a15 = …} uses macro 'a14', whose value was too long to read; the macro is not defined", result.Findings[1].Message);
        var last = result.Findings[^1];
        Assert.Equal((29, "@article{bomb}, field 'title' uses macro 'a27', whose value was too long to read; the entry is not imported"), (last.Line!.Value, last.Message));
        Assert.Equal(15, result.Findings.Count);
    }

    [Fact]
    public void A_macro_redefined_within_the_cap_after_a_refusal_is_used_again()
    {
        var result = Parse(Doubling(14) + "@string{a14 = {small}}\n@article{k, title = a14}\n");
        Assert.Equal("small", Assert.Single(result.Entries).Title);
        Assert.Single(result.Findings);
    }

    [Fact]
    public void A_macro_used_over_and_over_stops_the_file_at_the_file_cap()
    {
        var sb = new StringBuilder(Doubling(13));
        for (var i = 0; i < 300; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"@article{{k{i}, title = a13}}\n");
        }
        var result = Parse(sb.ToString());
        var f = Assert.Single(result.Findings);
        Assert.Equal(BibRules.Entry, f.Rule);
        Assert.Contains($"the values read so far expand to more than {BibTexParser.MinFileCap:N0} characters in all", f.Message, StringComparison.Ordinal);
        Assert.EndsWith("the rest of the file is not read", f.Message, StringComparison.Ordinal);
        // the entries before the cap are read (16 Mi / 64 Ki = 256 values, the macros included)
        Assert.InRange(result.Entries.Count, 200, 255);
        Assert.Equal(14 + result.Entries.Count + 1, f.Line);
    }

    [Fact]
    public void The_caps_grow_with_the_file_so_a_long_value_of_a_large_file_is_read()
    {
        var title = new string('t', 100_000);
        var e = One($"@string{{t = {{{title}}}}}\n@article{{a, title = t # t # t # t # t # t # t # t # t # t}}");
        Assert.Equal(1_000_000, e.Title!.Length);
    }

    [Fact]
    public void A_pubmed_eprint_becomes_the_pmid_and_a_language_name_a_tag()
    {
        var e = One("@article{a, title = {T}, eprint = {5500723}, eprinttype = {pubmed}, language = {Dutch}}");
        Assert.Equal("5500723", e.Pmid);
        Assert.Equal("nl", e.Lang);
    }

    [Fact]
    public void Fields_a_source_has_no_place_for_are_listed()
    {
        var e = One("@book{a, title = {T}, isbn = {123}, editor = {X, Y}, number = {4}, series = {S}}");
        Assert.Equal(["isbn", "editor", "number", "series"], e.Unmapped);
    }
}

public class RisParserTests
{
    private static BibParseResult Parse(string text) => RisParser.Parse(text, "test.ris");

    [Fact]
    public void A_bom_and_text_before_the_first_record_are_ignored()
    {
        var result = Parse("\uFEFFRecord 1 of 1\n1.\nTY  - JOUR\nTI  - Title\nER  - \n");
        Assert.Equal("Title", Assert.Single(result.Entries).Title);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Multi_line_values_are_joined_and_empty_tags_ignored()
    {
        var e = Assert.Single(Parse("TY  - JOUR\nTI  - A long title\n   that goes on\nSP  -\nVL  - 3\nER  -\n").Entries);
        Assert.Equal("A long title that goes on", e.Title);
        Assert.Null(e.Pages);
        Assert.Equal("3", e.Volume);
    }

    [Fact]
    public void Authors_titles_journals_and_dates_come_from_their_alternative_tags()
    {
        var e = Assert.Single(Parse("TY  - JOUR\nT1  - T\nA1  - Shannon,Claude E.\nAU  - Weaver, Warren\nJF  - Bell System Technical Journal\nY1  - 1948/07//\nSP  - 379\nEP  - 423\nER  - \n").Entries);
        Assert.Equal(["Shannon, Claude E.", "Weaver, Warren"], e.Authors.Select(a => a.ToString()));
        Assert.Equal("Bell System Technical Journal", e.Publisher);
        Assert.Equal("1948-07", e.Date);
        Assert.Equal("379-423", e.Pages);
    }

    [Fact]
    public void DA_gives_the_full_date_Y2_the_access_date_and_LA_the_language()
    {
        var e = Assert.Single(Parse("TY  - NEWS\nTI  - T\nPY  - 2025\nDA  - 2025/06/25\nY2  - 2025/06/26\nLA  - Chinese\nER  - \n").Entries);
        Assert.Equal((SourceType.News, "2025-06-25", "2025-06-26", "zh"), (e.Type, e.Date, e.Accessed, e.Lang));
    }

    [Fact]
    public void A_pubmed_accession_number_is_the_pmid()
    {
        var e = Assert.Single(Parse("TY  - JOUR\nTI  - T\nAN  - 37985692\nDB  - PubMed\nER  - \n").Entries);
        Assert.Equal("37985692", e.Pmid);
    }

    [Fact]
    public void Tags_that_are_not_RIS_are_reported_with_their_values()
    {
        var result = Parse("TY  - JOUR\nTI  - T\nJP  - CRISPR\nN1  - a note\nER  - \n");
        var f = Assert.Single(result.Findings);
        Assert.Equal((BibRules.Unmapped, Severity.Note, 3), (f.Rule, f.Severity, f.Line));
        Assert.Contains("JP = CRISPR", f.Message);
        Assert.Equal(["N1"], Assert.Single(result.Entries).Unmapped);
    }

    [Fact]
    public void A_record_without_ER_is_read_to_the_next_TY_with_a_warning()
    {
        var result = Parse("TY  - JOUR\nTI  - One\nTY  - BOOK\nTI  - Two\nER  - \n");
        Assert.Equal(["One", "Two"], result.Entries.Select(e => e.Title));
        Assert.Equal((BibRules.Value, 3), (Assert.Single(result.Findings).Rule, result.Findings[0].Line));
    }

    [Fact]
    public void Continuation_lines_join_their_tag_up_to_the_next_tag_record_or_end_of_file()
    {
        var lines = string.Concat(Enumerable.Range(1, 500).Select(i => $"  part {i}\n"));
        var result = Parse($"TY  - JOUR\nTI  -\n{lines}AU  - Doe, Jane\nUR  - http://a.example\n  http://b.example\nTY  - BOOK\nTI  - Book\n  tail\n");
        Assert.Equal(2, result.Entries.Count);
        var first = result.Entries[0];
        Assert.Equal(string.Join(' ', Enumerable.Range(1, 500).Select(i => $"part {i}")), first.Title);
        Assert.Equal(["Doe, Jane"], first.Authors.Select(a => a.ToString()));
        Assert.Equal("http://a.example", first.Url);
        Assert.Equal("Book tail", result.Entries[1].Title);
    }

    [Fact]
    public void Several_URLs_keep_the_first()
    {
        var result = Parse("TY  - JOUR\nTI  - T\nUR  - http://example.com; http://www.example.com\nER  - \n");
        Assert.Equal("http://example.com", Assert.Single(result.Entries).Url);
    }

    [Theory]
    [InlineData("JOUR", "journal-article")]
    [InlineData("Journal Article", "journal-article")]
    [InlineData("NEWS", "news")]
    [InlineData("ELEC", "web-page")]
    [InlineData("RPRT", "report")]
    [InlineData("BOOK", "book")]
    [InlineData("CHAP", "book")]
    [InlineData("DATA", "dataset")]
    [InlineData("LEGAL", "regulatory")]
    [InlineData("GEN", "other")]
    public void Reference_types_map_onto_source_types(string ty, string type) =>
        Assert.Equal(type, Names.Of(RisParser.TypeOf(ty, null)));

    [Fact]
    public void Web_of_Science_exports_are_read()
    {
        var text = "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Doe, J\nAF Doe, Jane\n   Roe, Richard\nTI A title\n   on two lines\nSO JOURNAL\nPY 2004\nPD JUN 8\nVL 43\nBP 7003\nEP 7016\nDI 10.1021/bi049798f\nPM 15170338\nUT WOS:000221807500019\nER\n\nEF\n";
        var e = Assert.Single(Parse(text).Entries);
        Assert.Equal(["Doe, Jane", "Roe, Richard"], e.Authors.Select(a => a.ToString()));
        Assert.Equal(("A title on two lines", "2004-06-08", "7003-7016", "15170338"), (e.Title, e.Date, e.Pages, e.Pmid));
    }
}

public class CslJsonParserTests
{
    private static BibParseResult Parse(string json) => CslJsonParser.Parse(Encoding.UTF8.GetBytes(json), "test.json");

    [Fact]
    public void Names_dates_and_numbers_are_read()
    {
        var e = Assert.Single(Parse("""
            [{"id": "a", "type": "article-journal", "title": "T",
              "author": [{"family": "Berg", "given": "Jan", "non-dropping-particle": "van der"}, {"literal": "WHO"}],
              "issued": {"date-parts": [[2023, "11", 20]]}, "accessed": {"raw": "2025-06-25"},
              "volume": 29, "issue": "12", "page": "3033–3043", "container-title": "Nature Medicine",
              "DOI": "10.1038/x", "PMID": 123, "language": "en-US"}]
            """).Entries);
        Assert.Equal(["van der Berg, Jan", "WHO"], e.Authors.Select(a => a.ToString()));
        Assert.Equal(("2023-11-20", "2025-06-25", "29", "3033-3043", "Nature Medicine", "123", "en-US"),
            (e.Date, e.Accessed, e.Volume, e.Pages, e.Publisher, e.Pmid, e.Lang));
    }

    [Theory]
    [InlineData("article-journal", null, "journal-article")]
    [InlineData("article-newspaper", null, "news")]
    [InlineData("webpage", null, "web-page")]
    [InlineData("report", "Press release", "press-release")]
    [InlineData("report", null, "report")]
    [InlineData("chapter", null, "book")]
    [InlineData("dataset", null, "dataset")]
    [InlineData("legislation", null, "regulatory")]
    [InlineData("software", null, "other")]
    public void Types_map_onto_source_types(string type, string? genre, string expected) =>
        Assert.Equal(expected, Names.Of(SourceTypes.FromCsl(type, genre)));

    [Fact]
    public void Invalid_json_is_one_error_with_its_line_and_column()
    {
        var result = Parse("[\n  {\"id\": \"a\",\n   \"title\": oops}\n]");
        var f = Assert.Single(result.Findings);
        Assert.Equal((BibRules.Entry, 3, 13), (f.Rule, f.Line, f.Column));
        Assert.Empty(result.Entries);
    }

    [Theory]
    [InlineData("\"x\\ud800y\"", "a lone surrogate escape (\\ud800)")]
    [InlineData("\"x\\udc00y\"", "a lone surrogate escape (\\udc00)")]
    [InlineData("\"x\\ud800\\u0000y\"", "a lone surrogate escape (\\ud800)")]
    [InlineData("\"x\\ud800\\ud800y\"", "a lone surrogate escape (\\ud800)")]
    public void A_lone_surrogate_escape_is_a_warning_on_its_item_and_every_item_imports(string title, string what)
    {
        var result = Parse($"[\n  {{\"id\": \"a\", \"title\": {title}}},\n  {{\"id\": \"b\", \"title\": \"B\"}}\n]");
        var f = Assert.Single(result.Findings);
        Assert.Equal((BibRules.Value, 2, 24), (f.Rule, f.Line, f.Column));
        Assert.Contains($"item 1 (a): a string holds {what}", f.Message, StringComparison.Ordinal);
        Assert.Equal(["B"], result.Entries.Skip(1).Select(e => e.Title));
        Assert.StartsWith("x\uFFFD", result.Entries[0].Title, StringComparison.Ordinal);
        Assert.EndsWith("y", result.Entries[0].Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_given_twice_is_a_warning_at_the_second_and_its_last_value_is_read_as_json_parse_reads_it()
    {
        var result = Parse("[\n  {\"id\": \"a\", \"title\": \"First\",\n   \"title\": \"Second\"},\n  {\"id\": \"b\", \"author\": [{\"family\": \"X\", \"family\": \"Y\"}]}\n]");
        Assert.Equal(["Second", null], result.Entries.Select(e => e.Title));
        Assert.Equal("Y", Assert.Single(result.Entries[1].Authors).Family);
        Assert.Equal([(BibRules.Value, 3, 4), (BibRules.Value, 4, 42)], result.Findings.Select(f => (f.Rule, f.Line!.Value, f.Column!.Value)));
        Assert.Contains("item 1 (a): the key \"title\" is given twice in one object; the last value is read", result.Findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("the key \"family\" is given twice", result.Findings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_in_a_string_or_a_member_name_is_a_warning_on_its_item()
    {
        var json = Encoding.UTF8.GetBytes("[{\"id\": \"a\", \"title\": \"caf@\", \"author\": [{\"family\": \"Ok\"}]},\n {\"id\": \"b\", \"title\": \"B\", \"n@me\": 1}]");
        json[json.AsSpan().IndexOf((byte)'@')] = 0xE9; // Latin-1 é
        json[json.AsSpan().IndexOf((byte)'@')] = 0xFF;
        var result = CslJsonParser.Parse(json, "test.json");
        Assert.Equal(2, result.Entries.Count);
        Assert.Equal("caf\uFFFD", result.Entries[0].Title);
        Assert.Equal([(1, 23), (2, 28)], result.Findings.Select(f => (f.Line!.Value, f.Column!.Value)));
        Assert.All(result.Findings, f => Assert.Contains("a string holds invalid UTF-8", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Escaped_strings_decode_as_before()
    {
        var e = Assert.Single(Parse("[{\"id\": \"a\", \"title\": \"A \\\"q\\\" \\\\ \\/ \\u00e9 \\ud83d\\ude00 \\u0041\"}]").Entries);
        Assert.Equal("A \"q\" \\ / é 😀 A", e.Title);
        Assert.Empty(Parse("[{\"id\": \"a\", \"title\": \"\\u00e9\"}]").Findings);
    }

    [Fact]
    public void Positions_on_a_file_of_one_line_count_characters_from_the_line_start()
    {
        var result = Parse("[{\"id\":\"é\",\"title\":\"T\"},42,{\"id\":\"b\",\"title\":\"B\"},43]");
        Assert.Equal([(1, 25), (1, 51)], result.Findings.Select(f => (f.Line!.Value, f.Column!.Value)));
        Assert.Equal([(1, 2), (1, 28)], result.Entries.Select(e => (e.Start.Line, e.Start.Column)));
    }

    [Fact]
    public void An_item_that_is_not_an_object_is_an_error_and_the_others_import()
    {
        var result = Parse("[\n  42,\n  {\"id\": \"b\", \"title\": \"B\"}\n]");
        var f = Assert.Single(result.Findings);
        Assert.Equal((2, 3), (f.Line, f.Column));
        Assert.Equal("B", Assert.Single(result.Entries).Title);
    }
}

/// <summary>Broken BibTeX is read in one pass: a value or comment left open costs no more than its entry.</summary>
public class BibTexRecoveryTests
{
    private static BibParseResult Parse(string text) => BibTexParser.Parse(text, "test.bib");

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void An_entry_at_a_line_start_ends_a_value_left_open_however_deep_in_braces(string newline)
    {
        var text = string.Join(newline, "@article{a,", "  title = {Unclosed {inner {deeper,", "@article{b,", "  title = {B},", "}", "");

        var result = Parse(text);

        Assert.Equal("B", Assert.Single(result.Entries).Title);
        var error = Assert.Single(result.Findings, f => f.Severity == Severity.Error);
        Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void A_file_of_values_left_open_is_read_once_not_once_per_value()
    {
        // the shape a fuzzer found: entries whose values are never closed, the braces adding up; each value used to be
        // read to the end of the file (12,000 such entries, 835 KB, took 2.2 s, and four times as many 36 s)
        var sb = new StringBuilder();
        for (var i = 0; sb.Length < 2_000_000; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"@article{{broken{i},\r\n  title = {{Unclosed {{brace,\r\n  year = {{2022}},\r\n\r@book{{good{i},\r  title = {{Good}},\n}}\n");
        }
        var text = sb.ToString();
        BibTexParser.Scanned = 0;

        var result = Parse(text);

        Assert.True(BibTexParser.Scanned <= 2L * text.Length, $"{BibTexParser.Scanned:N0} characters read for {text.Length:N0}");
        Assert.True(result.Entries.Count > 10_000, $"{result.Entries.Count} entries");
    }

    [Fact]
    public void Unclosed_comments_are_each_found_unclosed_in_one_pass_over_the_file()
    {
        var text = string.Concat(Enumerable.Repeat("@comment{ still open\n", 20_000)) + "@article{a, title = {A}}\n";
        BibTexParser.Scanned = 0;

        var result = Parse(text);

        Assert.True(BibTexParser.Scanned <= 2L * text.Length, $"{BibTexParser.Scanned:N0} characters read for {text.Length:N0}");
        Assert.Equal("A", Assert.Single(result.Entries).Title);
        Assert.Equal(20_000, result.Findings.Count(f => f.Message.Contains("@comment", StringComparison.Ordinal)));
    }

    [Fact]
    public void Keys_merged_into_an_entry_are_kept_once_each_in_order_and_never_its_own()
    {
        var entry = new BibEntry { Key = "good0", Label = "@book{good0}", Start = Position.Start };

        var recorded = Enumerable.Range(0, 30_000).Select(i => entry.AddMergedKey($"good{i % 10_000}")).ToList();

        Assert.Equal(9_999, recorded.Count(r => r));
        Assert.False(recorded[0]); // its own key
        Assert.Equal(Enumerable.Range(1, 9_999).Select(i => $"good{i}"), entry.MergedKeys);
        Assert.Equal(10_000, entry.CitationKeys.Count);
    }
}

