using EvidenceTracker.Model;
using EvidenceTracker.Verification;

namespace EvidenceTracker.Tests.Verification;

/// <summary>What a snapshot holds and where it is fetched from are enumerations, spelled once in <see cref="Names"/>.</summary>
public class SnapshotKindTests
{
    public static TheoryData<SnapshotKind> Kinds() => [.. Enum.GetValues<SnapshotKind>()];

    public static TheoryData<SnapshotOrigin> Origins() => [.. Enum.GetValues<SnapshotOrigin>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_snapshot_kind_round_trips_through_its_extension(SnapshotKind kind)
    {
        Assert.True(Names.TryParse(Names.SnapshotKinds, Names.Of(kind), out SnapshotKind back));
        Assert.Equal(kind, back);
        Assert.Equal(kind, SnapshotFiles.KindFor("copy." + Names.Of(kind)));
    }

    [Theory]
    [MemberData(nameof(Origins))]
    public void Every_snapshot_origin_round_trips_through_its_spelling(SnapshotOrigin origin)
    {
        Assert.True(Names.TryParse(Names.SnapshotOrigins, Names.Of(origin), out SnapshotOrigin back));
        Assert.Equal(origin, back);
    }

    [Theory]
    [InlineData("page.html", SnapshotKind.Html)]
    [InlineData("page.HTM", SnapshotKind.Html)]
    [InlineData("page.xhtml", SnapshotKind.Html)]
    [InlineData("paper.pdf", SnapshotKind.Pdf)]
    [InlineData("notes.markdown", SnapshotKind.Markdown)]
    [InlineData("notes.md", SnapshotKind.Markdown)]
    [InlineData("abstract.txt", SnapshotKind.Text)]
    [InlineData("data.csv", SnapshotKind.Text)]
    [InlineData("no-extension", SnapshotKind.Text)]
    public void A_file_is_archived_as_the_kind_its_extension_says(string file, SnapshotKind expected) =>
        Assert.Equal(expected, SnapshotFiles.KindFor(file));

    [Theory]
    [InlineData(SnapshotKind.Html, "snapshots/s.0123456789ab.html")]
    [InlineData(SnapshotKind.Pdf, "snapshots/s.0123456789ab.pdf")]
    [InlineData(SnapshotKind.Markdown, "snapshots/s.0123456789ab.md")]
    [InlineData(SnapshotKind.Text, "snapshots/s.0123456789ab.txt")]
    public void A_snapshot_is_named_with_its_kind_s_extension(SnapshotKind kind, string expected)
    {
        Assert.Equal(expected, SnapshotFiles.FieldValue("s", "0123456789abcdef", kind));
        Assert.True(SnapshotFiles.IsToolName(expected["snapshots/".Length..], out _));
    }
}
