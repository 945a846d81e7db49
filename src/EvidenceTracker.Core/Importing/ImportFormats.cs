using EvidenceTracker.Model;

namespace EvidenceTracker.Importing;

/// <summary>
/// The one table of the extensions <c>evidence import</c> reads, and what each is read as. The dispatch, the folder
/// walk, the messages and the help text all come from here.
/// </summary>
public static class ImportFormats
{
    /// <summary>Extension (lower case, with the dot) → format, in the order messages list them.</summary>
    public static IReadOnlyList<(string Extension, ImportFormat Format)> Table { get; } =
    [
        (".md", ImportFormat.Article),
        (".markdown", ImportFormat.Article),
        (".qmd", ImportFormat.Article),
        (".Rmd", ImportFormat.Article),
        (".bib", BibliographyFormat.BibTex),
        (".bibtex", BibliographyFormat.BibTex),
        (".biblatex", BibliographyFormat.BibTex),
        (".ris", BibliographyFormat.Ris),
        (".json", BibliographyFormat.CslJson),
        (".csljson", BibliographyFormat.CslJson),
        (".yaml", BibliographyFormat.CslYaml),
        (".yml", BibliographyFormat.CslYaml),
    ];

    /// <summary>The format of a file by its extension (any case); null when import does not read it.</summary>
    public static ImportFormat? Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path);
        foreach (var (ext, format) in Table)
        {
            if (string.Equals(ext, extension, StringComparison.OrdinalIgnoreCase))
            {
                return format;
            }
        }
        return null;
    }

    public static bool IsBibliography(ImportFormat format) => !format.IsArticle;

    /// <summary>The extensions of articles, or of bibliographies, as a message lists them: <c>.md, .markdown</c>.</summary>
    public static string List(bool bibliographies) =>
        string.Join(", ", Table.Where(t => IsBibliography(t.Format) == bibliographies).Select(t => t.Extension));
}
