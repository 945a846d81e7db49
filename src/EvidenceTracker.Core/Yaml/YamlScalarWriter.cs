using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EvidenceTracker.Yaml;

/// <summary>
/// The one way the tool writes a YAML scalar. A value is written plain only when every YAML reader — 1.1 or 1.2, this
/// project's own or another tool's — reads it back as the same text: not a null, boolean, number or timestamp, no
/// indicator or line break, nothing that a reader trims, folds or refuses. Everything else is double-quoted with YAML
/// escapes, which round-trips every string, NUL and control characters included; only a lone surrogate (which neither
/// YAML nor UTF-8 can hold) is written as U+FFFD.
/// </summary>
public static partial class YamlScalarWriter
{
    /// <summary>Words that YAML 1.1 or 1.2 reads as a null or a boolean (compared case-insensitively), and the
    /// 1.1 merge and value keys.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n", "<<", "=",
    };

    /// <summary>The integers and floats of YAML 1.1 (underscores, sexagesimal, 0b/0x/0 prefixes) and of the 1.2 core
    /// schema (0o, exponents without a dot), with .inf and .nan in any case.</summary>
    [GeneratedRegex(
        @"^[-+]?(?:[0-9][0-9_]*(?::[0-5]?[0-9])*(?:\.[0-9_]*)?|\.[0-9_]+)(?:[eE][-+]?[0-9]+)?$"
        + @"|^[-+]?0(?:b[01_]+|x[0-9a-fA-F_]+|o[0-7_]+)$"
        + @"|^[-+]?\.(?:inf|nan)$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NumberLike();

    /// <summary>A YAML 1.1 timestamp: a date, or a date and time.</summary>
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex TimestampLike();

    /// <summary>The contract's date forms: <c>2024</c>, <c>2024-05</c>, <c>2024-05-30</c>.</summary>
    [GeneratedRegex(@"^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ContractDate();

    /// <summary>A scalar: plain where YAML reads it back as the same text (<see cref="IsPlainSafe"/>), else double-quoted.</summary>
    /// <param name="value">The text.</param>
    /// <param name="flow">Written inside a flow collection (<c>[a, b]</c>, <c>{k: v}</c>), where <c>,[]{}</c> end a plain scalar.</param>
    /// <param name="date">A date field: a date of the contract's form (<c>2024</c>, <c>2024-05</c>, <c>2024-05-30</c>) stays
    /// plain — this project reads it as text, other tools as the date it is.</param>
    public static string Scalar(string value, bool flow = false, bool date = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        return (date && ContractDate().IsMatch(value)) || IsPlainSafe(value, flow) ? value : Quoted(value);
    }

    /// <summary>A double-quoted YAML scalar: backslash, quote, line breaks, control characters and the BOM escaped; a lone
    /// surrogate, which no YAML file can hold, replaced by U+FFFD; everything else as it is.</summary>
    public static string Quoted(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '"': sb.Append("\\\""); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\0': sb.Append("\\0"); break;
                case '\u0085': sb.Append("\\N"); break;
                case '\u00A0': sb.Append("\\_"); break;
                case '\u2028': sb.Append("\\L"); break;
                case '\u2029': sb.Append("\\P"); break;
                default:
                    if (char.IsSurrogate(c) && !IsPairAt(value, i))
                    {
                        // YAML has no escape for a lone surrogate (readers refuse \uD800): it becomes U+FFFD, as UTF-8 would make it.
                        sb.Append('\uFFFD');
                    }
                    else if (c < ' ' || c is '\u007F' or '\uFEFF' or '\uFFFE' or '\uFFFF' || (c is >= '\u0080' and <= '\u009F'))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else if (char.IsHighSurrogate(c))
                    {
                        sb.Append(c).Append(value[++i]);
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    /// <summary>Whether <paramref name="value"/> can be written plain and read back, by any YAML reader, as the same text.</summary>
    public static bool IsPlainSafe(string value, bool flow = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) || Reserved.Contains(value))
        {
            return false;
        }
        // An indicator first: a sequence, mapping, anchor, alias, tag, block scalar, quote, directive or reserved character.
        if ("-?:,[]{}#&*!|>'\"%@`".Contains(value[0], StringComparison.Ordinal))
        {
            return false;
        }
        if (value.StartsWith("...", StringComparison.Ordinal)
            || value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal) || value.EndsWith(':'))
        {
            return false;
        }
        if (flow && value.AsSpan().IndexOfAny(",[]{}") >= 0)
        {
            return false;
        }
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            // Line breaks, tabs and other controls, the BOM, non-characters and lone surrogates: only a quoted scalar holds them.
            if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF' || (char.IsSurrogate(c) && !IsPairAt(value, i) && !IsPairAt(value, i - 1)))
            {
                return false;
            }
        }
        return !NumberLike().IsMatch(value) && !TimestampLike().IsMatch(value);
    }

    private static bool IsPairAt(string s, int i) =>
        i >= 0 && char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);
}
