using EvidenceTracker.Loading;

namespace EvidenceTracker.Articles;

/// <summary>
/// The file kinds an article may be: Markdown (<c>.md</c>, <c>.markdown</c>), Quarto (<c>.qmd</c>) and R Markdown
/// (<c>.Rmd</c>). An article keeps its extension in <c>articles/</c>; its id is the file's name without it.
/// </summary>
public static class ArticleFiles
{
    /// <summary>The extensions, as an article in <c>articles/</c> is spelt (import writes this spelling).</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".md", ".markdown", ".qmd", ".Rmd"];

    /// <summary>The extension of an article file as <see cref="Extensions"/> spells it (any case matches); null when it is none.</summary>
    public static string? Extension(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path);
        foreach (var e in Extensions)
        {
            if (string.Equals(e, extension, StringComparison.OrdinalIgnoreCase))
            {
                return e;
            }
        }
        return null;
    }

    /// <summary>The article files of a folder (not its sub-folders), sorted, hidden files left out.</summary>
    public static string[] Enumerate(string dir) =>
        [.. RepositoryLoader.Enumerate(dir, "", recursive: false).Where(f => Extension(f) is not null)];

    /// <summary>The ids of the articles in <c>articles/</c> of a repository.</summary>
    public static HashSet<string> Ids(string root) =>
        Enumerate(Path.Combine(root, "articles")).Select(f => Path.GetFileNameWithoutExtension(f)).ToHashSet(StringComparer.Ordinal);
}
