
namespace EvidenceTracker.Model;

/// <summary>
/// One entry of a <c>suppress:</c> list: findings of <see cref="Rule"/> kept on purpose, with the reason. In a claim or
/// source it covers that claim's or source's findings; in <c>evidence.yaml</c> the findings in <see cref="File"/>
/// (relative to the root) whose message contains <see cref="Match"/>, when given.
/// </summary>
public sealed record Suppression(string Rule, string Reason)
{
    public string? File { get; init; }
    public string? Match { get; init; }
}
