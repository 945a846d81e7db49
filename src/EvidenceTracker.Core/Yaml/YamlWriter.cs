using System.Text;

namespace EvidenceTracker.Yaml;

/// <summary>
/// Builds the YAML mapping of a file the tool creates, line by line, in the order the fields are given; every scalar
/// goes through <see cref="YamlScalarWriter"/>. Null values and empty lists are left out.
/// </summary>
public sealed class YamlWriter(string newline = "\n")
{
    /// <summary>The fields of a source that hold a date, written plain in the contract's date forms.</summary>
    public static bool IsDateField(string key) => key is "date" or "accessed" or "archived";

    private readonly StringBuilder _sb = new();

    public YamlWriter Comment(string text)
    {
        _sb.Append("# ").Append(text).Append(newline);
        return this;
    }

    /// <summary>A field: plain where safe, else double-quoted (<see cref="YamlScalarWriter.Scalar"/>).</summary>
    public YamlWriter Field(string key, string? value, bool date = false, int indent = 0)
    {
        if (value is not null)
        {
            Key(key, indent).Append(YamlScalarWriter.Scalar(value, date: date)).Append(newline);
        }
        return this;
    }

    /// <summary>A field of free text, always double-quoted (so that a reader sees at once where it ends).</summary>
    public YamlWriter Text(string key, string? value, int indent = 0)
    {
        if (value is not null)
        {
            Key(key, indent).Append(YamlScalarWriter.Quoted(value)).Append(newline);
        }
        return this;
    }

    /// <summary>A list on one line: <c>key: [a, b]</c>.</summary>
    public YamlWriter FlowList(string key, IReadOnlyCollection<string> values)
    {
        if (values.Count > 0)
        {
            _sb.Append(key).Append(": [").AppendJoin(", ", values.Select(v => YamlScalarWriter.Scalar(v, flow: true))).Append(']').Append(newline);
        }
        return this;
    }

    /// <summary>A list of scalars, one item a line; <paramref name="quoted"/>: every item double-quoted.</summary>
    public YamlWriter BlockList(string key, IReadOnlyCollection<string> values, bool quoted = false)
    {
        if (values.Count > 0)
        {
            Open(key);
            foreach (var v in values)
            {
                _sb.Append("  - ").Append(quoted ? YamlScalarWriter.Quoted(v) : YamlScalarWriter.Scalar(v)).Append(newline);
            }
        }
        return this;
    }

    /// <summary>A key opening a block (a list or mapping follows).</summary>
    public YamlWriter Open(string key)
    {
        _sb.Append(key).Append(':').Append(newline);
        return this;
    }

    /// <summary>A list item that is a mapping, with its first field: <c>  - key: value</c>.</summary>
    public YamlWriter Item(string key, string value)
    {
        _sb.Append("  - ").Append(key).Append(": ").Append(YamlScalarWriter.Scalar(value)).Append(newline);
        return this;
    }

    /// <summary>Text written as it is (an existing document the fields are appended to).</summary>
    public YamlWriter Raw(string text)
    {
        _sb.Append(text);
        return this;
    }

    public override string ToString() => _sb.ToString();

    private StringBuilder Key(string key, int indent) => _sb.Append(' ', indent).Append(key).Append(": ");
}
