using System.Text;
using EvidenceTracker.Text;

namespace EvidenceTracker.Bibliography;

/// <summary>
/// One author. A source stores it as text: <c>Family, Given</c>, <c>Family, Suffix, Given</c> (BibTeX's
/// <c>von Last, Jr, First</c> order), or a literal name (an organisation, or a single name) with no comma; a
/// literal that contains a comma is stored in braces: <c>{PIN, University of Florence}</c>.
/// </summary>
public sealed record PersonName
{
    /// <summary>The family name, with its particle ("van der Berg").</summary>
    public string? Family { get; init; }
    public string? Given { get; init; }
    public string? Suffix { get; init; }
    /// <summary>An organisation or a name that is not split into parts.</summary>
    public string? Literal { get; init; }

    public bool IsLiteral => Literal is not null;

    /// <summary>Chinese, Japanese or Korean script: family and given are written together, never initialised.</summary>
    public bool IsCjk => (Family ?? Literal ?? "").Any(CharInfo.IsCjk) || (Given ?? "").Any(CharInfo.IsCjk);

    public static PersonName Of(string family, string? given, string? suffix = null) =>
        new() { Family = family, Given = string.IsNullOrWhiteSpace(given) ? null : given, Suffix = string.IsNullOrWhiteSpace(suffix) ? null : suffix };

    public static PersonName OfLiteral(string literal) => new() { Literal = literal };

    /// <summary>Reads the stored text form.</summary>
    public static PersonName Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.Length > 1 && t[0] == '{' && t[^1] == '}')
        {
            return OfLiteral(t[1..^1].Trim());
        }
        var parts = t.Split(',');
        for (var k = 0; k < parts.Length; k++)
        {
            parts[k] = parts[k].Trim();
        }
        return parts.Length switch
        {
            2 when parts[0].Length > 0 => Of(parts[0], parts[1]),
            3 when parts[0].Length > 0 => Of(parts[0], parts[2], parts[1]),
            _ => OfLiteral(t),
        };
    }

    /// <summary>The stored text form.</summary>
    public override string ToString()
    {
        if (Literal is not null)
        {
            return Literal.Contains(',', StringComparison.Ordinal) ? "{" + Literal + "}" : Literal;
        }
        if (Given is null && Suffix is null)
        {
            return Family ?? "";
        }
        return Suffix is null ? $"{Family}, {Given}" : $"{Family}, {Suffix}, {Given ?? ""}".TrimEnd(' ', ',');
    }

    /// <summary>Initials of the given names: "Jean-Paul Kai" → ["J", "-P", "K"] joined by the caller's rules.</summary>
    public IReadOnlyList<string> Initials()
    {
        var result = new List<string>();
        if (Given is null)
        {
            return result;
        }
        foreach (var word in Given.Split([' ', '\u00A0'], StringSplitOptions.RemoveEmptyEntries))
        {
            // "J.R.R." is three initials, "J.-P." and "Jean-Paul" are J and -P
            foreach (var piece in word.Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                var hyphenParts = piece.Split('-');
                for (var h = 0; h < hyphenParts.Length; h++)
                {
                    var p = hyphenParts[h];
                    if (p.Length == 0 || !char.IsLetter(p[0]))
                    {
                        continue;
                    }
                    var letter = char.ToUpperInvariant(p[0]).ToString();
                    result.Add(h == 0 ? letter : "-" + letter);
                }
            }
        }
        return result;
    }
}

/// <summary>BibTeX name lists: <c>and</c>-separated names in <c>First von Last</c>, <c>von Last, First</c> or <c>von Last, Jr, First</c> form.</summary>
internal static class BibNames
{
    /// <summary>Splits a raw (undecoded) name list on <c>and</c> outside braces; <c>and others</c> is dropped.</summary>
    public static List<PersonName> ParseList(string raw, out bool truncated)
    {
        truncated = false;
        var names = new List<PersonName>();
        foreach (var part in SplitAnd(raw))
        {
            var p = part.Trim();
            if (p.Length == 0)
            {
                continue;
            }
            if (p.Equals("others", StringComparison.OrdinalIgnoreCase))
            {
                truncated = true;
                continue;
            }
            if (ParseName(p) is { } name)
            {
                names.Add(name);
            }
        }
        return names;
    }

    private static List<string> SplitAnd(string raw)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0 && char.IsWhiteSpace(c) && i + 4 < raw.Length
                && (raw[i + 1] is 'a' or 'A') && (raw[i + 2] is 'n' or 'N') && (raw[i + 3] is 'd' or 'D') && char.IsWhiteSpace(raw[i + 4]))
            {
                parts.Add(raw[start..i]);
                i += 4;
                start = i;
            }
        }
        parts.Add(raw[start..]);
        return parts;
    }

    /// <summary>Splits at depth-0 commas, then at depth-0 white space, keeping braces.</summary>
    private static List<List<string>> Tokens(string raw)
    {
        var groups = new List<List<string>> { new() };
        var depth = 0;
        var word = new StringBuilder();
        void Flush()
        {
            if (word.Length > 0)
            {
                groups[^1].Add(word.ToString());
                word.Clear();
            }
        }
        foreach (var c in raw)
        {
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                depth = Math.Max(0, depth - 1);
            }
            if (depth == 0 && c == ',')
            {
                Flush();
                groups.Add([]);
                continue;
            }
            if (depth == 0 && (char.IsWhiteSpace(c) || c == '~'))
            {
                Flush();
                continue;
            }
            word.Append(c);
        }
        Flush();
        return groups;
    }

    /// <summary>Whether a name word starts lowercase (a von particle), by BibTeX's rule: the first letter at brace depth 0,
    /// or the letter after a control sequence in a special character <c>{\'e}</c>; other braced words count as uppercase.</summary>
    private static bool IsLower(string word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c == '{')
            {
                if (CharInfo.At(word, i + 1, '\\'))
                {
                    var decoded = Latex.Decode(word[i..]);
                    return decoded.Length > 0 && char.IsLetter(decoded[0]) && char.IsLower(decoded[0]);
                }
                return false;
            }
            if (c == '\\')
            {
                var decoded = Latex.Decode(word[i..]);
                return decoded.Length > 0 && char.IsLetter(decoded[0]) && char.IsLower(decoded[0]);
            }
            if (char.IsLetter(c))
            {
                return char.IsLower(c);
            }
        }
        return false;
    }

    public static PersonName? ParseName(string raw)
    {
        var trimmed = raw.Trim();
        // a single braced group is an organisation's name, kept whole: {World Health Organization}
        if (trimmed.Length > 1 && trimmed[0] == '{' && trimmed[^1] == '}' && BalancedWhole(trimmed))
        {
            var literal = Latex.Decode(trimmed);
            return literal.Length == 0 ? null : PersonName.OfLiteral(literal);
        }
        var groups = Tokens(trimmed);
        groups.RemoveAll(g => g.Count == 0);
        if (groups.Count == 0)
        {
            return null;
        }
        string Join(IEnumerable<string> words) => Latex.Decode(string.Join(' ', words));
        if (groups.Count == 1)
        {
            var w = groups[0];
            if (w.Count == 1)
            {
                var single = Join(w);
                return single.Length == 0 ? null : PersonName.Of(single, null);
            }
            // First von Last: von starts at the first lowercase word that is not the last word
            var vonStart = -1;
            var vonEnd = -1;
            for (var k = 0; k < w.Count - 1; k++)
            {
                if (IsLower(w[k]))
                {
                    if (vonStart < 0)
                    {
                        vonStart = k;
                    }
                    vonEnd = k;
                }
            }
            if (vonStart < 0)
            {
                return PersonName.Of(Join(w.Skip(w.Count - 1)), Join(w.Take(w.Count - 1)));
            }
            var first = Join(w.Take(vonStart));
            var last = Join(w.Skip(vonStart));
            return PersonName.Of(last, first);
        }
        // von Last, [Jr,] First
        var familyWords = groups[0];
        var family = Join(familyWords);
        var given = Join(groups[^1]);
        var suffix = groups.Count >= 3 ? Join(groups.Skip(1).Take(groups.Count - 2).SelectMany(g => g)) : null;
        // "Born, L. et al." and similar: an "et al." written into the name
        if (given.EndsWith(" et al.", StringComparison.Ordinal) || given.EndsWith(" et al", StringComparison.Ordinal))
        {
            given = given[..given.LastIndexOf(" et al", StringComparison.Ordinal)].Trim();
        }
        return family.Length == 0 ? (given.Length == 0 ? null : PersonName.OfLiteral(given)) : PersonName.Of(family, given, suffix);
    }

    private static bool BalancedWhole(string s)
    {
        var depth = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '{')
            {
                depth++;
            }
            else if (s[i] == '}')
            {
                depth--;
                if (depth == 0 && i < s.Length - 1)
                {
                    return false;
                }
            }
        }
        return depth == 0;
    }
}
