using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EvidenceTracker.Model;

namespace EvidenceTracker.Authoring;

/// <summary>
/// Ids derived from text. Latin text becomes a slug of its words (accents folded: "Café São" → "cafe-sao");
/// text mostly in another script (Chinese, say) keeps whatever Latin words and digits it has and gains a
/// short hash of the whole text, so the id is readable where it can be, and always stable and distinct.
/// </summary>
public static class Slugs
{
    public const int HashLength = 8;

    /// <summary>
    /// A slug of the Latin letters (accents folded) and digits of a text, other characters becoming single hyphens:
    /// at most <paramref name="maxLength"/> characters (cut at a hyphen) and <paramref name="maxWords"/> words. Empty
    /// when the text has no Latin letter or digit. Apostrophes join (Zürich’s → zurichs).
    /// </summary>
    public static string Slugify(string text, int maxLength = Values.MaxIdLength, int maxWords = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = Fold(text);
        var sb = new StringBuilder(Math.Min(folded.Length, maxLength * 2));
        var pendingDash = false;
        var words = 0;
        foreach (var ch in folded)
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                if (pendingDash && sb.Length > 0)
                {
                    if (++words >= maxWords || sb.Length >= maxLength)
                    {
                        break;
                    }
                    sb.Append('-');
                }
                pendingDash = false;
                sb.Append(char.ToLowerInvariant(ch));
            }
            else if (ch != '\'' && ch != '’')
            {
                pendingDash = true;
            }
        }
        return Cut(sb.ToString(), maxLength);
    }

    /// <summary>Latin letters with their accents folded to ASCII (é → e, ß → ss); every other character kept.</summary>
    public static string ToAscii(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Fold(text);
    }

    /// <summary>Whether a text is Latin enough for a readable slug: Latin letters, at least four for each other letter.</summary>
    public static bool IsLatin(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (latin, other) = CountLetters(text);
        return latin > 0 && latin >= 4 * other;
    }

    /// <summary>The host of a URL as a slug, without <c>www.</c>, <c>m.</c> or <c>amp.</c> (www.qbitai.com → qbitai-com).</summary>
    public static string? HostSlug(string? url, int maxLength = 50)
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
        var slug = Slugify(host, maxLength);
        return slug.Length > 0 ? slug : null;
    }

    /// <summary>An id for free text: the Latin slug, with a hash where the text is mostly in another script.</summary>
    public static string ForText(string text, string fallbackPrefix)
    {
        ArgumentNullException.ThrowIfNull(text);
        var latin = Slugify(text);
        if (latin.Length > 0 && IsMostlyLatin(text))
        {
            return latin;
        }
        var hash = Hash(text);
        if (latin.Length == 0)
        {
            return $"{fallbackPrefix}-{hash}";
        }
        return $"{Cut(latin, Values.MaxIdLength - HashLength - 1)}-{hash}";
    }

    /// <summary>Hex digits (eight by default) of the SHA-256 of the trimmed text: stable across runs and machines.</summary>
    public static string Hash(string text, int digits = HashLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(text.Trim()));
        return Convert.ToHexStringLower(bytes)[..digits];
    }

    /// <summary>Whether at least half of the letters are Latin.</summary>
    public static bool IsMostlyLatin(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (latin, other) = CountLetters(text);
        return latin >= other;
    }

    private static (int Latin, int Other) CountLetters(string text)
    {
        int latin = 0, other = 0;
        foreach (var ch in Fold(text))
        {
            if (char.IsAsciiLetter(ch))
            {
                latin++;
            }
            else if (char.IsLetter(ch))
            {
                other++;
            }
        }
        return (latin, other);
    }

    /// <summary><paramref name="id"/>, or the first of <c>id-2</c>, <c>id-3</c>… that <paramref name="taken"/> does not hold.</summary>
    public static string Unique(string id, Func<string, bool> taken) => Unique(id, taken, null);

    /// <summary>
    /// As <see cref="Unique(string, Func{string, bool})"/>, for many ids drawn against one set that only grows:
    /// <paramref name="next"/> remembers, per id, the first suffix not yet tried (every lower one was taken), so n ids
    /// of one base take n steps in all, not n²/2.
    /// </summary>
    public static string Unique(string id, Func<string, bool> taken, Dictionary<string, int>? next)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(taken);
        if (!taken(id))
        {
            return id;
        }
        for (var n = next?.GetValueOrDefault(id, 2) ?? 2; ; n++)
        {
            var suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
            var candidate = Cut(id, Values.MaxIdLength - suffix.Length) + suffix;
            if (!taken(candidate))
            {
                if (next is not null)
                {
                    next[id] = n + 1;
                }
                return candidate;
            }
        }
    }

    /// <summary>Latin letters with their accents removed (é → e, ß → ss, ø → o); other characters kept.</summary>
    private static string Fold(string text)
    {
        // string.Normalize is a no-op under InvariantGlobalization; the project's own Unicode tables decompose.
        var decomposed = Quotes.UnicodeNfkc.Decompose(text);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(ch))
            {
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.EnclosingMark:
                    continue;
            }
            sb.Append(ch switch
            {
                'ß' => "ss",
                'ø' or 'Ø' => "o",
                'æ' or 'Æ' => "ae",
                'œ' or 'Œ' => "oe",
                'đ' or 'Đ' => "d",
                'ł' or 'Ł' => "l",
                'þ' or 'Þ' => "th",
                'ı' => "i",
                _ => ch.ToString(),
            });
        }
        return sb.ToString();
    }

    private static string Cut(string slug, int max)
    {
        if (slug.Length <= max)
        {
            return slug;
        }
        var cut = slug[..max];
        var dash = cut.LastIndexOf('-');
        return (dash > max / 2 ? cut[..dash] : cut).Trim('-');
    }
}
