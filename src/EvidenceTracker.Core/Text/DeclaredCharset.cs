using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace EvidenceTracker.Text;

/// <summary>
/// The character set a fetched page declares, as a browser finds it: a UTF-8 byte order mark, then the HTTP
/// <c>Content-Type</c>'s <c>charset</c>, then a <c>&lt;meta charset&gt;</c> or <c>&lt;meta http-equiv="Content-Type"&gt;</c>
/// in the first 1,024 bytes; else UTF-8. The legacy code pages (GBK, GB18030, Big5, Shift_JIS, windows-1252…) come
/// from <see cref="CodePagesEncodingProvider"/>, asked directly rather than registered, and work under Native AOT
/// and invariant globalization.
/// </summary>
public static partial class DeclaredCharset
{
    private const int MetaWindow = 1024;

    [GeneratedRegex(@"<meta\s[^>]*?charset\s*=\s*[""']?\s*([A-Za-z0-9_.:\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharsetRegex();

    /// <summary>
    /// The declared encoding when it is not UTF-8 (null: UTF-8, nothing declared, or a name no encoding has), with
    /// its name as declared. <paramref name="strict"/>: bytes invalid in it throw <see cref="DecoderFallbackException"/>
    /// when decoded; else they become U+FFFD.
    /// </summary>
    public static Encoding? Of(string? contentType, ReadOnlySpan<byte> body, bool strict, out string? name)
    {
        name = null;
        if (body.StartsWith("\uFEFF"u8))
        {
            return null;
        }
        var declared = FromContentType(contentType) ?? FromMeta(body);
        if (declared is null)
        {
            return null;
        }
        var encoding = Find(declared, strict);
        if (encoding is null || encoding.CodePage == Encoding.UTF8.CodePage)
        {
            return null;
        }
        name = declared;
        return encoding;
    }

    /// <summary>The page as text in its declared character set (UTF-8 if none); bytes invalid in it become U+FFFD.</summary>
    public static string Decode(byte[] body, string? contentType)
    {
        ArgumentNullException.ThrowIfNull(body);
        return (Of(contentType, body, strict: false, out _) ?? Encoding.UTF8).GetString(body);
    }

    /// <summary>
    /// The page as UTF-8 bytes: the bytes themselves when it declares UTF-8 or nothing; else transcoded from the
    /// declared character set, the <c>&lt;meta&gt;</c> declaration in its head saying <c>utf-8</c> from then on.
    /// Null, with a one-line <paramref name="problem"/>, when the bytes are not valid in the declared set.
    /// </summary>
    public static byte[]? ToUtf8(byte[] body, string? contentType, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(body);
        problem = null;
        if (Of(contentType, body, strict: true, out var name) is not { } encoding)
        {
            return body;
        }
        string text;
        try
        {
            text = encoding.GetString(body);
        }
        catch (DecoderFallbackException ex)
        {
            var at = ex.Index >= 0 && ex.BytesUnknown is { Length: > 0 } unknown
                ? $" (byte 0x{unknown[0]:X2} at offset {ex.Index.ToString(CultureInfo.InvariantCulture)})"
                : "";
            problem = $"is not valid {name}, the character set it declares{at}";
            return null;
        }
        var head = text.Length > MetaWindow ? text[..MetaWindow] : text;
        if (MetaCharsetRegex().Match(head) is { Success: true } meta)
        {
            var value = meta.Groups[1];
            text = string.Concat(text.AsSpan(0, value.Index), "utf-8", text.AsSpan(value.Index + value.Length));
        }
        return Encoding.UTF8.GetBytes(text);
    }

    private static string? FromContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return null;
        }
        var charset = media.CharSet?.Trim().Trim('"', '\'').Trim();
        return string.IsNullOrEmpty(charset) ? null : charset;
    }

    private static string? FromMeta(ReadOnlySpan<byte> body)
    {
        var head = Encoding.Latin1.GetString(body[..Math.Min(body.Length, MetaWindow)]);
        return MetaCharsetRegex().Match(head) is { Success: true } m ? m.Groups[1].Value : null;
    }

    /// <summary>An encoding by its label; the labels browsers read as another encoding are read as it (gb2312 as GB18030).</summary>
    private static Encoding? Find(string label, bool strict)
    {
        var name = label.ToLowerInvariant() switch
        {
            "gb2312" or "gbk" or "x-gbk" or "csgb2312" or "chinese" or "iso-ir-58" or "gb_2312-80" => "gb18030",
            "iso-8859-1" or "latin1" or "l1" or "us-ascii" or "ascii" or "iso8859-1" => "windows-1252",
            "x-sjis" or "sjis" or "ms_kanji" or "windows-31j" => "shift_jis",
            "big5-hkscs" or "x-x-big5" => "big5",
            var other => other,
        };
        var decoder = strict ? DecoderFallback.ExceptionFallback : DecoderFallback.ReplacementFallback;
        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(name, EncoderFallback.ReplacementFallback, decoder)
                ?? Encoding.GetEncoding(name, EncoderFallback.ReplacementFallback, decoder);
        }
        catch (ArgumentException)
        {
            return null; // no encoding of that name: read as UTF-8, as if nothing were declared
        }
    }
}
