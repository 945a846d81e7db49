
namespace EvidenceTracker.Model;

/// <summary>
/// The bibliography formats that <c>evidence export</c> writes (<c>--format</c>: all but <see cref="CslYaml"/>) and
/// <c>evidence import</c> reads (by extension: all but <see cref="Hayagriva"/>). The spellings are
/// <see cref="Names.BibliographyFormats"/>, in this order.
/// </summary>
public enum BibliographyFormat { CslJson, BibTex, Ris, Hayagriva, CslYaml }
