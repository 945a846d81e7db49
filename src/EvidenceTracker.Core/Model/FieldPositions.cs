using EvidenceTracker.Diagnostics;

namespace EvidenceTracker.Model;

/// <summary>Positions of a file's fields: the key and the value of each top-level field.</summary>
public sealed class FieldPositions
{
    // Kept for every claim and source of a repository: a short list (a field appears once per file) weighs a
    // third of a dictionary.
    private readonly List<(string Field, Position Key, Position Value)> _list = new(8);

    public static readonly FieldPositions Empty = new();

    internal void Set(string field, Position key, Position value)
    {
        var i = IndexOf(field);
        if (i >= 0)
        {
            _list[i] = (field, key, value);
        }
        else
        {
            _list.Add((field, key, value));
        }
    }

    public Position? Key(string field) => IndexOf(field) is var i and >= 0 ? _list[i].Key : null;

    public Position? Value(string field) => IndexOf(field) is var i and >= 0 ? _list[i].Value : null;

    private int IndexOf(string field)
    {
        for (var i = 0; i < _list.Count; i++)
        {
            if (string.Equals(_list[i].Field, field, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }
}
