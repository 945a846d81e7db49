namespace EvidenceTracker.Loading;

/// <summary>What a field holds, as the readers check it and as the JSON Schemas describe it.</summary>
public enum FieldKind
{
    /// <summary>Any scalar (YAML text, number or boolean); <see cref="FieldSpec.Required"/> also means not blank.</summary>
    Text,
    /// <summary>A lowercase slug of at most 80 characters.</summary>
    Slug,
    /// <summary>One of <see cref="FieldSpec.Choices"/>.</summary>
    Choice,
    /// <summary>YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date: the schema checks the shape only).</summary>
    Date,
    Url,
    Doi,
    Pmid,
    /// <summary>A PubMed Central id: PMC and digits.</summary>
    Pmcid,
    /// <summary>An arXiv id, new style (2101.00001) or old (hep-th/9901001), with an optional version.</summary>
    Arxiv,
    /// <summary>An ISBN-10 or ISBN-13 (the schema checks the shape; the check digit only the reader can).</summary>
    Isbn,
    Lang,
    Sha256,
    /// <summary>A list of non-blank scalars.</summary>
    TextList,
    /// <summary>A list of slugs.</summary>
    SlugList,
    /// <summary>A list of citations (<see cref="FieldCatalogue.Citation"/>).</summary>
    Citations,
    /// <summary>A list of <c>suppress:</c> entries (<see cref="FieldCatalogue.Suppression"/>).</summary>
    Suppressions,
    /// <summary>A list of <c>suppress:</c> entries of evidence.yaml (<see cref="FieldCatalogue.ConfigSuppression"/>).</summary>
    ConfigSuppressions,
    /// <summary>A mapping of rule id to severity.</summary>
    Severities,
    /// <summary>A mapping of language to a list of words.</summary>
    WordLists,
}
