using EvidenceTracker.Articles;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Loading;
using EvidenceTracker.Model;

namespace EvidenceTracker.Importing;

/// <summary>
/// Plans the import of one Markdown article: the article copied byte for byte to <c>articles/&lt;id&gt;.md</c>, a
/// source for each footnote definition (shared by URL), and a draft claim for each cited passage that no claim of
/// the article tracks yet.
/// </summary>
internal static class ArticleImporter
{
    public static void Plan(ImportService.Input input, string? explicitId, ImportPlan plan)
    {
        byte[] bytes;
        try
        {
            var length = new FileInfo(input.FullPath).Length;
            if (length > SafeFile.MaxDocumentBytes)
            {
                plan.Problems.Add(new ImportProblem($"{input.Display}: the file is larger than {SafeFile.MaxDocumentBytes >> 20} MB; not imported", false, input.Display));
                return;
            }
            bytes = File.ReadAllBytes(input.FullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            plan.Problems.Add(new ImportProblem($"{input.Display}: cannot read the file: {ex.Message}", true, input.Display));
            return;
        }
        var sink = new FindingSink(input.Display);
        var text = SafeFile.Decode(bytes, sink, Rules.Schema);
        if (text is null)
        {
            var why = sink.Findings.Count > 0 ? sink.Findings[0] : null;
            plan.Problems.Add(new ImportProblem($"{input.Display}:{why?.Line}:{why?.Column}: {why?.Message ?? "not UTF-8"}; not imported", false, input.Display));
            return;
        }

        var id = explicitId ?? DerivedId(input.FullPath);
        var path = $"articles/{id}.md";
        if (!plan.ClaimArticleId(id))
        {
            plan.Problems.Add(new ImportProblem($"{input.Display}: another input of this import is also {path}; import it on its own with --id", false, input.Display));
            return;
        }
        var target = Path.Combine(plan.Root, "articles", id + ".md");
        var action = ImportAction.Create;
        if (File.Exists(target) || Directory.Exists(target))
        {
            byte[]? existing = null;
            try
            {
                existing = File.Exists(target) ? File.ReadAllBytes(target) : null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                plan.Problems.Add(new ImportProblem($"{path}: cannot read the file: {ex.Message}", true, path));
                return;
            }
            if (existing is null || !existing.AsSpan().SequenceEqual(bytes))
            {
                plan.Problems.Add(new ImportProblem(
                    $"{input.Display}: {path} already exists with different content; import under another id (--id NEW-ID), or remove {path} first",
                    false, input.Display));
                return;
            }
            action = ImportAction.Unchanged;
        }
        plan.AddArticle(new ImportedFile
        {
            Kind = ImportKind.Article, Id = id, Path = path, Action = action, From = input.Display,
            Content = action == ImportAction.Create ? bytes : null,
        });

        var document = ArticleParser.Parse(text);
        var articleLang = Languages.OfArticle(document);
        var sourceOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            if (definition.DuplicateOf is not null)
            {
                continue; // renderers use the first definition of a label
            }
            var draft = FootnoteReference.Parse(definition.Content);
            sourceOf[ArticleParser.NormalizeLabel(definition.Label)] =
                plan.SourceFor(draft, id, definition.Label, Languages.Of(draft.Title, articleLang));
        }

        var existingExcerpts = plan.Excerpts(id);
        foreach (var passage in document.Passages(plan.Scope))
        {
            var sources = passage.Labels.Select(l => sourceOf.GetValueOrDefault(l)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            if (sources.Count == 0 || existingExcerpts.Any(e => document.ExcerptOverlaps(e, passage)))
            {
                continue;
            }
            var markers = string.Concat(passage.Markers.Select(m => $"[^{m.Label}]"));
            plan.AddDraft(id, NormalizedText.Collapse(passage.Text), sources, markers);
        }
    }

    /// <summary>The slug of the file's name; for a name with no Latin letter or digit, <c>article-</c> and a hash.</summary>
    private static string DerivedId(string fullPath)
    {
        var stem = Path.GetFileNameWithoutExtension(fullPath);
        var slug = Slugs.Slugify(stem, Values.MaxIdLength);
        return slug.Length > 0 && Slugs.IsLatin(stem) ? slug : $"article-{Slugs.Hash(stem)}";
    }
}
