namespace EvidenceTracker.Site;

/// <summary>What <see cref="SiteLabels.Count"/> counts.</summary>
internal enum Noun { Claim, Source, Article, Error, Warning, Note, TrackedClaim }
