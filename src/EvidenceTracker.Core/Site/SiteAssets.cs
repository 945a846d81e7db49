using System.Text;

namespace EvidenceTracker.Site;

/// <summary>
/// The site's stylesheet and script, written once to assets/. They live as files in Site/Assets/ and are
/// embedded in the assembly (an EmbeddedResource with a fixed logical name, which Native AOT keeps).
/// </summary>
internal static class SiteAssets
{
    public static string Css { get; } = Read("EvidenceTracker.Site.Assets.style.css");

    public static string FilterJs { get; } = Read("EvidenceTracker.Site.Assets.filter.js");

    private static string Read(string name)
    {
        using var stream = typeof(SiteAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the assembly holds no resource {name}");
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false);
        return reader.ReadToEnd();
    }
}
