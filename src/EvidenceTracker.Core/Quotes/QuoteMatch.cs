namespace EvidenceTracker.Quotes;

/// <summary>
/// The result of looking a quote up in a snapshot. <see cref="Start"/> and <see cref="Length"/> are offsets in
/// the ORIGINAL snapshot text, and <see cref="ClosestPassage"/> is that original substring. When
/// <see cref="Found"/> is true the passage equals the quote after normalisation and <see cref="Similarity"/> is 1;
/// otherwise it is the most similar passage (null when there is none, e.g. for an empty quote) and
/// <see cref="Similarity"/> is 1 − editDistance / max(quoteLength, passageLength) on normalised text.
/// </summary>
public sealed record QuoteMatch(bool Found, int Start, int Length, string? ClosestPassage, double Similarity)
{
    /// <summary>Nothing to report: an empty quote, or no comparable passage.</summary>
    public static QuoteMatch None { get; } = new(false, 0, 0, null, 0);
}
