using EvidenceTracker.Model;
using EvidenceTracker.Verification;

namespace EvidenceTracker.Checking;

/// <summary>A claim with the support level its evidence shows.</summary>
public sealed record ClaimStatus(Claim Claim, SupportLevel Support)
{
    /// <summary>One check per citation (same order as <see cref="Claim.Citations"/>): was its quote found in the snapshot?</summary>
    public IReadOnlyList<QuoteCheck> Quotes { get; init; } = [];

    /// <summary>The quote check of citation <paramref name="index"/>; <see cref="QuoteCheck.NoQuote"/> when none was made.</summary>
    public QuoteCheck QuoteOf(int index) => index < Quotes.Count ? Quotes[index] : QuoteCheck.NoQuote;
}
