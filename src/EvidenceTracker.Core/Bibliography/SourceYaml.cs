using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EvidenceTracker.Bibliography;

/// <summary>Writes source files: the contract's field order, plain scalars where YAML reads them back as the same text, double quotes otherwise.</summary>
internal static partial class SourceYaml
{
    [GeneratedRegex(@"^\d{4}(-\d{2}(-\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateLike();

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n", ".nan", ".inf", "-.inf", "+.inf",
    };

    /// <summary>The fields of a source in file order, as (name, scalar or list) pairs; null values are left out.</summary>
    public static string Render(IEnumerable<(string Name, object? Value)> fields)
    {
        var sb = new StringBuilder(512);
        foreach (var (name, value) in fields)
        {
            AppendField(sb, name, value);
        }
        return sb.ToString();
    }

    public static void AppendField(StringBuilder sb, string name, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case string s:
                sb.Append(name).Append(": ").Append(Scalar(s)).Append('\n');
                return;
            case IReadOnlyList<string> list when list.Count == 0:
                return;
            case IReadOnlyList<string> list:
                sb.Append(name).Append(":\n");
                foreach (var item in list)
                {
                    sb.Append("  - ").Append(Scalar(item)).Append('\n');
                }
                return;
            default:
                throw new ArgumentException($"unsupported value for {name}", nameof(value));
        }
    }

    /// <summary>A YAML scalar that reads back as exactly <paramref name="text"/>.</summary>
    public static string Scalar(string text)
    {
        if (DateLike().IsMatch(text))
        {
            return text;
        }
        return IsPlainSafe(text) ? text : DoubleQuoted(text);
    }

    private static bool IsPlainSafe(string s)
    {
        if (s.Length == 0 || s.Length > 200 || Reserved.Contains(s))
        {
            return false;
        }
        var first = s[0];
        if ("-?:,[]{}#&*!|>'\"%@`".Contains(first, StringComparison.Ordinal) || char.IsWhiteSpace(first) || char.IsWhiteSpace(s[^1]))
        {
            return false;
        }
        if (char.IsAsciiDigit(first) || first is '+' or '.')
        {
            return false; // numbers, versions, dates: quoted so they stay text
        }
        if (s.EndsWith(':') || s.Contains(": ", StringComparison.Ordinal) || s.Contains(" #", StringComparison.Ordinal))
        {
            return false;
        }
        foreach (var c in s)
        {
            if (char.IsControl(c) || c is '\u0085' or '\u2028' or '\u2029' or '\uFEFF' || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                return false;
            }
        }
        return true;
    }

    public static string DoubleQuoted(string s) => Authoring.YamlText.Quoted(s);
}
