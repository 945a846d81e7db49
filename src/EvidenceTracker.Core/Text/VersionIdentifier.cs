namespace EvidenceTracker.Text;

/// <summary>
/// A version or model number found by <see cref="FigureExtractor.ExtractVersions"/>: a name and the version it gives
/// (QNX 8.0 → QNX, 8.0; GPT-4o → GPT, 4o; iOS 17 → iOS, 17; H100 → H, 100; Kubernetes v1.28 → Kubernetes, 1.28).
/// Compared as identifiers, never as quantities: <see cref="SameVersion"/>.
/// </summary>
public sealed record VersionIdentifier
{
    /// <summary>The name the version belongs to, as written.</summary>
    public required string Name { get; init; }

    /// <summary>The version, lower-cased, without a leading "v".</summary>
    public required string Version { get; init; }

    /// <summary>Offset of <see cref="Text"/> in the input.</summary>
    public required int Start { get; init; }

    /// <summary>The name and version as written (QNX 8.0, GPT-4o).</summary>
    public required string Text { get; init; }

    /// <summary>True when both name one thing (the same name, case aside).</summary>
    public bool SameName(VersionIdentifier other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// True when <paramref name="quote"/> states this version: the same name and version, or a release of it
    /// (a quote's iOS 17.2 states iOS 17; its QNX 8.0 does not state QNX 8.5, nor GPT-4o GPT-4).
    /// </summary>
    public bool SameVersion(VersionIdentifier quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        return SameName(quote) && (quote.Version == Version || quote.Version.StartsWith(Version + ".", StringComparison.Ordinal));
    }
}
