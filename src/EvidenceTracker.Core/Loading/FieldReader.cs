using EvidenceTracker.Diagnostics;
using EvidenceTracker.Model;
using EvidenceTracker.Yaml;

namespace EvidenceTracker.Loading;

/// <summary>
/// Reads the fields of one YAML mapping against a list of known fields, reporting every problem as a
/// <c>schema</c> finding at the key or value it concerns: unknown fields (with "did you mean"), wrong types,
/// missing or empty required fields, malformed values.
/// </summary>
internal sealed class FieldReader
{
    // A file has a handful of fields, each once (the tree reader refuses duplicate keys): a list searched in order
    // costs less than a dictionary built for every claim, citation and source.
    private readonly List<KeyValuePair<YScalar, YNode>> _fields;
    private readonly FindingSink _sink;
    private readonly string _what;

    public FieldReader(YMapping mapping, FindingSink sink, string what, IReadOnlyList<string> known, FieldPositions? positions = null)
    {
        Mapping = mapping;
        _sink = sink;
        _what = what;
        _fields = new List<KeyValuePair<YScalar, YNode>>(mapping.Entries.Count);
        foreach (var entry in mapping.Entries)
        {
            var name = entry.Key.Value;
            if (!known.Contains(name))
            {
                var hint = Values.Nearest(name, known);
                sink.Add(Rules.Schema, hint is null
                    ? $"unknown field '{name}' in {what}; known fields: {string.Join(", ", known)}"
                    : $"unknown field '{name}' in {what}; did you mean '{hint}'?", entry.Key.Start);
                continue;
            }
            _fields.Add(entry);
            positions?.Set(name, entry.Key.Start, entry.Value.Start);
        }
    }

    public YMapping Mapping { get; }

    private bool TryGet(string name, out KeyValuePair<YScalar, YNode> entry)
    {
        foreach (var e in _fields)
        {
            if (string.Equals(e.Key.Value, name, StringComparison.Ordinal))
            {
                entry = e;
                return true;
            }
        }
        entry = default;
        return false;
    }

    public bool Has(string name) => TryGet(name, out _);

    public Position? KeyPosition(string name) => TryGet(name, out var e) ? e.Key.Start : null;

    public Position? ValuePosition(string name) => TryGet(name, out var e) ? e.Value.Start : null;

    /// <summary>A text field; null when absent or null. Reports a list or mapping where text is expected.</summary>
    public string? Text(string name, bool required = false)
    {
        if (!TryGet(name, out var entry))
        {
            if (required)
            {
                _sink.Add(Rules.Schema, $"{_what} is missing the required field '{name}'", Mapping.Start);
            }
            return null;
        }
        if (entry.Value is not YScalar scalar)
        {
            _sink.Add(Rules.Schema, $"field '{name}' must be text, not {entry.Value.KindName}", entry.Value.Start);
            return null;
        }
        if (scalar.IsNull || (required && string.IsNullOrWhiteSpace(scalar.Value)))
        {
            if (required)
            {
                _sink.Add(Rules.Schema, $"required field '{name}' is empty", entry.Value.Start);
            }
            return null;
        }
        Controls(name, scalar);
        return scalar.Value;
    }

    /// <summary>Control characters but tab and line feed (ESC, BEL, NUL, carriage return, DEL, C1).</summary>
    private static readonly System.Buffers.SearchValues<char> ControlCharacters = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0xA0).Select(i => (char)i).Where(c => char.IsControl(c) && c is not ('\t' or '\n'))]);

    /// <summary>
    /// A value holding a control character (typed as a YAML escape, or taken from a web page) is reported: text reports
    /// show it escaped, the site and the exports leave it out, so what the file says is not what readers see.
    /// </summary>
    private void Controls(string name, YScalar scalar)
    {
        var at = scalar.Value.AsSpan().IndexOfAny(ControlCharacters);
        if (at >= 0)
        {
            _sink.Add(Rules.Schema, Severity.Warning,
                $"field '{name}' holds a control character (U+{(int)scalar.Value[at]:X4}); reports show it escaped and the site and exports leave it out: remove it",
                scalar.Start);
        }
    }

    /// <summary>A text field checked by <paramref name="problem"/> (returns a message or null).</summary>
    public string? Checked(string name, Func<string, string?> problem, bool required = false)
    {
        var value = Text(name, required);
        if (value is null)
        {
            return null;
        }
        var message = problem(value);
        if (message is not null)
        {
            _sink.Add(Rules.Schema, $"field '{name}': {message}", ValuePosition(name));
        }
        return value;
    }

    /// <summary>One of a fixed set of names; reports others with "did you mean".</summary>
    public string? Choice(string name, string[] allowed, bool required = false) =>
        Checked(name, v => allowed.Contains(v) ? null : Values.Nearest(v, allowed) is { } hint
            ? $"'{v}' is not one of {string.Join(", ", allowed)}; did you mean '{hint}'?"
            : $"'{v}' is not one of {string.Join(", ", allowed)}", required);

    /// <summary>A list of text items; a single text value is reported, not silently wrapped.</summary>
    public IReadOnlyList<(string Value, Position At)> TextList(string name)
    {
        if (!TryGet(name, out var entry))
        {
            return [];
        }
        if (entry.Value is YScalar { IsNull: true })
        {
            return [];
        }
        if (entry.Value is not YSequence seq)
        {
            _sink.Add(Rules.Schema, $"field '{name}' must be a list (for example [a, b] or lines starting with '- '), not {entry.Value.KindName}", entry.Value.Start);
            return [];
        }
        var items = new List<(string, Position)>(seq.Items.Count);
        foreach (var item in seq.Items)
        {
            if (item is YScalar s && !s.IsNull && !string.IsNullOrWhiteSpace(s.Value))
            {
                Controls(name, s);
                items.Add((s.Value, s.Start));
            }
            else
            {
                _sink.Add(Rules.Schema, $"each item of '{name}' must be non-empty text, not {item.KindName}", item.Start);
            }
        }
        return items;
    }

    /// <summary>A list of mappings (such as citations); other items are reported.</summary>
    public IReadOnlyList<YMapping> MappingList(string name)
    {
        if (!TryGet(name, out var entry) || entry.Value is YScalar { IsNull: true })
        {
            return [];
        }
        if (entry.Value is not YSequence seq)
        {
            _sink.Add(Rules.Schema, $"field '{name}' must be a list, not {entry.Value.KindName}", entry.Value.Start);
            return [];
        }
        var items = new List<YMapping>(seq.Items.Count);
        foreach (var item in seq.Items)
        {
            if (item is YMapping m)
            {
                items.Add(m);
            }
            else
            {
                _sink.Add(Rules.Schema, $"each item of '{name}' must be a mapping with named fields, not {item.KindName}", item.Start);
            }
        }
        return items;
    }

    public YMapping? ChildMapping(string name)
    {
        if (!TryGet(name, out var entry) || entry.Value is YScalar { IsNull: true })
        {
            return null;
        }
        if (entry.Value is YMapping m)
        {
            return m;
        }
        _sink.Add(Rules.Schema, $"field '{name}' must be a mapping, not {entry.Value.KindName}", entry.Value.Start);
        return null;
    }
}
