using EvidenceTracker.Diagnostics;
using YamlDotNet.Core.Events;

namespace EvidenceTracker.Yaml;

/// <summary>A YAML node with the position of its first character.</summary>
public abstract class YNode(Position start)
{
    public Position Start { get; } = start;

    public abstract string KindName { get; }
}
