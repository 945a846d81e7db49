using EvidenceTracker.Bibliography;
using EvidenceTracker.Model;
using static EvidenceTracker.Site.H;

namespace EvidenceTracker.Site;

/// <summary>A source's formatted reference on the site, in the repository's reference style.</summary>
internal static class Reference
{
    public static string Text(SiteData data, Source s) => ReferenceFormatter.Format(s, data.Style);

    public static Node Node(SiteData data, Source s) =>
        E("span", Text(data, s)).Class("reference").Attr("title", $"Reference style: {ReferenceFormatter.StyleName(data.Style)}");
}
