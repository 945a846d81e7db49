using EvidenceTracker.Storage;

namespace EvidenceTracker.Authoring;

/// <summary>Settings shared by <c>mv</c> and <c>rm</c>.</summary>
public sealed record RepositoryEditSettings
{
    public required string Root { get; init; }
    /// <summary>The id to rename or remove.</summary>
    public required string Id { get; init; }
    /// <summary>For <c>mv</c>: the new id.</summary>
    public string? NewId { get; init; }
    /// <summary>For <c>rm</c>: also remove the references to a source.</summary>
    public bool Force { get; init; }
    /// <summary><c>claim</c> or <c>source</c> where one id names both; null to find it.</summary>
    public string? Kind { get; init; }
    public TimeSpan? LockTimeout { get; init; }
    /// <summary>The file-system steps (tests inject failures); the disk when null.</summary>
    public IFileSteps? Steps { get; init; }
}
