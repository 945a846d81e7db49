using System.Globalization;
using System.Text.RegularExpressions;

namespace EvidenceTracker.Model;

/// <summary>Validation of the value formats of the contract: ids, dates, URLs, DOIs, language tags.</summary>
public static partial class Values
{
    public const int MaxIdLength = 80;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugRegex();

    /// <summary>
    /// 10.prefix/suffix, the suffix without white space, without <c>?</c>, <c>#</c> or <c>\</c>, and without a <c>.</c> or
    /// <c>..</c> segment between slashes (plain, as <c>%2E</c>, or written with a dot look-alike that a server folding
    /// Unicode would read as one: one-dot leader, small and full-width full stops, the ideographic full stop), and without
    /// control or format characters (ESC, a bidi override): nothing in it may change the path of a request built from it.
    /// Digits are ASCII digits (<c>\d</c> alone would take Arabic-Indic and full-width ones).
    /// </summary>
    [GeneratedRegex(@"^10\.[0-9]{4,9}/(?!(?:[.\u2024\uFE52\uFF0E\u3002]|%2[Ee]){1,2}(?:/|$))(?!.*/(?:[.\u2024\uFE52\uFF0E\u3002]|%2[Ee]){1,2}(?:/|$))[^\s?#\\" + InvisibleCharacters + "]+$", RegexOptions.CultureInvariant)]
    private static partial Regex DoiRegex();

    /// <summary>The shape of a DOI before the checks on its suffix's segments and characters.</summary>
    [GeneratedRegex(@"^10\.[0-9]{4,9}/\S+$", RegexOptions.CultureInvariant)]
    private static partial Regex PathLikeDoiRegex();

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LangRegex();

    [GeneratedRegex(@"^[0-9]{1,10}$", RegexOptions.CultureInvariant)]
    private static partial Regex PmidRegex();

    [GeneratedRegex(@"^PMC[0-9]{1,10}$", RegexOptions.CultureInvariant)]
    private static partial Regex PmcidRegex();

    // New-style arXiv ids (2101.00001, optionally with a version) and old-style ones (hep-th/9901001).
    [GeneratedRegex(@"^([0-9]{4}\.[0-9]{4,5}|[a-z-]+(\.[A-Z]{2})?/[0-9]{7})(v[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ArxivRegex();

    /// <summary>Why an id is not a slug, or null when it is one.</summary>
    public static string? SlugProblem(string id)
    {
        if (id.Length == 0)
        {
            return "is empty";
        }
        if (id.Length > MaxIdLength)
        {
            return $"is {id.Length} characters long; the limit is {MaxIdLength}";
        }
        if (!SlugRegex().IsMatch(id))
        {
            return "is not a lowercase slug: use a-z, 0-9 and single hyphens between them";
        }
        return null;
    }

    /// <summary>YYYY, YYYY-MM or YYYY-MM-DD, and a real calendar date.</summary>
    public static string? DateProblem(string text)
    {
        var ok = text.Length switch
        {
            4 => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _),
            7 => DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            10 => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ => false,
        };
        if (ok)
        {
            return null;
        }
        return System.Text.RegularExpressions.Regex.IsMatch(text, @"^\d{4}(-\d{2}(-\d{2})?)?$", RegexOptions.None, TimeSpan.FromSeconds(1))
            ? $"'{text}' is not a real calendar date"
            : $"'{text}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD";
    }

    /// <summary>
    /// The characters no URL or DOI holds raw (a URL percent-encodes them), as a regular-expression class body: the
    /// control characters; every formatting character of the Basic Multilingual Plane (soft hyphen, Arabic number
    /// signs, zero-width spaces and joiners, bidi marks, embeddings, overrides and isolates, the byte-order mark,
    /// interlinear annotation marks); characters that show nothing (the combining grapheme joiner, Hangul and Khmer
    /// fillers, Mongolian and other variation selectors); and the high surrogate of plane 14, whose only characters are
    /// tags and variation selectors. A right-to-left override could make a link read as another.
    /// </summary>
    public const string InvisibleCharacters = @"\u0000-\u001F\u007F-\u009F\u00AD\u034F\u0600-\u0605\u061C\u06DD\u070F\u0890-\u0891\u08E2\u115F-\u1160\u17B4-\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uDB40\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFB";

    /// <summary>Whether <paramref name="c"/> is in <see cref="InvisibleCharacters"/> (a test holds the two equal).</summary>
    public static bool IsInvisible(char c) => c switch
    {
        <= '\u001F' or (>= '\u007F' and <= '\u009F') or '\u00AD' or '\u034F' or (>= '\u0600' and <= '\u0605') or '\u061C' or '\u06DD' or '\u070F'
            or (>= '\u0890' and <= '\u0891') or '\u08E2' or (>= '\u115F' and <= '\u1160') or (>= '\u17B4' and <= '\u17B5')
            or (>= '\u180B' and <= '\u180F') or (>= '\u200B' and <= '\u200F') or (>= '\u202A' and <= '\u202E') or (>= '\u2060' and <= '\u206F')
            or '\u3164' or '\uDB40' or (>= '\uFE00' and <= '\uFE0F') or '\uFEFF' or '\uFFA0' or (>= '\uFFF9' and <= '\uFFFB') => true,
        _ => false,
    };

    public static string? UrlProblem(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (IsInvisible(c))
            {
                return $"'{text}' holds an invisible or control character (U+{(int)c:X4}), which a URL may not hold; percent-encode it";
            }
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || text.Any(char.IsWhiteSpace))
        {
            return $"'{text}' is not an absolute URL";
        }
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return $"'{text}' is not an http(s) URL";
        }
        return string.IsNullOrEmpty(uri.Host) ? $"'{text}' has no host" : null;
    }

    public static bool IsHttpUrl(string? text) => text is not null && UrlProblem(text) is null;

    public static string? DoiProblem(string text)
    {
        if (DoiRegex().IsMatch(text))
        {
            return null;
        }
        var bare = NormalizeDoi(text);
        return bare is not null
            ? $"'{text}' should be the bare DOI '{bare}'"
            : PathLikeDoiRegex().IsMatch(text)
            ? $"'{text}' is not a DOI: its suffix has a '.' or '..' segment, or a '?', '#' or '\\', that would change the path it is looked up at"
            : $"'{text}' is not a DOI; a DOI looks like 10.1038/s41591-023-02640-w";
    }

    /// <summary>A bare, lowercase DOI from a bare DOI, <c>doi:10.…</c> or a doi.org URL; null if none.</summary>
    public static string? NormalizeDoi(string text)
    {
        var t = text.Trim();
        foreach (var prefix in (string[])["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"])
        {
            if (t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                t = t[prefix.Length..].Trim();
                break;
            }
        }
        t = t.ToLowerInvariant();
        return DoiRegex().IsMatch(t) ? t : null;
    }

    public static string? LangProblem(string text) =>
        LangRegex().IsMatch(text) ? null : $"'{text}' is not a BCP 47 language tag such as en, zh or zh-Hans";

    public static string? PmidProblem(string text) =>
        PmidRegex().IsMatch(text) ? null : $"'{text}' is not a PubMed id (digits only)";

    public static string? PmcidProblem(string text) =>
        PmcidRegex().IsMatch(text) ? null : $"'{text}' is not a PubMed Central id (PMC followed by digits, such as PMC10719100)";

    public static string? ArxivProblem(string text) =>
        ArxivRegex().IsMatch(text) ? null : $"'{text}' is not an arXiv id (such as 2101.00001 or hep-th/9901001)";

    /// <summary>An ISBN-10 or ISBN-13, hyphens and spaces allowed, with a valid check digit.</summary>
    public static string? IsbnProblem(string text)
    {
        var digits = text.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (digits.Length == 13 && digits.All(char.IsAsciiDigit))
        {
            var sum = 0;
            for (var i = 0; i < 12; i++)
            {
                sum += (digits[i] - '0') * (i % 2 == 0 ? 1 : 3);
            }
            return (10 - sum % 10) % 10 == digits[12] - '0' ? null : $"'{text}' is not a valid ISBN (its check digit is wrong)";
        }
        if (digits.Length == 10 && digits[..9].All(char.IsAsciiDigit) && (char.IsAsciiDigit(digits[9]) || digits[9] is 'X' or 'x'))
        {
            var sum = 0;
            for (var i = 0; i < 9; i++)
            {
                sum += (digits[i] - '0') * (10 - i);
            }
            sum += digits[9] is 'X' or 'x' ? 10 : digits[9] - '0';
            return sum % 11 == 0 ? null : $"'{text}' is not a valid ISBN (its check digit is wrong)";
        }
        return $"'{text}' is not an ISBN (10 or 13 digits)";
    }

    /// <summary>A bare arXiv id from <c>arXiv:2101.00001</c>, an arxiv.org abs/pdf URL or a bare id; null if none.</summary>
    public static string? NormalizeArxiv(string text)
    {
        var t = text.Trim();
        foreach (var prefix in (string[])["https://arxiv.org/abs/", "http://arxiv.org/abs/", "https://arxiv.org/pdf/", "http://arxiv.org/pdf/", "arxiv:"])
        {
            if (t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                t = t[prefix.Length..].Trim();
                break;
            }
        }
        if (t.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            t = t[..^4];
        }
        return ArxivRegex().IsMatch(t) ? t : null;
    }

    /// <summary>A PubMed id from <c>PMID: 123</c>, <c>pmid:123</c> or a pubmed.ncbi.nlm.nih.gov URL; null if none.</summary>
    public static string? NormalizePmid(string text)
    {
        var t = text.Trim();
        foreach (var prefix in (string[])["https://pubmed.ncbi.nlm.nih.gov/", "http://pubmed.ncbi.nlm.nih.gov/", "pmid:"])
        {
            if (t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                t = t[prefix.Length..].Trim().TrimEnd('/');
                break;
            }
        }
        return PmidRegex().IsMatch(t) ? t : null;
    }

    /// <summary>The closest candidate within a small edit distance, for "did you mean" hints.</summary>
    public static string? Nearest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var limit = Math.Max(1, Math.Min(3, word.Length / 3));
        var lower = word.ToLowerInvariant();
        foreach (var c in candidates)
        {
            // the distance is at least the difference in length: a candidate further off than the limit cannot be
            // suggested, and is not compared (a 337 KB misspelt rule name was compared with every rule id)
            if (Math.Abs(lower.Length - c.Length) > limit)
            {
                continue;
            }
            var d = EditDistance(lower, c);
            if (d < bestDistance)
            {
                best = c;
                bestDistance = d;
            }
        }
        return bestDistance <= limit ? best : null;
    }

    /// <summary>Optimal string alignment distance (Levenshtein with adjacent transpositions).</summary>
    public static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }

    /// <summary>The text with each control character shown as its \uXXXX escape, as YAML would write it.</summary>
    public static string Printable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Any(char.IsControl) ? string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString())) : text;
    }

    /// <summary>The schema check of <c>snapshot</c> values (a relative path inside sources/), shared with the loader.</summary>
    public static string? SnapshotPathProblem(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        // a control character (a NUL from a YAML escape) names no file: the path calls would throw on it
        return path.Length == 0 || path.StartsWith('/') || path.Contains('\\', StringComparison.Ordinal) || path.Contains(':', StringComparison.Ordinal)
            || path.Any(char.IsControl) || path.Split('/').Any(p => p is ".." or ".")
            ? $"'{Printable(path)}' must be a relative path inside sources/ (such as snapshots/<id>.txt)"
            : null;
    }
}
