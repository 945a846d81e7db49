using System.Globalization;
using System.Text;

namespace EvidenceTracker.Authoring;

/// <summary>Writes YAML scalars and the claim and source files the tool creates.</summary>
public static class YamlText
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    };

    /// <summary>A scalar: plain where YAML reads it back as the same text, else double-quoted.</summary>
    public static string Scalar(string value, bool flow = false, bool allowDate = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        return IsPlainSafe(value, flow, allowDate) ? value : Quoted(value);
    }

    /// <summary>A double-quoted YAML scalar: backslash, quote, control and line-separator characters escaped.</summary>
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
                    if (c < ' ' || c == '\u007F' || c == '\uFEFF' || (char.IsSurrogate(c) && !IsPairAt(value, i)))
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

    private static bool IsPairAt(string s, int i) =>
        char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);

    private static bool IsPlainSafe(string v, bool flow, bool allowDate)
    {
        if (v.Length == 0 || char.IsWhiteSpace(v[0]) || char.IsWhiteSpace(v[^1]) || Reserved.Contains(v))
        {
            return false;
        }
        if ("-?:,[]{}#&*!|>'\"%@`".Contains(v[0], StringComparison.Ordinal))
        {
            return false;
        }
        if (v.Contains(": ", StringComparison.Ordinal) || v.Contains(" #", StringComparison.Ordinal) || v.EndsWith(':'))
        {
            return false;
        }
        if (flow && v.AsSpan().IndexOfAny(",[]{}") >= 0)
        {
            return false;
        }
        foreach (var ch in v)
        {
            if (char.IsControl(ch) || ch is '\u2028' or '\u2029' or '\uFEFF' or '\u0085')
            {
                return false;
            }
        }
        // Numbers and dates would be read as such by other YAML tools: quote them, except dates where wanted.
        var looksNumeric = double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            || v.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || v.StartsWith("0o", StringComparison.OrdinalIgnoreCase)
            || v is ".inf" or "-.inf" or ".nan" or ".NaN" or ".Inf";
        var looksDate = System.Text.RegularExpressions.Regex.IsMatch(v, @"^\d{4}-\d\d?-\d\d?", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        return !looksNumeric && (!looksDate || allowDate);
    }

    /// <summary>Builds a YAML mapping line by line, in the contract's field order.</summary>
    public sealed class Document(string newline = "\n")
    {
        private readonly StringBuilder _sb = new();

        public Document Comment(string text)
        {
            _sb.Append("# ").Append(text).Append(newline);
            return this;
        }

        public Document Field(string key, string? value, bool date = false, string indent = "")
        {
            if (value is not null)
            {
                _sb.Append(indent).Append(key).Append(": ").Append(Scalar(value, allowDate: date)).Append(newline);
            }
            return this;
        }

        public Document FlowList(string key, IReadOnlyCollection<string> values)
        {
            if (values.Count > 0)
            {
                _sb.Append(key).Append(": [").AppendJoin(", ", values.Select(v => Scalar(v, flow: true))).Append(']').Append(newline);
            }
            return this;
        }

        public Document BlockList(string key, IReadOnlyCollection<string> values)
        {
            if (values.Count > 0)
            {
                _sb.Append(key).Append(':').Append(newline);
                foreach (var v in values)
                {
                    _sb.Append("  - ").Append(Scalar(v)).Append(newline);
                }
            }
            return this;
        }

        public Document Raw(string text)
        {
            _sb.Append(text);
            return this;
        }

        public override string ToString() => _sb.ToString();
    }
}
