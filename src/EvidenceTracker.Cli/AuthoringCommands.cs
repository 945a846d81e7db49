using System.CommandLine;
using System.CommandLine.Parsing;
using EvidenceTracker.Authoring;
using EvidenceTracker.Model;
using EvidenceTracker.Reporting;

namespace EvidenceTracker.Cli;

internal static class InitCommand
{
    public static Command Create(CommandContext context)
    {
        var dir = new Argument<string?>("dir")
        {
            Description = "The folder to set up (created if needed; default: the --root folder, else the current one).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("init",
            "Set up an evidence repository: articles/, claims/, sources/, a commented evidence.yaml, GitHub Actions workflows\n" +
            "(check on every push; build and publish the map with GitHub Pages), JSON Schemas in schemas/ and .vscode/settings.json mapping them.\n" +
            "Files that already exist are kept as they are.\n" +
            "Examples:\n  evidence init my-evidence\n  evidence init --action acme/evidencetracker@v0.1.0")
        {
            dir,
        };
        var action = new Option<string>("--action")
        {
            Description = "The EvidenceTracker GitHub Action the workflows use, as OWNER/REPO@REF (default: a placeholder to edit).",
            HelpName = "OWNER/REPO@REF",
            DefaultValueFactory = _ => InitService.ActionPlaceholder,
        };
        action.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<string>() ?? "";
            if (!System.Text.RegularExpressions.Regex.IsMatch(value, @"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[A-Za-z0-9_./-]+)?@[A-Za-z0-9_./-]+$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                r.AddError($"--action must look like OWNER/REPO@REF, not '{value}'");
            }
        });
        command.Options.Add(action);
        command.SetAction(parsed =>
        {
            var target = parsed.GetValue(dir) is { Length: > 0 } d
                ? context.Environment.FullPath(d)
                : context.RootOf(parsed);
            var uses = parsed.GetValue(action)!;
            var result = InitService.Init(target, uses);
            foreach (var path in result.Created)
            {
                context.Out.WriteLine(TerminalText.Format($"created {path}"));
            }
            foreach (var path in result.Kept)
            {
                context.Out.WriteLine(TerminalText.Format($"kept    {path} (already there)"));
            }
            if (uses == InitService.ActionPlaceholder && result.Created.Any(p => p.StartsWith(".github/", StringComparison.Ordinal)))
            {
                context.Out.WriteLine($"Edit .github/workflows/*.yml: replace {InitService.ActionPlaceholder} with the EvidenceTracker repository you use (or run init with --action OWNER/REPO@REF).");
            }
            context.Out.WriteLine($"Next: evidence add source --title \"…\" --url https://…   then   evidence add claim --statement \"…\" --cite SOURCE");
            return ExitCodes.Ok;
        });
        return command;
    }
}

internal static class AddCommand
{
    public static Command Create(CommandContext context)
    {
        var command = new Command("add", "Add a source or a claim (a new YAML file; existing files are never overwritten).");
        command.Subcommands.Add(CreateSource(context));
        command.Subcommands.Add(CreateClaim(context));
        return command;
    }

    private static Option<string?> Text(string name, string description, string helpName = "TEXT") =>
        new(name) { Description = description, HelpName = helpName };

    private static Option<string?> Choice(string name, string description, string[] choices)
    {
        var option = new Option<string?>(name) { Description = description, HelpName = string.Join('|', choices) };
        option.AcceptOnlyFromAmong(choices);
        return option;
    }

    private static Command CreateSource(CommandContext context)
    {
        var title = Text("--title", "The title (required; asked for on a terminal).");
        var id = Text("--id", "The id (a lowercase slug); derived from publisher + date, else the URL's host + date, else the title.", "ID");
        var type = GlobalOptions.OneOf<SourceType>("--type", Names.SourceTypes, "The kind of source (default web-page).");
        var authors = new Option<string[]>("--author") { Description = "An author as \"Family, Given\" or an organisation; repeat for each.", HelpName = "NAME", AllowMultipleArgumentsPerToken = false };
        var publisher = Text("--publisher", "Journal, newspaper, site or organisation.");
        var date = Text("--date", "Publication date: YYYY, YYYY-MM or YYYY-MM-DD.", "DATE");
        var accessed = Text("--accessed", "When web material was read: YYYY-MM-DD.", "DATE");
        var url = Text("--url", "An absolute http(s) URL.", "URL");
        var doi = Text("--doi", "A DOI: 10.…, doi:10.… or https://doi.org/10.… (stored bare and lowercase).", "DOI");
        var pmid = Text("--pmid", "A PubMed id (digits).", "PMID");
        var arxiv = Text("--arxiv", "An arXiv id: 2101.00001, arXiv:2101.00001 or an arxiv.org URL.", "ARXIV");
        var lang = Text("--lang", "The language, a BCP 47 tag such as en or zh.", "LANG");
        var level = Choice("--level", "primary (reports its own research or data) or secondary (reports on others').", Names.Levels);
        var reportsOn = new Option<string[]>("--reports-on") { Description = "For a secondary source: the id of a source it reports on; repeatable.", HelpName = "SOURCE" };
        reportsOn.CompletionSources.Add(ctx => Completions.SourceIds(ctx, context));
        var volume = Text("--volume", "Volume.", "V");
        var issue = Text("--issue", "Issue.", "N");
        var pages = Text("--pages", "Pages, such as 3033-3043.", "PAGES");
        var allowDuplicate = new Option<bool>("--allow-duplicate") { Description = "Write the source even when another has its DOI, PMID, PMCID, arXiv id or URL." };
        var format = GlobalOptions.Format<OutputFormat>(Names.OutputFormats, "Output: the new id and path (text), or the source record (json).");
        var command = new Command("source",
            "Write sources/<id>.yaml. The values are checked exactly as `evidence check` checks them; nothing is written if one is invalid.\n" +
            "Examples:\n  evidence add source --title \"Large-scale pancreatic cancer detection via non-contrast CT and deep learning\" \\\n" +
            "    --type journal-article --publisher \"Nature Medicine\" --date 2023-11-20 --doi https://doi.org/10.1038/s41591-023-02640-w --level primary\n" +
            "  evidence add source --title \"这个AI能救命\" --url https://www.qbitai.com/2025/06/300840.html --date 2025-06-25 --type news --lang zh\n" +
            "Without --title, a --doi, --pmid, --arxiv or --url is looked up (cached in sources/.cache/) and the source written with its metadata;\n" +
            "options given explicitly win over what the look-up found.\n" +
            "  evidence add source --doi 10.1038/s41591-023-02640-w --level primary\n" +
            "  evidence add source --pmid 37985692\n" +
            "  evidence add source --url https://www.qbitai.com/2025/06/300840.html --level secondary")
        {
            title, id, type, authors, publisher, date, accessed, url, doi, pmid, arxiv, lang, level, reportsOn, volume, issue, pages, allowDuplicate, format, LookupCommand.Offline,
        };
        command.SetAction(parsed =>
        {
            // Identifiers that do not parse are left to AddSource, which refuses them with exit 1 as `check` would.
            var identifiers = new EvidenceTracker.Lookup.Identifiers
            {
                Doi = parsed.GetValue(doi) is { } d ? Values.NormalizeDoi(d) : null,
                Pmid = parsed.GetValue(pmid) is { } p ? Values.NormalizePmid(p) : null,
                Arxiv = parsed.GetValue(arxiv) is { } a ? Values.NormalizeArxiv(a) : null,
                Url = parsed.GetValue(url) is { } u && Values.IsHttpUrl(u) ? u : null,
            };
            var found = new EvidenceTracker.Lookup.SourceMetadata();
            if (parsed.GetValue(title) is null && identifiers.Any)
            {
                var (metadata, problems) = EvidenceTracker.Lookup.LookupService.Describe(LookupCommand.Settings(context, parsed, refresh: false), identifiers).GetAwaiter().GetResult();
                if (metadata?.Title is null)
                {
                    foreach (var problem in problems)
                    {
                        context.Error.WriteLine($"error: {problem}");
                    }
                    context.Error.WriteLine("error: the look-up found no title; nothing written (give --title to add the source by hand)");
                    return ExitCodes.Findings;
                }
                found = metadata;
            }
            var prompter = new Prompter(context);
            var given = parsed.GetValue(authors) ?? [];
            var settings = new AddSourceSettings
            {
                Root = context.RootOf(parsed),
                Title = parsed.GetValue(title) ?? found.Title ?? prompter.Require(null, "--title", "Title"),
                Id = parsed.GetValue(id),
                Type = parsed.GetValue(type) ?? found.Type ?? SourceType.WebPage,
                Authors = given.Length > 0 ? given : found.Authors,
                Publisher = parsed.GetValue(publisher) ?? found.Publisher,
                Date = parsed.GetValue(date) ?? found.Date,
                Accessed = parsed.GetValue(accessed),
                Url = parsed.GetValue(url) ?? found.Url,
                Doi = parsed.GetValue(doi) ?? found.Doi,
                Pmid = parsed.GetValue(pmid) is { } pm ? Values.NormalizePmid(pm) ?? pm : found.Pmid,
                Pmcid = found.Pmcid,
                Arxiv = parsed.GetValue(arxiv) ?? found.Arxiv,
                Isbn = found.Isbn,
                Lang = parsed.GetValue(lang) ?? found.Lang,
                Level = parsed.GetValue(level),
                ReportsOn = parsed.GetValue(reportsOn) ?? [],
                Volume = parsed.GetValue(volume) ?? found.Volume,
                Issue = parsed.GetValue(issue) ?? found.Issue,
                Pages = parsed.GetValue(pages) ?? found.Pages,
                AllowDuplicate = parsed.GetValue(allowDuplicate),
            };
            return WriteOutcome(AuthoringService.AddSource(settings), parsed.GetValue(format), context);
        });
        return command;
    }

    private static Command CreateClaim(CommandContext context)
    {
        var statement = Text("--statement", "The claim in your own words (required; asked for on a terminal).");
        var id = Text("--id", "The id (a lowercase slug); derived from the statement when left out.", "ID");
        var article = Text("--article", "The id of the article that makes the claim.", "ARTICLE");
        article.CompletionSources.Add(ctx => Completions.ArticleIds(ctx, context));
        var excerpt = Text("--excerpt", "The claim's words, verbatim from the article.");
        var cite = new Option<string[]>("--cite") { Description = "The id of a source that supports the claim; repeatable. --quote, --locator and --stance after it apply to it.", HelpName = "SOURCE" };
        cite.CompletionSources.Add(ctx => Completions.SourceIds(ctx, context));
        var quote = new Option<string[]>("--quote") { Description = "A verbatim passage of the source cited just before.", HelpName = "TEXT" };
        var locator = new Option<string[]>("--locator") { Description = "Where in the source cited just before: page, section, paragraph, figure, table.", HelpName = "WHERE" };
        var stance = new Option<string[]>("--stance") { Description = "supports (default), refutes or mentions, for the source cited just before.", HelpName = "supports|refutes|mentions" };
        stance.AcceptOnlyFromAmong(Names.Stances);
        var verdict = Choice("--verdict", "The reviewer's judgement.", Names.Verdicts);
        var note = Text("--note", "A note for readers and reviewers.");
        var tags = new Option<string[]>("--tag") { Description = "A tag; repeatable.", HelpName = "TAG" };
        var format = GlobalOptions.Format<OutputFormat>(Names.OutputFormats, "Output: the new id and path (text), or the claim record (json).");
        var command = new Command("claim",
            "Write claims/<id>.yaml. Cited sources and the article must exist; nothing is written if a value is invalid.\n" +
            "Examples:\n  evidence add claim --statement \"DAMO PANDA found 31 missed pancreatic lesions in over 20,000 CT scans\" \\\n" +
            "    --article damo-grape-ct-screening --excerpt \"找出了31例此前被漏诊的胰腺癌病灶\" --cite qbitai-2025-06-25 --tag damo-panda\n" +
            "  evidence add claim --statement \"…\" --cite cao-2023-panda --quote \"…\" --locator abstract --cite qbitai-2025-06-25")
        {
            statement, id, article, excerpt, cite, quote, locator, stance, verdict, note, tags, format,
        };
        command.SetAction(parsed =>
        {
            var prompter = new Prompter(context);
            var root = context.RootOf(parsed);
            var text = prompter.Require(parsed.GetValue(statement), "--statement", "Statement (the claim in your own words)");
            var citations = CitationsInOrder(parsed, cite, quote, locator, stance);
            if (citations.Count == 0 && prompter.Interactive)
            {
                var ids = AuthoringService.Ids(root, "sources", recursive: false).Order(StringComparer.Ordinal).ToList();
                if (ids.Count > 0 && prompter.Ask("Source to cite (Enter for none)", ids) is { Length: > 0 } chosen)
                {
                    citations.Add(new CitationSpec(chosen));
                }
            }
            var settings = new AddClaimSettings
            {
                Root = root,
                Statement = text,
                Id = parsed.GetValue(id),
                Article = parsed.GetValue(article),
                Excerpt = parsed.GetValue(excerpt),
                Citations = citations,
                Verdict = parsed.GetValue(verdict),
                Note = parsed.GetValue(note),
                Tags = parsed.GetValue(tags) ?? [],
            };
            return WriteOutcome(AuthoringService.AddClaim(settings), parsed.GetValue(format), context);
        });
        return command;
    }

    /// <summary>Pairs each --quote, --locator and --stance with the --cite before it, in command-line order.</summary>
    private static List<CitationSpec> CitationsInOrder(ParseResult parsed, Option<string[]> cite, Option<string[]> quote, Option<string[]> locator, Option<string[]> stance)
    {
        var result = new List<CitationSpec>();
        var tokens = parsed.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Type != TokenType.Option || i + 1 >= tokens.Count)
            {
                continue;
            }
            var value = tokens[i + 1].Value;
            if (cite.Name == token.Value || cite.Aliases.Contains(token.Value))
            {
                result.Add(new CitationSpec(value));
            }
            else if (quote.Name == token.Value || locator.Name == token.Value || stance.Name == token.Value)
            {
                if (result.Count == 0)
                {
                    throw new UsageException($"{token.Value} must follow the --cite it belongs to: --cite SOURCE {token.Value} …");
                }
                var last = result[^1];
                result[^1] = token.Value switch
                {
                    "--quote" => last with { Quote = value },
                    "--locator" => last with { Locator = value },
                    _ => last with { Stance = Names.TryParse(Names.Stances, value, out Stance s) ? s : null },
                };
            }
        }
        return result;
    }

    internal static int WriteOutcome(WriteResult result, OutputFormat format, CommandContext context)
    {
        if (!result.Ok)
        {
            foreach (var problem in result.Problems)
            {
                context.Error.WriteLine(TerminalText.Format($"error: {problem}"));
            }
            context.Error.WriteLine("Nothing was written.");
            return ExitCodes.Findings;
        }
        if (format == OutputFormat.Json)
        {
            if (result.Claim is { } claim)
            {
                ListingFormatter.WriteRecord(claim, context.Out);
            }
            else if (result.Source is { } source)
            {
                ListingFormatter.WriteRecord(source, context.Out);
            }
        }
        else
        {
            context.Out.WriteLine(TerminalText.Format($"{result.Id} {result.Path}"));
        }
        return ExitCodes.Ok;
    }
}

internal static class CiteCommand
{
    public static Command Create(CommandContext context)
    {
        var claim = new Argument<string?>("claim") { Description = "The id of the claim.", HelpName = "claim", Arity = ArgumentArity.ZeroOrOne };
        // Claims are offered while the first argument is being typed; sources once it is there.
        claim.CompletionSources.Add(ctx => ctx.ParseResult.GetValue(claim) is { } c && c != ctx.WordToComplete ? [] : Completions.ClaimIds(ctx, context));
        var source = new Argument<string?>("source") { Description = "The id of the source it cites.", HelpName = "source", Arity = ArgumentArity.ZeroOrOne };
        source.CompletionSources.Add(ctx => ctx.ParseResult.GetValue(claim) is not { } c || (c == ctx.WordToComplete && ctx.ParseResult.GetValue(source) is null)
            ? [] : Completions.SourceIds(ctx, context));
        var quote = new Option<string?>("--quote") { Description = "A verbatim passage of the source.", HelpName = "TEXT" };
        var locator = new Option<string?>("--locator") { Description = "Where in the source: page, section, paragraph, figure, table.", HelpName = "WHERE" };
        var stance = new Option<string?>("--stance") { Description = "supports (default), refutes or mentions.", HelpName = "supports|refutes|mentions" };
        stance.AcceptOnlyFromAmong(Names.Stances);
        var again = new Option<bool>("--again") { Description = "Add a second citation of a source the claim already cites (another passage: give it its own --locator)." };
        var format = GlobalOptions.Format<OutputFormat>(Names.OutputFormats, "Output: the claim's id and path (text), or the edited claim (json).");
        var command = new Command("cite",
            "Add a citation to a claim, or complete the claim's citation of that source with the quote, locator or stance it lacks.\n" +
            "The claim file is edited in place: comments, key order, quoting and blank lines stay as they were.\n" +
            "Refuses an unknown claim or source, a citation that is already there, and a value that would replace another (use --again or `evidence set`).\n" +
            "Examples:\n  evidence cite panda-missed-lesions-31 cao-2023-panda --locator abstract --stance mentions\n" +
            "  evidence cite grape-sensitivity-85-1 qbitai-2025-06-25 --quote \"敏感性达到85.1%\"\n" +
            "  evidence cite grape-sensitivity-85-1 qbitai-2025-06-25 --again --locator \"para. 14\" --quote \"…\"")
        {
            claim, source, quote, locator, stance, again, format,
        };
        command.SetAction(parsed =>
        {
            var prompter = new Prompter(context);
            var root = context.RootOf(parsed);
            var claimId = prompter.Require(parsed.GetValue(claim), "CLAIM", "Claim to cite from",
                prompter.Interactive && parsed.GetValue(claim) is null ? AuthoringService.ClaimFiles(root).Keys.Order(StringComparer.Ordinal).ToList() : null);
            var sourceId = prompter.Require(parsed.GetValue(source), "SOURCE", "Source to cite",
                prompter.Interactive && parsed.GetValue(source) is null ? AuthoringService.Ids(root, "sources", false).Order(StringComparer.Ordinal).ToList() : null);
            var settings = new CiteSettings
            {
                Root = root,
                Claim = claimId,
                Citation = new CitationSpec(sourceId, parsed.GetValue(quote), parsed.GetValue(locator),
                    parsed.GetValue(stance) is { } s && Names.TryParse(Names.Stances, s, out Stance st) ? st : null),
                Again = parsed.GetValue(again),
            };
            return AddCommand.WriteOutcome(AuthoringService.Cite(settings), parsed.GetValue(format), context);
        });
        return command;
    }
}

/// <summary>Completion of ids, read from the repository named by --root (or the working directory).</summary>
internal static class Completions
{
    private static string Root(System.CommandLine.Completions.CompletionContext ctx, CommandContext context)
    {
        var root = ctx.ParseResult.GetValue(GlobalOptions.Root);
        return context.Environment.FullPath(string.IsNullOrEmpty(root) ? "." : root);
    }

    private static IEnumerable<string> Safe(Func<IEnumerable<string>> ids)
    {
        try
        {
            return ids().Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    public static IEnumerable<string> SourceIds(System.CommandLine.Completions.CompletionContext ctx, CommandContext context) =>
        Safe(() => AuthoringService.Ids(Root(ctx, context), "sources", recursive: false));

    public static IEnumerable<string> ClaimIds(System.CommandLine.Completions.CompletionContext ctx, CommandContext context) =>
        Safe(() => AuthoringService.ClaimFiles(Root(ctx, context)).Keys);

    public static IEnumerable<string> ArticleIds(System.CommandLine.Completions.CompletionContext ctx, CommandContext context) =>
        Safe(() => Articles.ArticleFiles.Ids(Root(ctx, context)));
}
