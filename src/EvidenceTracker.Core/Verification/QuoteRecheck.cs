namespace EvidenceTracker.Verification;

/// <summary>A quote of a claim, looked up in a copy fetched again.</summary>
public sealed record QuoteRecheck(string Claim, string Quote, bool Found, double Similarity);
