
namespace EvidenceTracker.Loading;

public sealed record FieldSpec(string Name, FieldKind Kind, string Description, bool Required = false, IReadOnlyList<string>? Choices = null);
