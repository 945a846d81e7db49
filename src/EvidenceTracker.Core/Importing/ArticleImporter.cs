using EvidenceTracker.Articles;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Loading;
using EvidenceTracker.Model;
using EvidenceTracker.Storage;

namespace EvidenceTracker.Importing;

/// <summary>
/// The import of one article: the file copied byte for byte to <c>articles/&lt;id&gt;.&lt;ext&gt;</c> (its extension
/// kept), the sources its footnote definitions name (<see cref="FootnoteSources"/>: shared by URL; none for a note),
/// and a draft claim for each cited passage that no claim of the article tracks yet. A file that cannot be read as an
/// article (not UTF-8, binary, too large, front matter that does not parse) is skipped and reported. <see cref="Prepare"/> (reading and parsing) runs in parallel; <see cref="Plan"/> runs in input order.
/// </summary>
internal static class ArticleImporter
{
    /// <summary>An input read and parsed; <see cref="Problem"/> set when it cannot be imported.</summary>
    internal sealed record Prepared(
        ImportService.Input Input,
        byte[]? Bytes,
        ArticleDocument? Document,
        IReadOnlyList<(FootnoteDefinition Definition, IReadOnlyList<SourceDraft> Drafts)> Footnotes,
        string? Language,
        ImportProblem? Problem);

    public static Prepared Prepare(ImportService.Input input)
    {
        Prepared Refused(ImportProblem problem) => new(input, null, null, [], null, problem);
        byte[] bytes;
        try
        {
            // a named pipe would block the read, a device never end it; a link the user named is followed
            bytes = UserFile.ReadAllBytes(input.FullPath, input.Display, SafeFile.MaxDocumentBytes, pipes: false);
        }
        catch (UserFileException ex)
        {
            return Refused(new ImportProblem($"{input.Display} {ex.Reason}; not imported", IsUsage: !ex.TooLarge, input.Display));
        }
        var sink = new FindingSink(input.Display);
        var text = SafeFile.Decode(bytes, sink, Rules.Schema);
        if (text is null)
        {
            var why = sink.Findings.Count > 0 ? sink.Findings[0] : null;
            return Refused(new ImportProblem($"{input.Display}:{why?.Line}:{why?.Column}: {why?.Message ?? "not UTF-8"}; not imported", false, input.Display));
        }
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return Refused(new ImportProblem($"{input.Display}: a binary file (it holds NUL bytes), not a Markdown article; not imported", false, input.Display));
        }
        var fields = ArticleFrontMatter.Read(text);
        if (fields.Problem is { } unreadable)
        {
            return Refused(new ImportProblem($"{input.Display}:{fields.ProblemAt?.Line ?? 1}:{fields.ProblemAt?.Column ?? 1}: {unreadable}; not imported", false, input.Display));
        }
        var document = ArticleParser.Parse(text);
        var footnotes = document.Definitions
            .Where(d => d.DuplicateOf is null && d.Content.Length > 0) // renderers use the first definition; an empty one names nothing
            .Select(d => (d, FootnoteSources.Parse(d.Content)))
            .ToList();
        // the front matter's language when it is a language tag; else the body's script tells
        var language = fields.Lang is { } lang && Values.LangProblem(lang) is null ? lang : Languages.OfArticle(document);
        return new Prepared(input, bytes, document, footnotes, language, null);
    }

    /// <param name="derivedId">The id <see cref="ArticleIds"/> gave the input; <paramref name="explicitId"/> (--id) wins.</param>
    public static void Plan(Prepared prepared, string? explicitId, string derivedId, ImportPlan plan)
    {
        var input = prepared.Input;
        if (prepared.Problem is { } problem)
        {
            plan.Skipped.Add(problem); // an unreadable or odd file never stops the others
            return;
        }
        var bytes = prepared.Bytes!;
        var document = prepared.Document!;

        var id = explicitId ?? derivedId;
        var extension = ArticleFiles.Extension(input.FullPath) ?? ".md";
        var path = $"articles/{id}{extension}";
        if (!plan.ClaimArticleId(id))
        {
            plan.Problems.Add(new ImportProblem($"{input.Display}: another input of this import is also {path}; import it on its own with --id", false, input.Display));
            return;
        }
        var target = Path.Combine(plan.Root, "articles", id + extension);
        if (plan.ArticleFile(id) is { } other && other != Path.GetFileName(target))
        {
            plan.Problems.Add(new ImportProblem(
                $"{input.Display}: article id '{id}' is already articles/{other}; import under another id (--id NEW-ID)", false, input.Display));
            return;
        }
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

        // a note (no draft) names no source; a definition with several links, several
        var sourceOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (definition, drafts) in prepared.Footnotes)
        {
            sourceOf[ArticleParser.NormalizeLabel(definition.Label)] =
                [.. drafts.Select(draft => plan.SourceFor(draft, id, definition.Label, Languages.Of(draft.Title, prepared.Language)))];
        }

        var sourceOfKey = CitekeyImport.Resolve(document, id, plan);

        var existingSpans = plan.Excerpts(id).SelectMany(document.ExcerptSpans).ToList();
        // groups of markers in one sentence cite one passage (one text): its excerpt is made once for all of them
        string? lastText = null;
        var excerpt = "";
        foreach (var passage in document.Passages(plan.Scope))
        {
            var sources = passage.Labels.SelectMany(l => sourceOf.GetValueOrDefault(l) ?? [])
                .Concat(passage.Keys.Select(k => sourceOfKey.GetValueOrDefault(k.Key)).OfType<string>())
                .Distinct(StringComparer.Ordinal).ToList();
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
        if (plan.Links)
        {
            PlanLinks(document, id, prepared.Language, existingSpans, plan);
        }
    }

    /// <summary>
    /// <c>--links</c>: a source of each linked page (titled from the link's text, its host the publisher; one per
    /// normalised URL, an existing one reused) and a draft claim of each sentence holding a link.
    /// </summary>
    private static void PlanLinks(ArticleDocument document, string id, string? language, List<(int Start, int End)> existingSpans, ImportPlan plan)
    {
        for (var b = 0; b < document.Blocks.Count; b++)
        {
            var block = document.Blocks[b];
            var bySentence = new SortedDictionary<int, List<string>>();
            var citing = new Dictionary<int, string>();
            foreach (var link in block.Links)
            {
                if (Urls.Normalize(link.Url) is null || block.SentenceAt(link.SourceOffset) is not (var s and >= 0))
                {
                    continue;
                }
                var title = FootnoteSources.PlainText(link.Text);
                var draft = new SourceDraft
                {
                    Title = title.Length > 0 ? title : Urls.WithoutTracking(link.Url),
                    Url = link.Url,
                    Publisher = Uri.TryCreate(link.Url, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? uri.Host.ToLowerInvariant() : null,
                };
                var from = $"<{link.Url}>";
                var source = plan.SourceFor(draft, id, link.Url, Languages.Of(draft.Title, language), from);
                if (!bySentence.TryGetValue(s, out var list))
                {
                    bySentence[s] = list = [];
                    citing[s] = "";
                }
                if (!list.Contains(source, StringComparer.Ordinal))
                {
                    list.Add(source);
                }
                citing[s] = citing[s].Length == 0 ? from : $"{citing[s]} {from}";
            }
            foreach (var (s, sources) in bySentence)
            {
                var sentence = block.Sentences[s];
                var passage = new CitedPassage
                {
                    Block = b, FirstSentence = s, LastSentence = s, Markers = [], Text = sentence.Text, Position = sentence.Position,
                };
                if (!document.Overlaps(passage, existingSpans))
                {
                    plan.AddDraft(id, NormalizedText.Collapse(sentence.Text), sources, citing[s]);
                }
            }
        }
    }
}
