using EvidenceTracker.Bibliography;
using EvidenceTracker.Model;

namespace EvidenceTracker.Tests.Bibliography;

public class PartialAuthorListTests
{
    private static readonly Source Paper = new()
    {
        Id = "hu-2025-grape",
        File = "sources/hu-2025-grape.yaml",
        Type = SourceType.JournalArticle,
        Title = "AI-based large-scale screening of gastric cancer from noncontrast CT imaging",
        Authors = ["Hu, Can", "Zhang, Ling", "others"],
        Publisher = "Nature Medicine",
        Date = "2025-06-24",
        Volume = "31",
        Issue = "9",
        Pages = "3011-3019",
        Doi = "10.1038/s41591-025-03785-6",
        Lang = "en",
    };

    [Theory]
    [InlineData(ReferenceStyle.GbT7714, "HU C, ZHANG L, et al. AI-based")]
    [InlineData(ReferenceStyle.Vancouver, "Hu C, Zhang L, et al. AI-based")]
    [InlineData(ReferenceStyle.Apa, "Hu, C., Zhang, L., et al. (2025).")]
    public void An_author_list_ending_in_others_is_shown_as_partial_in_every_style(ReferenceStyle style, string start)
    {
        var reference = ReferenceFormatter.Format(Paper, style);
        Assert.StartsWith(start, reference);
        Assert.DoesNotContain("OTHERS", reference, StringComparison.OrdinalIgnoreCase);
    }
}
