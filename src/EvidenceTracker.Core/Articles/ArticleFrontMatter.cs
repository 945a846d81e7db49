using EvidenceTracker.Diagnostics;
using EvidenceTracker.Model;
using EvidenceTracker.Yaml;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace EvidenceTracker.Articles;

/// <summary>
/// Reads the front matter of an article: YAML between <c>---</c> lines (Jekyll, MkDocs, Quarto, R Markdown, Hugo) or
/// TOML between <c>+++</c> lines (Hugo, Zola), each opening on the first line. Only <c>title</c>, <c>date</c> and
/// <c>lang</c> (or <c>language</c>) are taken, from the top level; everything else is the site generator's business.
/// </summary>
public static class ArticleFrontMatter
{
    public static FrontMatterFields Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.StartsWith('\uFEFF') ? text[1..] : text;
        var firstEnd = t.IndexOf('\n', StringComparison.Ordinal);
        var opening = (firstEnd < 0 ? t : t[..firstEnd]).TrimEnd();
        if (opening is not ("---" or "+++"))
        {
            return FrontMatterFields.None;
        }
        var toml = opening == "+++";
        var start = firstEnd < 0 ? t.Length : firstEnd + 1;
        var line = 2;
        for (var at = start; at < t.Length; line++)
        {
            var end = t.IndexOf('\n', at);
            var l = (end < 0 ? t[at..] : t[at..end]).TrimEnd();
            if (toml ? l == "+++" : l is "---" or "...")
            {
                var body = t[start..at];
                return toml ? ReadToml(body) : ReadYaml(body);
            }
            if (end < 0)
            {
                break;
            }
            at = end + 1;
        }
        return new FrontMatterFields
        {
            Problem = $"the front matter opened on line 1 is never closed: end it with a line of {opening}", ProblemAt = new Position(1, 1),
        };
    }

    /// <summary>The problem of TOML front matter (its body, between the <c>+++</c> lines), for the article's findings.</summary>
    internal static ArticleProblem? TomlProblem(string toml) =>
        ReadToml(toml) is { Problem: { } message } fields ? new ArticleProblem(Rules.YamlSyntax, Severity.Error, message, fields.ProblemAt) : null;

    private static FrontMatterFields ReadYaml(string yaml)
    {
        var sink = new FindingSink("front matter");
        var tree = YamlTreeReader.Read(yaml, sink);
        if (sink.Findings.Count > 0)
        {
            var f = sink.Findings[0];
            return new FrontMatterFields
            {
                Problem = $"front matter: {f.Message}", ProblemAt = f.Line is int l ? new Position(l + 1, f.Column ?? 1) : new Position(2, 1),
            };
        }
        if (tree is not YMapping mapping)
        {
            return tree is null or YScalar { IsNull: true }
                ? FrontMatterFields.None
                : new FrontMatterFields
                {
                    Problem = $"front matter must be a mapping of fields (title: …), not {tree.KindName}",
                    ProblemAt = new Position(tree.Start.Line + 1, tree.Start.Column),
                };
        }
        string? Scalar(params string[] keys) =>
            keys.Select(k => mapping.Entries.FirstOrDefault(e => e.Key.Value == k).Value)
                .OfType<YScalar>().FirstOrDefault(s => !s.IsNull)?.Value.Trim();
        return Fields(Scalar("title"), Scalar("date"), Scalar("lang", "language"));
    }

    private static FrontMatterFields ReadToml(string toml)
    {
        DocumentSyntax document;
        try
        {
            document = SyntaxParser.Parse(toml, "front matter", true);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or Tomlyn.TomlException)
        {
            // The parser's own limit speaks of its options ("Change TomlSerializerOptions.MaxDepth…"): said plainly here.
            var message = ex.Message.Contains("maximum depth", StringComparison.OrdinalIgnoreCase)
                ? "values nested more than 64 levels deep"
                : ex.Message;
            return new FrontMatterFields { Problem = $"TOML front matter: {message}", ProblemAt = new Position(2, 1) };
        }
        if (document.HasErrors)
        {
            var error = document.Diagnostics.FirstOrDefault(d => d.Kind == DiagnosticMessageKind.Error);
            return new FrontMatterFields
            {
                Problem = $"TOML front matter: {error?.Message ?? "not valid TOML"}",
                ProblemAt = error is null ? new Position(2, 1) : new Position(error.Span.Start.Line + 2, error.Span.Start.Column + 1),
            };
        }
        string? title = null, date = null, lang = null;
        foreach (var kv in document.KeyValues)
        {
            var key = kv.Key?.ToString().Trim().Trim('"', '\'');
            var value = kv.Value switch
            {
                StringValueSyntax s => s.Value,
                DateTimeValueSyntax d => d.Token?.Text,
                _ => null,
            };
            switch (key)
            {
                case "title":
                    title ??= value?.Trim();
                    break;
                case "date":
                    date ??= value?.Trim();
                    break;
                case "lang" or "language" or "languageCode":
                    lang ??= value?.Trim();
                    break;
                default:
                    break;
            }
        }
        return Fields(title, date, lang);
    }

    /// <summary>Empty values dropped; a date (or date-time) kept as its date when it is one.</summary>
    private static FrontMatterFields Fields(string? title, string? date, string? lang)
    {
        var day = date is { Length: >= 4 } d ? (d.Length >= 10 ? d[..10] : d) : null;
        return new FrontMatterFields
        {
            Title = title is { Length: > 0 } ? title : null,
            Date = day is not null && Values.DateProblem(day) is null ? day : null,
            Lang = lang is { Length: > 0 } ? lang : null,
        };
    }
}
