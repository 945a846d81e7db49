using EvidenceTracker.Diagnostics;
using YamlDotNet.Core;

namespace EvidenceTracker.Yaml;

public sealed class YScalar(Position start, string value, ScalarStyle style, Position end) : YNode(start)
{
    public string Value { get; } = value;
    public ScalarStyle Style { get; } = style;
    public Position End { get; } = end;

    /// <summary>A plain scalar that YAML reads as null: empty, <c>~</c> or <c>null</c>.</summary>
    public bool IsNull => Style == ScalarStyle.Plain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string KindName => IsNull ? "nothing (null)" : "a text value";
}
