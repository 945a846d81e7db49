using EvidenceTracker.App;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Verification;

/// <summary><c>figure-mismatch</c> with numbers written as words, and with versions compared as identifiers.</summary>
public class FigureWordsAndVersionsTests
{
    private static List<Finding> MismatchesOf(string statement, string quote)
    {
        using var repo = new TempRepo("verification");
        repo.Write("claims/words.yaml",
            $"id: words\nstatement: \"{statement}\"\ncitations:\n  - source: paper-without-snapshot\n    quote: \"{quote}\"\n");
        return EvidenceQueries.Check(repo.Root).Findings.Where(f => f.Claim == "words" && f.Rule == Rules.FigureMismatch).ToList();
    }

    [Theory]
    [InlineData("The trial found 12 cases.", "The trial found twelve cases.")]
    [InlineData("The trial found twelve cases.", "The trial found 12 cases.")]
    [InlineData("Risk rose two-fold.", "Risk rose 2-fold.")]
    [InlineData("Half of the patients improved.", "50% of the patients improved.")]
    [InlineData("30% of patients improved.", "三成患者病情好转。")]
    [InlineData("It runs on QNX 8.0.", "Certified on QNX 8.0 in 2024.")]
    [InlineData("It runs on QNX 8.5.", "The kernel was rewritten.")]
    public void A_quote_stating_the_number_in_words_or_the_same_version_backs_the_statement(string statement, string quote) =>
        Assert.Empty(MismatchesOf(statement, quote));

    [Fact]
    public void Twelve_cases_do_not_back_thirteen()
    {
        var f = Assert.Single(MismatchesOf("The trial found 13 cases.", "The trial found twelve cases."));
        Assert.Contains("'13'", f.Message);
    }

    [Theory]
    [InlineData("It runs on QNX 8.5.", "Certified on QNX 8.0 in 2024.", "version 'QNX 8.5' (statement) is not the one the supporting quotes name (QNX 8.0)")]
    [InlineData("GPT-4 scored highest.", "GPT-4o scored highest.", "version 'GPT-4' (statement) is not the one the supporting quotes name (GPT-4o)")]
    [InlineData("iOS 17 added it.", "iOS 18 added it.", "version 'iOS 17' (statement) is not the one the supporting quotes name (iOS 18)")]
    public void A_quote_naming_another_version_of_the_same_thing_is_a_figure_mismatch(string statement, string quote, string message)
    {
        var f = Assert.Single(MismatchesOf(statement, quote));
        Assert.Equal(message, f.Message);
        Assert.Equal(Severity.Warning, f.Severity);
    }
}
