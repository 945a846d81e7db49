using EvidenceTracker.Diagnostics;
using YamlDotNet.Core.Events;

namespace EvidenceTracker.Yaml;

public sealed class YSequence(Position start, IReadOnlyList<YNode> items, Position end, bool isFlow) : YNode(start)
{
    public IReadOnlyList<YNode> Items { get; } = items;

    /// <summary>Where the sequence ends: the closing bracket of a flow sequence; the next token after a block one.</summary>
    public Position End { get; } = end;

    /// <summary>Written in brackets (<c>[a, b]</c>) rather than as <c>- </c> lines.</summary>
    public bool IsFlow { get; } = isFlow;

    public override string KindName => "a list";
}
