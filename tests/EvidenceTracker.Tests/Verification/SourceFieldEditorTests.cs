using EvidenceTracker.Verification;

namespace EvidenceTracker.Tests.Verification;

public class SourceFieldEditorTests
{
    private static readonly (string, string)[] Fields =
    [
        ("snapshot", "snapshots/x.txt"),
        ("snapshot-sha256", "3f9a000000000000000000000000000000000000000000000000000000000000"),
        ("archived", "2025-06-25"),
    ];

    private const string Added =
        "snapshot: snapshots/x.txt\nsnapshot-sha256: 3f9a000000000000000000000000000000000000000000000000000000000000\narchived: 2025-06-25\n";

    private static string Edit(string text)
    {
        var result = SourceFieldEditor.Set(text, Fields, out var problem);
        Assert.True(result is not null, problem);
        return result;
    }

    [Fact]
    public void Missing_fields_are_appended_after_the_last_entry_and_before_trailing_comments()
    {
        const string text = "# Header comment\nid: x   # the id\ntype: report\ntitle: X\n\n# trailing comment\n";
        Assert.Equal("# Header comment\nid: x   # the id\ntype: report\ntitle: X\n" + Added + "\n# trailing comment\n", Edit(text));
    }

    [Fact]
    public void Existing_values_are_replaced_where_they_stand_keeping_their_comments()
    {
        const string text = "id: x\nsnapshot: 'snapshots/old.html'   # first archive\ntitle: X\nsnapshot-sha256: \"abc\"\narchived: 2020-01-01 # date\n";
        Assert.Equal(
            "id: x\nsnapshot: snapshots/x.txt   # first archive\ntitle: X\nsnapshot-sha256: 3f9a000000000000000000000000000000000000000000000000000000000000\narchived: 2025-06-25 # date\n",
            Edit(text));
    }

    [Fact]
    public void An_empty_value_is_filled_in_after_its_colon()
    {
        const string text = "id: x\narchived:   # to do\nsnapshot: ~\ntitle: X\n";
        var result = Edit(text);
        Assert.StartsWith("id: x\narchived: 2025-06-25   # to do\nsnapshot: snapshots/x.txt\ntitle: X\nsnapshot-sha256: ", result);
    }

    [Fact]
    public void Fields_are_appended_after_a_block_list_or_a_flow_list_that_ends_the_mapping()
    {
        Assert.Equal("id: x\nauthors:\n  - A\n  - B\n" + Added + "# end\n", Edit("id: x\nauthors:\n  - A\n  - B\n# end\n"));
        Assert.Equal("id: x\nreports-on: [a, b]  # c\n" + Added, Edit("id: x\nreports-on: [a, b]  # c\n"));
    }

    [Fact]
    public void A_file_without_a_final_line_break_gets_one_before_the_new_fields()
    {
        Assert.Equal("id: x\ntitle: X\n" + Added, Edit("id: x\ntitle: X"));
    }

    [Fact]
    public void Crlf_line_ends_are_kept_and_used_for_new_lines()
    {
        var result = Edit("id: x\r\ntitle: X\r\narchived: 2020-01-01\r\n");
        Assert.Equal("id: x\r\ntitle: X\r\narchived: 2025-06-25\r\nsnapshot: snapshots/x.txt\r\nsnapshot-sha256: 3f9a000000000000000000000000000000000000000000000000000000000000\r\n", result);
    }

    [Fact]
    public void Non_ascii_text_before_a_value_does_not_shift_the_edit()
    {
        const string text = "title: 河湾市供水局年度报告 — 𝄞 ünïcode\narchived: 2020-01-01\n";
        Assert.StartsWith("title: 河湾市供水局年度报告 — 𝄞 ünïcode\narchived: 2025-06-25\n", Edit(text));
    }

    [Theory]
    [InlineData("id: x\narchived: |\n  2020-01-01\n", "is a multi-line block")]
    [InlineData("id: x\nsnapshot: [a, b]\n", "holds a list")]
    [InlineData("id: x\nsnapshot: \"a\n  b\"\n", "spans several lines")]
    [InlineData("- a\n- b\n", "not a YAML mapping")]
    [InlineData("{id: x, title: X}\n", "not a YAML mapping")]
    [InlineData("id: [unclosed\n", "not valid YAML")]
    public void Values_it_cannot_edit_safely_are_refused_with_the_reason(string text, string reason)
    {
        Assert.Null(SourceFieldEditor.Set(text, Fields, out var problem));
        Assert.Contains(reason, problem);
    }
}
