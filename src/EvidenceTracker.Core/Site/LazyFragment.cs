namespace EvidenceTracker.Site;

/// <summary>
/// A fragment whose children are made only as it is written, one at a time, and let go once written: a table with a row
/// per claim is written without the tree of its 100,000 rows ever existing at once. Each child is a <see cref="Node"/>
/// like any other, so its text and attributes are encoded as they are everywhere else. The sequence is enumerated each
/// time the fragment is written.
/// </summary>
public sealed class LazyFragment(IEnumerable<Node?> children) : Node
{
    public override void WriteTo(TextWriter writer)
    {
        foreach (var c in children)
        {
            c?.WriteTo(writer);
        }
    }
}
