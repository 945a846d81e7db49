using System.Security.Cryptography;
using System.Text;

namespace EvidenceTracker.Importing;

/// <summary>Derived ids: lowercase ASCII slugs of Latin text, or short stable hashes of anything else.</summary>
public static class Slugs
{
    /// <summary>
    /// A slug of Latin text: letters (accents folded) and digits, other characters as single hyphens, at most
    /// <paramref name="maxLength"/> characters (cut at a hyphen), or at most <paramref name="maxWords"/> words. Empty
    /// when the text has no Latin letter or digit.
    /// </summary>
    public static string Slugify(string text, int maxLength = 60, int maxWords = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(Math.Min(text.Length, maxLength * 2));
        var words = 0;
        var pendingHyphen = false;
        foreach (var ch in text)
        {
            var folded = Fold(ch, out var second);
            if (folded == '\0')
            {
                if (sb.Length > 0)
                {
                    pendingHyphen = true;
                }
                continue;
            }
            if (pendingHyphen)
            {
                if (++words >= maxWords || sb.Length >= maxLength)
                {
                    break;
                }
                sb.Append('-');
                pendingHyphen = false;
            }
            sb.Append(folded);
            if (second != '\0')
            {
                sb.Append(second);
            }
        }
        var slug = sb.ToString();
        if (slug.Length > maxLength)
        {
            var cut = slug.LastIndexOf('-', maxLength);
            slug = cut > maxLength / 2 ? slug[..cut] : slug[..maxLength].TrimEnd('-');
        }
        return slug;
    }

    /// <summary>Whether the letters of a text are mostly Latin (so that a slug of it is readable).</summary>
    public static bool IsLatin(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int latin = 0, other = 0;
        foreach (var ch in text)
        {
            if (!char.IsLetter(ch))
            {
                continue;
            }
            if (Fold(ch, out _) != '\0')
            {
                latin++;
            }
            else
            {
                other++;
            }
        }
        return latin > 0 && latin >= 4 * other;
    }

    /// <summary>Six hexadecimal digits of the SHA-256 of the text: short, stable across runs and machines.</summary>
    public static string Hash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(hash, 0, 3);
    }

    /// <summary>The host of a URL as a slug, without <c>www.</c> or <c>m.</c> (www.qbitai.com → qbitai-com).</summary>
    public static string? HostSlug(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            return null;
        }
        var host = uri.Host.ToLowerInvariant();
        foreach (var prefix in (ReadOnlySpan<string>)["www.", "m.", "amp."])
        {
            if (host.StartsWith(prefix, StringComparison.Ordinal) && host.Length > prefix.Length + 3)
            {
                host = host[prefix.Length..];
                break;
            }
        }
        var slug = Slugify(host, 50);
        return slug.Length > 0 ? slug : null;
    }

    /// <summary><paramref name="baseId"/>, or with -2, -3… the first that <paramref name="taken"/> does not hold.</summary>
    public static string Unique(string baseId, Func<string, bool> taken)
    {
        ArgumentNullException.ThrowIfNull(baseId);
        ArgumentNullException.ThrowIfNull(taken);
        if (!taken(baseId))
        {
            return baseId;
        }
        for (var n = 2; ; n++)
        {
            var id = $"{baseId}-{n}";
            if (!taken(id))
            {
                return id;
            }
        }
    }

    /// <summary>
    /// An ASCII letter or digit (lowercased) or a folded accented Latin letter (ß → s + <paramref name="second"/> s);
    /// '\0' for anything else.
    /// </summary>
    private static char Fold(char ch, out char second)
    {
        second = '\0';
        if (char.IsAsciiLetterOrDigit(ch))
        {
            return char.ToLowerInvariant(ch);
        }
        if (ch < '\u00C0' || ch > '\u024F')
        {
            return '\0';
        }
        const string from = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżž";
        const string to = "aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnooooooooorrrsssstttuuuuuuuuuuwyyyzzz";
        var lower = char.ToLowerInvariant(ch);
        var i = from.IndexOf(lower, StringComparison.Ordinal);
        if (i >= 0)
        {
            return to[i];
        }
        switch (lower)
        {
            case 'ß': second = 's'; return 's';
            case 'æ': second = 'e'; return 'a';
            case 'œ': second = 'e'; return 'o';
            case 'þ': second = 'h'; return 't';
            case 'ð': return 'd';
            default: return '\0';
        }
    }
}
