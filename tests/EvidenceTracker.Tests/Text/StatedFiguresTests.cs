using EvidenceTracker.Text;

namespace EvidenceTracker.Tests.Text;

public class StatedFiguresTests
{
    /// <summary>Figures in the shapes the extractor reads: numbers, percents, ranges, scales, qualifiers, years, dates, ordinals.</summary>
    private static readonly Func<Random, string>[] Shapes =
    [
        r => $"{r.Next(0, 60)} cases",
        r => $"{r.Next(0, 60)}.{r.Next(0, 10)}%",
        r => $"{r.Next(0, 60)}.{r.Next(0, 100):D2}%",
        r => $"{r.Next(0, 60)}%",
        r => $"more than {r.Next(1, 30) * 1000:N0} people",
        r => $"nearly {r.Next(1, 30) * 1000:N0} people",
        r => $"about {r.Next(1, 30)},{r.Next(0, 1000):D3} scans",
        r => $"{r.Next(20, 30)}万多例",
        r => $"约{r.Next(20, 30)}.{r.Next(0, 10)}万人",
        r => $"{r.Next(80, 95)}% to {r.Next(95, 100)}%",
        r => $"{r.Next(80, 95)}%至{r.Next(95, 100)}%",
        r => $"in {r.Next(2018, 2026)}",
        r => $"on {r.Next(1, 29)} June {r.Next(2023, 2026)}",
        r => $"{r.Next(2023, 2026)}年{r.Next(1, 13)}月{r.Next(1, 29)}日",
        r => $"{r.Next(1, 13)}月{r.Next(1, 29)}日",
        r => $"the {r.Next(1, 5) switch { 1 => "first", 2 => "second", 3 => "third", _ => "fourth" }} hospital",
        r => $"a third of {r.Next(2, 9)}0 patients",
        r => $"{r.Next(1, 9)} in {r.Next(1, 9)}0 scans",
    ];

    [Fact]
    public void The_index_agrees_with_comparing_every_pair_on_thousands_of_random_claims_and_quotes()
    {
        var random = new Random(2026);
        var compared = 0;
        var stated = 0;
        for (var round = 0; round < 1_500; round++)
        {
            // the claim's figures, and a quote that repeats about half of them among others of its own
            var claimed = Enumerable.Range(0, random.Next(1, 6)).Select(_ => Shapes[random.Next(Shapes.Length)](random)).ToList();
            var quoted = claimed.Where(_ => random.Next(2) == 0).Concat(Enumerable.Range(0, random.Next(0, 8)).Select(_ => Shapes[random.Next(Shapes.Length)](random)));
            var quoteFigures = FigureExtractor.Extract(string.Join(", and ", quoted.OrderBy(_ => random.Next())) + ".");
            var index = new StatedFigures(quoteFigures, [], indexFrom: 0);
            foreach (var figure in FigureExtractor.Extract(string.Join(", and ", claimed) + "."))
            {
                var expected = FigureComparer.IsStatedBy(figure, quoteFigures);
                Assert.True(expected == index.States(figure), $"{figure} against [{string.Join("; ", quoteFigures)}]: expected {expected}");
                compared++;
                stated += expected ? 1 : 0;
            }
        }
        // both answers occur often enough for the comparison to mean something
        Assert.InRange(stated, compared / 5, compared - (compared / 5));
    }

    [Fact]
    public void A_version_is_stated_as_comparing_every_pair_states_it()
    {
        string[] texts = ["QNX 8.0", "QNX 8.5", "iOS 17", "iOS 17.2", "iOS 18", "GPT-4", "GPT-4o", "GPT-4O", "Rust 1.64", "Kubernetes v1.28", "Android 14"];
        var versions = texts.Select(t => Assert.Single(FigureExtractor.ExtractVersions(t + " is out."))).ToList();
        for (var mask = 0; mask < 1 << 6; mask++)
        {
            var quoted = versions.Where((_, i) => (mask & (1 << (i % 6))) != 0 && i % 2 == mask % 2).ToList();
            var index = new StatedFigures([], quoted, indexFrom: 0);
            foreach (var claimed in versions)
            {
                Assert.Equal(quoted.Any(claimed.SameVersion), index.StatesVersion(claimed));
                Assert.Equal(quoted.Where(claimed.SameName), index.Named(claimed));
            }
        }
        var iOS = new StatedFigures([], [versions[3]], indexFrom: 0);
        Assert.True(iOS.StatesVersion(versions[2]));
        Assert.False(new StatedFigures([], [versions[2]], indexFrom: 0).StatesVersion(versions[3]));
    }
}
