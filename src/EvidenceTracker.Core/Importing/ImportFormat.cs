namespace EvidenceTracker.Importing;

/// <summary>What an input of <c>evidence import</c> is read as.</summary>
public enum ImportFormat
{
    /// <summary>A Markdown article: copied to <c>articles/</c>, its footnotes become sources and draft claims.</summary>
    Article,
    /// <summary>BibTeX or BibLaTeX: each entry becomes a source.</summary>
    BibTex,
    /// <summary>RIS: each record becomes a source.</summary>
    Ris,
    /// <summary>CSL-JSON: each item becomes a source.</summary>
    CslJson,
    /// <summary>CSL-YAML (Pandoc's <c>references:</c>, or a list of items): each item becomes a source.</summary>
    CslYaml,
}
