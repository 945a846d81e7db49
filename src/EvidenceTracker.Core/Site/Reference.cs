using EvidenceTracker.Model;
using static EvidenceTracker.Site.H;

namespace EvidenceTracker.Site;

/// <summary>A source's reference as a reader sees it on the site.</summary>
internal static class Reference
{
    public static string Text(Source s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var parts = new List<string>();
        if (s.Authors.Count > 0)
        {
            parts.Add(s.Authors.Count > 3 ? $"{string.Join("; ", s.Authors.Take(3))}; et al." : string.Join("; ", s.Authors));
        }
        parts.Add(s.Title.Trim().TrimEnd('.'));
        var container = s.Publisher;
        if (s.Volume is not null)
        {
            container = $"{container} {s.Volume}{(s.Issue is null ? "" : $"({s.Issue})")}";
        }
        if (s.Pages is not null)
        {
            container = $"{container}: {s.Pages}";
        }
        if (!string.IsNullOrWhiteSpace(container))
        {
            parts.Add(container.Trim());
        }
        if (s.Date is not null)
        {
            parts.Add(s.Date);
        }
        if (s.Doi is not null)
        {
            parts.Add("doi:" + s.Doi);
        }
        else if (s.Url is not null)
        {
            parts.Add(s.Url + (s.Accessed is null ? "" : $" (accessed {s.Accessed})"));
        }
        return string.Join(". ", parts) + ".";
    }

    public static Node Node(Source s) => E("span", Text(s)).Class("reference");
}
