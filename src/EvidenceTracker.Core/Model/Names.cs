
namespace EvidenceTracker.Model;

/// <summary>
/// The wire names of the enumerations, as they appear in files, in JSON and on the command line: the one spelling table
/// of each, indexed by the enumeration's value (member order = array order). Code compares the enumerations, never these
/// strings; text is converted at the edge (a file is read, an option is parsed, a report is written).
/// </summary>
public static class Names
{
    public static readonly string[] Stances = ["supports", "refutes", "mentions"];
    public static readonly string[] Verdicts = ["supported", "partly-supported", "unsupported", "contradicted", "unverifiable"];
    public static readonly string[] Levels = ["primary", "secondary"];
    public static readonly string[] SupportLevels = ["draft", "contradicted", "unsupported", "cited", "quoted", "verified"];
    public static readonly string[] SourceTypes = ["journal-article", "news", "web-page", "press-release", "report", "book", "dataset", "regulatory", "other"];
    public static readonly string[] ReportFormats = ["text", "json", "sarif", "github", "junit"];
    public static readonly string[] OutputFormats = ["text", "json"];
    public static readonly string[] BibliographyFormats = ["csl-json", "bibtex", "ris", "hayagriva", "csl-yaml"];
    public static readonly string[] SnapshotKinds = ["html", "pdf", "md", "txt"];
    public static readonly string[] SnapshotOrigins = ["url", "pubmed", "doi"];

    public static string Of(Stance s) => Stances[(int)s];
    public static string Of(Verdict v) => Verdicts[(int)v];
    public static string Of(SourceLevel l) => Levels[(int)l];
    public static string Of(SupportLevel l) => SupportLevels[(int)l];
    public static string Of(SourceType t) => SourceTypes[(int)t];
    public static string Of(ReportFormat f) => ReportFormats[(int)f];
    public static string Of(OutputFormat f) => OutputFormats[(int)f];
    public static string Of(BibliographyFormat f) => BibliographyFormats[(int)f];
    public static string Of(SnapshotKind k) => SnapshotKinds[(int)k];
    public static string Of(SnapshotOrigin o) => SnapshotOrigins[(int)o];

    public static bool TryParse<T>(string[] names, string text, out T value) where T : struct, Enum
    {
        var i = Array.IndexOf(names, text);
        value = i >= 0 ? (T)(object)i : default;
        return i >= 0;
    }
}
