using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EvidenceTracker.Model;

namespace EvidenceTracker.Site;

/// <summary>
/// schema.org ClaimReview JSON-LD for a claim page that carries a verdict: its <c>url</c> (absolute under
/// <c>site-url</c>), <c>datePublished</c> from <c>reviewed</c>, <c>author</c> from <c>reviewer</c>, else the site's title.
/// </summary>
internal static class ClaimReview
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = false,
        // The default encoder escapes < > & ' and non-ASCII: the JSON cannot close its <script> element.
        Encoder = JavaScriptEncoder.Default,
    };

    public static string JsonLd(SiteData data, Claim claim)
    {
        var verdict = claim.Verdict!.Value;
        var (rating, label) = verdict switch
        {
            Verdict.Supported => (5, "Supported"),
            Verdict.PartlySupported => (3, "Partly supported"),
            Verdict.Unverifiable => (0, "Unverifiable"),
            Verdict.Unsupported => (2, "Unsupported"),
            _ => (1, "Contradicted"),
        };
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteString("@type", "ClaimReview");
            // The claim page's own address: absolute under site-url, else relative to the page.
            json.WriteString("url", Url(data, $"claims/{claim.Id}.html"));
            json.WriteString("claimReviewed", claim.Statement);
            if (claim.Reviewed is { } reviewed)
            {
                json.WriteString("datePublished", reviewed);
            }
            json.WriteStartObject("author");
            json.WriteString("@type", "Organization");
            json.WriteString("name", claim.Reviewer ?? data.Title);
            json.WriteEndObject();
            json.WriteStartObject("reviewRating");
            json.WriteString("@type", "Rating");
            if (rating > 0)
            {
                json.WriteNumber("ratingValue", rating);
                json.WriteNumber("worstRating", 1);
                json.WriteNumber("bestRating", 5);
            }
            json.WriteString("alternateName", label);
            json.WriteEndObject();
            json.WriteStartObject("itemReviewed");
            json.WriteString("@type", "Claim");
            if (claim.Article is { } article && data.ArticleById.ContainsKey(article))
            {
                json.WriteStartObject("appearance");
                json.WriteString("@type", "CreativeWork");
                json.WriteString("headline", data.ArticleTitles[article]);
                json.WriteString("url", Url(data, $"articles/{article}.html"));
                if (claim.Excerpt is not null)
                {
                    json.WriteString("text", claim.Excerpt);
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A page of the site: under <c>site-url</c> when set, else relative to a claim page.</summary>
    private static string Url(SiteData data, string page) =>
        data.SiteUrl is { } site ? site.TrimEnd('/') + "/" + page : "../" + page;
}
