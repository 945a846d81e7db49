using EvidenceTracker.Diagnostics;

namespace EvidenceTracker.Model;

/// <summary>Positions of a file's fields: the key and the value of each top-level field.</summary>
public sealed class FieldPositions
{
    // Kept for every claim and source of a repository: a short array (a field appears once per file) weighs a
    // third of a dictionary, and one object less than a list.
    private (string Field, Position Key, Position Value)[] _list = [];
    private int _count;

    public static readonly FieldPositions Empty = new();

    internal void Set(string field, Position key, Position value)
    {
        var i = IndexOf(field);
        if (i >= 0)
        {
            _list[i] = (field, key, value);
            return;
        }
        if (_count == _list.Length)
        {
            Array.Resize(ref _list, Math.Max(8, _count * 2));
        }
        _list[_count++] = (field, key, value);
    }

    public Position? Key(string field) => IndexOf(field) is var i and >= 0 ? _list[i].Key : null;

    public Position? Value(string field) => IndexOf(field) is var i and >= 0 ? _list[i].Value : null;

    private int IndexOf(string field)
    {
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_list[i].Field, field, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }
}
