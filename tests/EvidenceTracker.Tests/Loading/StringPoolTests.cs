using EvidenceTracker.Loading;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Loading;

/// <summary>Values that repeat across a repository's files are kept once when it is loaded.</summary>
public class StringPoolTests
{
    [Fact]
    public void A_cited_source_id_is_the_very_string_the_source_holds_and_repeated_values_are_kept_once()
    {
        using var repo = new TempRepo();
        repo.Write("sources/who-2024.yaml", "id: who-2024\ntype: report\ntitle: A report\npublisher: WHO\nlang: en\nauthors: [\"Wang, Li\"]\n");
        repo.Write("sources/cdc-2023.yaml", "id: cdc-2023\ntype: report\ntitle: Another\npublisher: WHO\nlang: en\nauthors: [\"Wang, Li\"]\nreports-on: [who-2024]\n");
        for (var i = 0; i < 3; i++)
        {
            repo.Write($"claims/c{i}.yaml",
                $"id: c{i}\nstatement: Statement {i}.\narticle: post\ntags: [screening]\ncitations:\n  - source: who-2024\n    locator: p. 3\n  - source: cdc-2023\n");
        }

        var set = RepositoryLoader.Load(repo.Root);

        var who = set.Sources.Single(s => s.Id == "who-2024");
        var cdc = set.Sources.Single(s => s.Id == "cdc-2023");
        Assert.Equal(3, set.Claims.Count);
        foreach (var claim in set.Claims)
        {
            Assert.Same(who.Id, claim.Citations[0].Source);
            Assert.Same(cdc.Id, claim.Citations[1].Source);
            Assert.Same(set.Claims[0].Article, claim.Article);
            Assert.Same(set.Claims[0].Tags[0], claim.Tags[0]);
            Assert.Same(set.Claims[0].Citations[0].Locator, claim.Citations[0].Locator);
            Assert.Empty(claim.Suppressions);
        }
        Assert.Same(who.Publisher, cdc.Publisher);
        Assert.Same(who.Authors[0], cdc.Authors[0]);
        Assert.Same(who.Id, cdc.ReportsOn[0]);
    }

    [Fact]
    public void A_long_value_is_kept_as_read()
    {
        var pool = new StringPool();
        var text = new string('a', StringPool.MaxLength + 1);
        Assert.Same(text, pool.Share(text));
        Assert.NotSame(text, pool.Share(new string('a', StringPool.MaxLength + 1)));
        Assert.Equal(0, pool.Count);
    }

    [Fact]
    public void The_first_instance_of_a_short_value_is_the_one_kept()
    {
        var pool = new StringPool();
        var first = new string("who-2024");
        var second = new string("who-2024");
        Assert.Same(first, pool.Share(first));
        Assert.Same(first, pool.Share(second));
        Assert.Null(((StringPool?)null).ShareOrSelf(null));
        Assert.Same(second, ((StringPool?)null).ShareOrSelf(second));
        Assert.Equal(1, pool.Count);
    }
}
