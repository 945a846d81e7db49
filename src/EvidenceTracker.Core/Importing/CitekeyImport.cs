using EvidenceTracker.Articles;
using EvidenceTracker.Bibliography;
using EvidenceTracker.Storage;

namespace EvidenceTracker.Importing;

/// <summary>
/// What an article's citation keys bring to its import: the bibliography files its front matter names
/// (<c>bibliography:</c>, a path or a list, relative to the article), imported with it; and the source each key names.
/// </summary>
internal static class CitekeyImport
{
    /// <summary>
    /// The bibliography files named in the front matter of the article at <paramref name="articlePath"/>: full paths of
    /// the ones found inside the article's folder, in order; a problem for each that is missing, outside that folder
    /// (decided on real paths, every link resolved, whatever the working directory), not a file name, or of a format
    /// import does not read.
    /// </summary>
    public static List<string> Bibliographies(string articlePath, string display, List<string> problems)
    {
        var found = new List<string>();
        string? frontMatter;
        try
        {
            frontMatter = FrontMatter(articlePath, display);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return found; // the article's own import reports it
        }
        if (frontMatter is null)
        {
            return found;
        }
        var folder = Path.GetDirectoryName(articlePath)!;
        var realFolder = Verification.RealPath.Resolve(folder) ?? folder;
        foreach (var name in PandocCitations.FrontMatterStrings(frontMatter, "bibliography"))
        {
            if (name.Length == 0 || name.Any(char.IsControl))
            {
                // a NUL (a YAML escape) or another control character names no file
                problems.Add($"{display}: bibliography '{Model.Values.Printable(name)}' is not a file name (empty, or it holds a control character); not read");
                continue;
            }
            var path = Path.GetFullPath(name, folder);
            if (Verification.RealPath.Resolve(path) is not { } real || !Verification.RealPath.IsInside(real, realFolder))
            {
                problems.Add($"{display}: bibliography '{name}' is outside the article's folder; not read (import it by naming it)");
            }
            else if (ImportFormats.Of(path) is not { } format || !ImportFormats.IsBibliography(format))
            {
                problems.Add($"{display}: bibliography '{name}' is not a format import reads ({ImportFormats.List(bibliographies: true)}); not read");
            }
            else if (!File.Exists(path))
            {
                problems.Add($"{display}: bibliography '{name}' does not exist; its keys stay unresolved");
            }
            else
            {
                found.Add(path);
            }
        }
        return found;
    }

    /// <summary>
    /// The YAML front matter of a Markdown file (between its first two <c>---</c> lines), read no further than needed.
    /// Read as the article is (<see cref="UserFile"/>): a named pipe or a device is not opened.
    /// </summary>
    private static string? FrontMatter(string path, string display)
    {
        using var stream = UserFile.OpenRead(path, display, Loading.SafeFile.MaxDocumentBytes, pipes: false);
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        if (reader.ReadLine()?.TrimEnd() != "---")
        {
            return null;
        }
        var sb = new System.Text.StringBuilder();
        for (var line = reader.ReadLine(); line is not null && sb.Length < Loading.SafeFile.MaxYamlBytes; line = reader.ReadLine())
        {
            if (line.TrimEnd() is "---" or "...")
            {
                return sb.ToString();
            }
            sb.Append(line).Append('\n');
        }
        return null;
    }

    /// <summary>Each key of the article (as written) → the source it names; keys that name nothing are left out.</summary>
    public static Dictionary<string, string> Resolve(ArticleDocument document, string articleId, ImportPlan plan)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var aliases = document.CitekeyAliases;
        foreach (var use in document.Citations)
        {
            if (!map.ContainsKey(use.Key) && plan.SourceForKey(use.Key, aliases, articleId) is { } id)
            {
                map[use.Key] = id;
            }
        }
        return map;
    }

    /// <summary>The entry keys of a bibliography import's results → the source each became or merged into.</summary>
    public static void Collect(ImportResult fromBibliographies, Dictionary<string, string> into)
    {
        foreach (var f in fromBibliographies.Files)
        {
            if (f.Entry?.Key is { } key && BibEntry.IsCitationKey(key))
            {
                into.TryAdd(key, f.Id);
            }
        }
    }
}
