
namespace EvidenceTracker.Site;

/// <summary>Reads the <c>title</c> of an article's front matter (YAML or TOML; see <see cref="Articles.ArticleFrontMatter"/>).</summary>
public static class FrontMatter
{
    public static string? Title(string markdown) => Articles.ArticleFrontMatter.Read(markdown).Title;
}
