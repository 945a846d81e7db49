using System.Text;

namespace EvidenceTracker.Importing;

/// <summary>URL identity for de-duplicating sources: one source per normalised URL.</summary>
public static class Urls
{
    /// <summary>
    /// The URL's identity: scheme and host lowercased, default port, fragment and <c>utm_*</c> parameters dropped, no
    /// trailing slash. Null when <paramref name="url"/> is not an absolute http(s) URL.
    /// </summary>
    public static string? Normalize(string? url)
    {
        if (url is null || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }
        var sb = new StringBuilder();
        sb.Append(uri.Scheme.ToLowerInvariant()).Append("://").Append(uri.Host.ToLowerInvariant());
        if (!uri.IsDefaultPort)
        {
            sb.Append(':').Append(uri.Port);
        }
        sb.Append(uri.AbsolutePath.TrimEnd('/'));
        var query = KeptQuery(uri.Query);
        if (query.Length > 0)
        {
            sb.Append('?').Append(query);
        }
        return sb.ToString();
    }

    /// <summary>The URL as written, without its <c>utm_*</c> tracking parameters.</summary>
    public static string WithoutTracking(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash >= 0 ? url[hash..] : "";
        var rest = hash >= 0 ? url[..hash] : url;
        var q = rest.IndexOf('?', StringComparison.Ordinal);
        if (q < 0)
        {
            return url;
        }
        var query = KeptQuery(rest[q..]);
        return rest[..q] + (query.Length > 0 ? "?" + query : "") + fragment;
    }

    private static string KeptQuery(string query) =>
        string.Join('&', query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("utm_", StringComparison.OrdinalIgnoreCase)));
}
