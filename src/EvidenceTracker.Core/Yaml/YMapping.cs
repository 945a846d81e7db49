using EvidenceTracker.Diagnostics;
using YamlDotNet.Core.Events;

namespace EvidenceTracker.Yaml;

public sealed class YMapping(Position start, IReadOnlyList<KeyValuePair<YScalar, YNode>> entries, bool isFlow = false) : YNode(start)
{
    public bool IsFlow { get; } = isFlow;

    public IReadOnlyList<KeyValuePair<YScalar, YNode>> Entries { get; } = entries;

    public override string KindName => "a mapping";
}
