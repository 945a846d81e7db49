namespace EvidenceTracker.Model;

/// <summary>
/// Claims drafted by <c>evidence import</c> carry a placeholder statement; <c>check</c> reports each one (rule
/// <c>schema</c>, severity warning) until a person states the claim in their own words.
/// </summary>
public static class Drafts
{
    public const string Statement = "TODO: state the claim in your own words";

    public const string Message = "statement is a draft placeholder; write the claim in your own words";

    public static bool IsPlaceholder(string? statement) =>
        statement is not null && statement.TrimStart().StartsWith("TODO:", StringComparison.OrdinalIgnoreCase);
}
