using System.Text.Json;
using EvidenceTracker.Cli;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Verification;

/// <summary>
/// The shape of a public claim-verification data set: claims, evidence sentences, and the abstracts those come
/// from. Each abstract (invented here, tests/fixtures/abstracts) is archived as a .txt snapshot with
/// <c>evidence snapshot</c>; each claim quotes one sentence. Verbatim sentences must verify, altered ones must not,
/// and a figure that the evidence refutes must be flagged.
/// </summary>
public class AbstractDatasetTests
{
    private static readonly string[] Abstracts = ["trial-fenuvir", "cohort-sleep", "mouse-gene"];

    private static TempRepo Build(IEnumerable<(string Id, string Statement, string Source, string Quote)> claims)
    {
        var repo = new TempRepo();
        foreach (var id in Abstracts)
        {
            repo.Write($"sources/{id}.yaml", $"id: {id}\ntype: journal-article\ntitle: {id}\nlevel: primary\n");
            repo.WriteBytes($"incoming/{id}.txt", File.ReadAllBytes(Path.Combine(TestPaths.Fixtures, "abstracts", id + ".txt")));
            var result = CliRunner.Run(CliEnvironment.Plain(repo.Root) with { Today = () => new DateOnly(2025, 6, 25) },
                ["--root", repo.Root, "snapshot", id, $"incoming/{id}.txt"]);
            Assert.True(result.ExitCode == 0, result.Error);
        }
        foreach (var (id, statement, source, quote) in claims)
        {
            repo.Write($"claims/{id}.yaml",
                $"id: {id}\nstatement: {EvidenceTracker.Yaml.YamlScalarWriter.Quoted(statement)}\ncitations:\n  - source: {source}\n    quote: {EvidenceTracker.Yaml.YamlScalarWriter.Quoted(quote)}\n");
        }
        return repo;
    }

    private static Dictionary<string, (string Support, string[] Rules, string? QuoteStatus)> Check(TempRepo repo)
    {
        var json = CliRunner.Run(repo.Root, "check", "--format", "json");
        using var doc = JsonDocument.Parse(json.Out);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (Claim: f.GetProperty("claim").GetString(), Rule: f.GetProperty("rule").GetString()!)).ToList();
        var result = new Dictionary<string, (string, string[], string?)>();
        foreach (var c in doc.RootElement.GetProperty("claims").EnumerateArray())
        {
            var id = c.GetProperty("id").GetString()!;
            var show = CliRunner.Run(repo.Root, "show", id, "--format", "json");
            using var shown = JsonDocument.Parse(show.Out);
            var check = shown.RootElement.GetProperty("citations")[0].GetProperty("quote-check");
            result[id] = (c.GetProperty("support").GetString()!, findings.Where(f => f.Claim == id).Select(f => f.Rule).ToArray(),
                check.ValueKind == JsonValueKind.Null ? null : check.GetProperty("status").GetString());
        }
        return result;
    }

    private static IEnumerable<string> Sentences(string id)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.Fixtures, "abstracts", id + ".txt"));
        // Sentence ends: ". " or a line end after a full stop; good enough for these invented abstracts.
        return text.Replace("\n", " ").Split(". ", StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Trim())
            .Where(s => s.Length > 0)
            .Select(s => s.EndsWith('.') ? s : s + ".");
    }

    [Fact]
    public void Every_sentence_of_every_abstract_verifies_as_a_verbatim_quote()
    {
        var claims = Abstracts.SelectMany(a => Sentences(a).Select((s, i) => ($"{a}-s{i}", "A claim.", a, s))).ToList();
        Assert.True(claims.Count >= 18);
        using var repo = Build(claims);
        var results = Check(repo);
        Assert.All(claims, c =>
        {
            var (support, rules, status) = results[c.Item1];
            Assert.True(status == "verified", $"{c.Item1}: {status} for \"{c.Item4}\"");
            Assert.DoesNotContain("quote-not-found", rules);
            Assert.Equal("verified", support);
        });
    }

    [Theory]
    [InlineData("trial-fenuvir", "Hospital admission occurred in 1.2% of the fenuvir group and 2.9% of the placebo group.", "Hospital admission occurred in 1.2% of the fenuvir group and 2.4% of the placebo group.")]
    [InlineData("trial-fenuvir", "Nausea was more common with fenuvir (7.4% vs 3.1%).", "Nausea was less common with fenuvir (7.4% vs 3.1%).")]
    [InlineData("cohort-sleep", "Long sleep (more than 9 hours) was not associated with hypertension.", "Long sleep (more than 9 hours) was associated with hypertension.")]
    [InlineData("cohort-sleep", "The association was stronger in women than in men.", "The association was stronger in men than in women.")]
    [InlineData("mouse-gene", "Adipocyte size was reduced by half in knockout animals.", "Adipocyte size was reduced by a half in knockout animals.")]
    [InlineData("mouse-gene", "Kelt2 expression in human adipose tissue correlated with body-mass index (r = 0.46).", "Kelt2 expression in human adipose tissue correlated with body-mass index (r = 0.64).")]
    public void An_altered_sentence_is_not_found_and_names_the_original(string source, string original, string altered)
    {
        using var repo = Build([("altered", "A claim.", source, altered)]);
        var (support, rules, status) = Check(repo)["altered"];
        Assert.Equal("not-found", status);
        Assert.Equal("quoted", support);
        Assert.Contains("quote-not-found", rules);
        var message = CliRunner.Run(repo.Root, "check").Out;
        Assert.Contains(EvidenceTracker.Quotes.TextNormalizer.Normalize(original).Text, EvidenceTracker.Quotes.TextNormalizer.Normalize(message).Text);
    }

    [Theory]
    [InlineData("Fenuvir cut hospital admissions from 2.9% to 1.2%.", "verified")]
    [InlineData("Fenuvir cut hospital admissions from 4.9% to 1.2%.", "figure-mismatch")]
    [InlineData("Fenuvir halved hospital admissions, to 0.6%.", "figure-mismatch")]
    public void A_figure_the_evidence_does_not_state_is_flagged_and_keeps_the_claim_from_verified(string statement, string expected)
    {
        using var repo = Build([("figure", statement, "trial-fenuvir",
            "Hospital admission occurred in 1.2% of the fenuvir group and 2.9% of the placebo group.")]);
        var (support, rules, status) = Check(repo)["figure"];
        Assert.Equal("verified", status);
        if (expected == "verified")
        {
            Assert.Equal("verified", support);
            Assert.Empty(rules);
        }
        else
        {
            Assert.Equal("quoted", support);
            Assert.Equal(["figure-mismatch"], rules);
        }
    }

    [Theory]
    [InlineData("Short sleep raised the risk of hypertension by 31%.", true)]
    [InlineData("Short sleep raised the risk of hypertension by 13%.", false)]
    [InlineData("Sleeping under 6 hours raised hypertension risk by about 30%.", false)]
    [InlineData("Workers sleeping less than 6 hours had a 31% higher risk of hypertension in a cohort of 8,312.", false)]
    public void Figures_of_cohort_claims_are_compared_with_the_evidence_sentence(string statement, bool stated)
    {
        using var repo = Build([("cohort", statement, "cohort-sleep",
            "Participants who slept less than 6 hours per night had a 31% higher risk of incident hypertension than those who slept 7–8 hours (adjusted HR 1.31, 95% CI 1.12–1.53).")]);
        var (support, rules, _) = Check(repo)["cohort"];
        Assert.Equal(stated ? "verified" : "quoted", support);
        Assert.Equal(!stated, rules.Contains("figure-mismatch"));
    }
}
