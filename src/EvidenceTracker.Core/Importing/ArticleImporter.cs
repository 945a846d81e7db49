using EvidenceTracker.Authoring;
using EvidenceTracker.Articles;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Loading;
using EvidenceTracker.Model;

namespace EvidenceTracker.Importing;

/// <summary>
/// The import of one Markdown article: the article copied byte for byte to <c>articles/&lt;id&gt;.md</c>, a source for
/// each footnote definition (shared by URL), and a draft claim for each cited passage that no claim of the article
/// tracks yet. <see cref="Prepare"/> (reading and parsing) runs in parallel; <see cref="Plan"/> runs in input order.
/// </summary>
internal static class ArticleImporter
{
    /// <summary>An input read and parsed; <see cref="Problem"/> set when it cannot be imported.</summary>
    internal sealed record Prepared(
        ImportService.Input Input,
        byte[]? Bytes,
        ArticleDocument? Document,
        IReadOnlyList<(FootnoteDefinition Definition, SourceDraft Draft)> Footnotes,
        string? Language,
        ImportProblem? Problem);

    public static Prepared Prepare(ImportService.Input input)
    {
        Prepared Refused(ImportProblem problem) => new(input, null, null, [], null, problem);
        byte[] bytes;
        try
        {
            var length = new FileInfo(input.FullPath).Length;
            if (length == 0 && Storage.LinuxFiles.IsSpecial(input.FullPath) == true)
            {
                // a named pipe would block the read, a device never end it
                return Refused(new ImportProblem($"{input.Display}: not a regular file (a named pipe, a socket or a device); not imported", true, input.Display));
            }
            if (length > SafeFile.MaxDocumentBytes)
            {
                return Refused(new ImportProblem($"{input.Display}: the file is larger than {SafeFile.MaxDocumentBytes >> 20} MB; not imported", false, input.Display));
            }
            bytes = File.ReadAllBytes(input.FullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Refused(new ImportProblem($"{input.Display}: cannot read the file: {ex.Message}", true, input.Display));
        }
        var sink = new FindingSink(input.Display);
        var text = SafeFile.Decode(bytes, sink, Rules.Schema);
        if (text is null)
        {
            var why = sink.Findings.Count > 0 ? sink.Findings[0] : null;
            return Refused(new ImportProblem($"{input.Display}:{why?.Line}:{why?.Column}: {why?.Message ?? "not UTF-8"}; not imported", false, input.Display));
        }
        var document = ArticleParser.Parse(text);
        var footnotes = document.Definitions
            .Where(d => d.DuplicateOf is null && d.Content.Length > 0) // renderers use the first definition; an empty one names nothing
            .Select(d => (d, FootnoteReference.Parse(d.Content)))
            .ToList();
        return new Prepared(input, bytes, document, footnotes, Languages.OfArticle(document), null);
    }

    public static void Plan(Prepared prepared, string? explicitId, ImportPlan plan)
    {
        var input = prepared.Input;
        if (prepared.Problem is { } problem)
        {
            plan.Problems.Add(problem);
            return;
        }
        var bytes = prepared.Bytes!;
        var document = prepared.Document!;

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
            byte[]? existing;
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

        var sourceOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (definition, draft) in prepared.Footnotes)
        {
            sourceOf[ArticleParser.NormalizeLabel(definition.Label)] =
                plan.SourceFor(draft, id, definition.Label, Languages.Of(draft.Title, prepared.Language));
        }

        var sourceOfKey = CitekeyImport.Resolve(document, id, plan);

        var existingSpans = plan.Excerpts(id).SelectMany(document.ExcerptSpans).ToList();
        // groups of markers in one sentence cite one passage (one text): its excerpt is made once for all of them
        string? lastText = null;
        var excerpt = "";
        foreach (var passage in document.Passages(plan.Scope))
        {
            var sources = passage.Labels.Select(l => sourceOf.GetValueOrDefault(l)).Concat(passage.Keys.Select(k => sourceOfKey.GetValueOrDefault(k.Key)))
                .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            if (sources.Count == 0 || document.Overlaps(passage, existingSpans))
            {
                continue;
            }
            var markers = passage.Citing;
            if (!ReferenceEquals(passage.Text, lastText))
            {
                lastText = passage.Text;
                excerpt = NormalizedText.Collapse(passage.Text);
            }
            plan.AddDraft(id, excerpt, sources, markers);
        }
    }

    /// <summary>The slug of the file's name; for a name with no Latin letter or digit, <c>article-</c> and a hash.</summary>
    private static string DerivedId(string fullPath)
    {
        var stem = Path.GetFileNameWithoutExtension(fullPath);
        var slug = Slugs.Slugify(stem, Values.MaxIdLength);
        return slug.Length > 0 && Slugs.IsLatin(stem) ? slug : $"article-{Slugs.Hash(stem, 6)}";
    }
}
