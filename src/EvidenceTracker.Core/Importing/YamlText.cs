using System.Globalization;
using System.Text;

namespace EvidenceTracker.Importing;

/// <summary>
/// Writes the claim and source files that import creates. Free text is always double-quoted with YAML escapes;
/// ids, dates, types and language tags (validated values) and simple URLs are written plain.
/// </summary>
public sealed class YamlText
{
    private readonly StringBuilder _sb = new();

    /// <summary>A field whose value is free text (always quoted).</summary>
    public YamlText Text(string key, string? value, int indent = 0)
    {
        if (value is not null)
        {
            Key(key, indent).Append(Quote(value)).Append('\n');
        }
        return this;
    }

    /// <summary>A field whose value is a slug, date, type or language tag: plain when safe, else quoted.</summary>
    public YamlText Plain(string key, string? value, int indent = 0)
    {
        if (value is not null)
        {
            Key(key, indent).Append(IsPlainSafe(value) ? value : Quote(value)).Append('\n');
        }
        return this;
    }

    /// <summary>A key opening a block (a list or mapping follows).</summary>
    public YamlText Open(string key)
    {
        _sb.Append(key).Append(":\n");
        return this;
    }

    /// <summary>A list item that is a mapping, with its first field.</summary>
    public YamlText Item(string key, string value)
    {
        _sb.Append("  - ").Append(key).Append(": ").Append(IsPlainSafe(value) ? value : Quote(value)).Append('\n');
        return this;
    }

    /// <summary>A list item that is free text (always quoted).</summary>
    public YamlText ListItem(string value)
    {
        _sb.Append("  - ").Append(Quote(value)).Append('\n');
        return this;
    }

    public override string ToString() => _sb.ToString();

    private StringBuilder Key(string key, int indent) => _sb.Append(' ', indent).Append(key).Append(": ");

    /// <summary>Plain scalars only for values that YAML reads back as the same text and never as another type.</summary>
    public static bool IsPlainSafe(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0 || !char.IsAsciiLetterOrDigit(value[0]))
        {
            return false;
        }
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '/' or ':' or '_' or '~' or '?' or '=' or '&' or '%' or '+'))
            {
                return false;
            }
        }
        if (value.EndsWith(':') || value.Contains(": ", StringComparison.Ordinal))
        {
            return false;
        }
        // Words and numbers that YAML 1.1/1.2 would read as booleans, nulls or numbers.
        var lower = value.ToLowerInvariant();
        if (lower is "true" or "false" or "yes" or "no" or "on" or "off" or "y" or "n" or "null" or "nan" or ".nan" or ".inf")
        {
            return false;
        }
        return !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
               && !(value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || value.StartsWith("0o", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A double-quoted YAML scalar (the one escape of the project: <see cref="Authoring.YamlText.Quoted"/>).</summary>
    public static string Quote(string value) => Authoring.YamlText.Quoted(value);
}
