using EvidenceTracker.Diagnostics;
using EvidenceTracker.Loading;
using EvidenceTracker.Model;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Loading;

/// <summary>Source types are an enumeration; their file spellings live in one table (<see cref="Names.SourceTypes"/>).</summary>
public class SourceTypeTests
{
    public static TheoryData<SourceType> Members() => [.. Enum.GetValues<SourceType>()];

    [Theory]
    [MemberData(nameof(Members))]
    public void Every_source_type_round_trips_through_its_spelling(SourceType type)
    {
        Assert.True(Names.TryParse(Names.SourceTypes, Names.Of(type), out SourceType back));
        Assert.Equal(type, back);
    }

    [Fact]
    public void The_spelling_table_has_one_distinct_spelling_per_member()
    {
        Assert.Equal(Enum.GetValues<SourceType>().Length, Names.SourceTypes.Length);
        Assert.Equal(Names.SourceTypes.Length, Names.SourceTypes.Distinct(StringComparer.Ordinal).Count());
    }

    // the list of the contract (PRODUCT.md, the source file: `type: journal-article   # journal-article | news | …`)
    [Theory]
    [InlineData("journal-article", SourceType.JournalArticle)]
    [InlineData("news", SourceType.News)]
    [InlineData("web-page", SourceType.WebPage)]
    [InlineData("press-release", SourceType.PressRelease)]
    [InlineData("report", SourceType.Report)]
    [InlineData("book", SourceType.Book)]
    [InlineData("dataset", SourceType.Dataset)]
    [InlineData("regulatory", SourceType.Regulatory)]
    [InlineData("other", SourceType.Other)]
    public void Every_spelling_of_the_contract_loads_as_its_member(string spelling, SourceType expected)
    {
        using var repo = new TempRepo();
        repo.Write("sources/s.yaml", $"id: s\ntype: {spelling}\ntitle: S\n");
        var set = RepositoryLoader.Load(repo.Root);
        Assert.Equal(expected, Assert.Single(set.Sources).Type);
        Assert.DoesNotContain(set.LoadFindings, f => f.Rule == Rules.Schema);
    }

    [Theory]
    [InlineData("Journal-Article")]
    [InlineData("JournalArticle")]
    [InlineData("article")]
    public void An_unknown_spelling_is_a_schema_finding_at_the_value_and_the_source_counts_as_other(string spelling)
    {
        using var repo = new TempRepo();
        repo.Write("sources/s.yaml", $"id: s\ntype: {spelling}\ntitle: S\n");
        var set = RepositoryLoader.Load(repo.Root);
        Assert.Equal(SourceType.Other, Assert.Single(set.Sources).Type);
        var finding = Assert.Single(set.LoadFindings, f => f.Rule == Rules.Schema);
        Assert.Equal(((int?)2, (int?)7), (finding.Line, finding.Column));
        Assert.StartsWith($"field 'type': '{spelling}' is not one of journal-article, news,", finding.Message);
    }
}
