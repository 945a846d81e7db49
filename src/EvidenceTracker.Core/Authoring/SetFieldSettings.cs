using EvidenceTracker.Model;

namespace EvidenceTracker.Authoring;

/// <summary>What <c>evidence set</c> changes: one field of one claim or source.</summary>
public sealed record SetFieldSettings
{
    public required string Root { get; init; }
    public required string Id { get; init; }
    /// <summary>A top-level field (<c>statement</c>, <c>tags</c>…) or a citation's field as <c>citations[SOURCE].quote</c>.</summary>
    public required string Field { get; init; }
    /// <summary>The new value (one for a scalar field; the whole list for a list field).</summary>
    public IReadOnlyList<string> Values { get; init; } = [];
    /// <summary>Remove the field instead of setting it.</summary>
    public bool Clear { get; init; }
    /// <summary><c>claim</c> or <c>source</c> where one id names both; null to find it.</summary>
    public string? Kind { get; init; }
    public TimeSpan? LockTimeout { get; init; }
}
