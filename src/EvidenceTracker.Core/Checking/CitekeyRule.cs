using EvidenceTracker.Articles;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Loading;
using EvidenceTracker.Model;

namespace EvidenceTracker.Checking;

/// <summary>
/// <c>unknown-citekey</c>: an article's Pandoc or Manubot citation key that names no source (by its id, its
/// <c>keys</c> or its identifier). The sources that articles do cite by key are no orphans.
/// </summary>
public static class CitekeyRule
{
    /// <summary>Reports the unknown keys; returns the ids of the sources that the articles cite by key.</summary>
    public static HashSet<string> Run(EvidenceSet set, CitekeyResolver resolver, List<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(findings);
        var cited = new HashSet<string>(StringComparer.Ordinal);
        List<string>? allKeys = null;
        foreach (var article in set.Articles)
        {
            var aliases = article.Document.CitekeyAliases;
            foreach (var use in article.Document.Citations)
            {
                if (resolver.Resolve(use.Key, aliases) is { } id)
                {
                    cited.Add(id);
                    continue;
                }
                var target = CitekeyResolver.Dealias(use.Key, aliases);
                var via = target == use.Key ? "" : $" (an alias of '@{target}')";
                var what = CitekeyResolver.IdentifierOf(target) is { } identifier
                    ? $"no source has the {identifier.Field} '{identifier.Value}'; `evidence import` of the article creates one"
                    : "no source has it as its id or in its keys";
                allKeys ??= [.. set.Sources.SelectMany(s => s.Keys.Prepend(s.Id))];
                var hint = Values.Nearest(target, allKeys) is { } near ? $"; did you mean '@{near}'?" : "";
                findings.Add(new Finding
                {
                    Rule = Rules.UnknownCitekey,
                    Severity = Rules.DefaultSeverity(Rules.UnknownCitekey),
                    Message = $"citation key '@{use.Key}'{via} names no source: {what}{hint}",
                    File = article.File,
                    Line = use.Position.Line,
                    Column = use.Position.Column,
                    Article = article.Id,
                });
            }
        }
        return cited;
    }
}
