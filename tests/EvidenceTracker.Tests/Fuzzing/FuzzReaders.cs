using System.Text;
using EvidenceTracker.App;
using EvidenceTracker.Bibliography;
using EvidenceTracker.Importing;
using EvidenceTracker.Loading;
using EvidenceTracker.Model;
using EvidenceTracker.Quotes;
using EvidenceTracker.Reporting;
using EvidenceTracker.Site;
using ArticleImportReport = EvidenceTracker.Importing.ImportReport;

namespace EvidenceTracker.Tests.Fuzzing;

/// <summary>What a reader made of one input: the outcome written out as text, or the one-line error it gave.</summary>
public sealed record FuzzOutcome(string Result, string? Error = null);

/// <summary>
/// One reader of the product, driven through the entry point the CLI uses. An input stands in for a fixture file
/// (its <em>place</em>, a path under <c>tests/fixtures</c>): repository files are written into a copy of their
/// fixture repository and checked; bibliographies and articles to import are imported with <c>--dry-run</c> into an
/// empty repository; HTML outside a repository goes to the snapshot text extractor.
/// </summary>
public abstract class FuzzReader
{
    /// <summary>Every reader, in a fixed order.</summary>
    public static IReadOnlyList<FuzzReader> All { get; } =
    [
        new RepositoryReader("claim-yaml", p => p.Folder == "claims" && p.Extension == ".yaml"),
        new RepositoryReader("source-yaml", p => p.Folder == "sources" && p.Extension == ".yaml" && !p.Rest.Contains('/', StringComparison.Ordinal)),
        new RepositoryReader("config", p => p.Folder == RepositoryLoader.ConfigFile),
        new RepositoryReader("article", p => p.Folder == "articles" && p.Extension == ".md"),
        new SnapshotReader(),
        new BibliographyReader("bibtex", ".bib"),
        new BibliographyReader("ris", ".ris"),
        new BibliographyReader("csl-json", ".json"),
        new ArticleImportReader(),
        new ArticleSiteReader(),
        new BaselineReader(),
        new SiteManifestReader(),
        new PdfReader(),
    ];

    public static FuzzReader Named(string name) =>
        All.FirstOrDefault(r => r.Name == name) ?? throw new ArgumentException($"no fuzz reader '{name}'; readers: {string.Join(", ", All.Select(r => r.Name))}", nameof(name));

    public abstract string Name { get; }

    /// <summary>Whether the fixture at <paramref name="place"/> seeds this reader.</summary>
    public abstract bool Seeds(FixturePlace place);

    /// <summary>Reads <paramref name="input"/> as if it were the file at <paramref name="place"/>.</summary>
    public abstract FuzzOutcome Run(byte[] input, FixturePlace place, FuzzWorkspace workspace);

    /// <summary>The report of a check, in the two formats people read most (the JSON contract and plain text).</summary>
    protected static string CheckReportOf(string root)
    {
        try
        {
            var report = EvidenceQueries.Check(root);
            using var writer = new StringWriter();
            ReportFormats.Create(ReportFormat.Json, false, "0").Write(report, writer);
            ReportFormats.Create(ReportFormat.Text, false, "0").Write(report, writer);
            return writer.ToString();
        }
        catch (EvidenceRootException ex)
        {
            return "error: " + ex.Message;
        }
    }
}

/// <summary>A path under <c>tests/fixtures</c>, split at the first repository folder (claims, sources, articles) or <c>evidence.yaml</c>.</summary>
public sealed record FixturePlace(string Path)
{
    private static readonly string[] RepositoryParts = ["claims", "sources", "articles", RepositoryLoader.ConfigFile];

    /// <summary>The fixture repository holding the file (<c>verification</c>), or null for a file outside any.</summary>
    public string? Repository => Split().Repository;

    /// <summary>claims, sources, articles or evidence.yaml; null outside a repository.</summary>
    public string? Folder => Split().Folder;

    /// <summary>The path below <see cref="Folder"/>.</summary>
    public string Rest => Split().Below;

    public string Extension => System.IO.Path.GetExtension(Path).ToLowerInvariant();

    private (string? Repository, string? Folder, string Below) Split()
    {
        var parts = Path.Split('/');
        for (var i = 1; i < parts.Length; i++)
        {
            if (RepositoryParts.Contains(parts[i]))
            {
                return (string.Join('/', parts[..i]), parts[i], string.Join('/', parts[(i + 1)..]));
            }
        }
        return (null, null, Path);
    }

    public override string ToString() => Path;
}

/// <summary>A file of an evidence repository (claim, source, evidence.yaml, article, snapshot): the repository is checked.</summary>
internal sealed class RepositoryReader(string name, Func<FixturePlace, bool> seeds) : FuzzReader
{
    public override string Name => name;

    public override bool Seeds(FixturePlace place) => place.Repository is not null && seeds(place);

    public override FuzzOutcome Run(byte[] input, FixturePlace place, FuzzWorkspace workspace) =>
        workspace.WithFileIn(place, input, root => new FuzzOutcome(CheckReportOf(root)));
}

/// <summary>
/// Snapshots: those of a fixture repository are read by <c>check</c> (decoded, hashed, reduced to text, quotes looked
/// up); HTML elsewhere goes straight to the snapshot text extractor.
/// </summary>
internal sealed class SnapshotReader : FuzzReader
{
    private static readonly string[] Extensions = [".html", ".htm", ".md", ".txt"];

    public override string Name => "snapshot";

    public override bool Seeds(FixturePlace place) =>
        Extensions.Contains(place.Extension)
        && (place.Folder == "sources" ? place.Rest.StartsWith("snapshots/", StringComparison.Ordinal) : place.Repository is null && place.Extension is ".html" or ".htm");

    public override FuzzOutcome Run(byte[] input, FixturePlace place, FuzzWorkspace workspace)
    {
        if (place.Repository is not null)
        {
            return workspace.WithFileIn(place, input, root => new FuzzOutcome(CheckReportOf(root)));
        }
        return new FuzzOutcome(SnapshotText.Extract(Encoding.UTF8.GetString(input), place.Extension));
    }
}

/// <summary>A bibliography imported with <c>--dry-run</c> into an empty repository, and its import report.</summary>
internal sealed class BibliographyReader(string name, string extension) : FuzzReader
{
    public override string Name => name;

    public override bool Seeds(FixturePlace place) =>
        place.Repository is null && place.Extension == extension && !All.OfType<OwnFolderReader>().Any(r => r.Owns(place));

    public override FuzzOutcome Run(byte[] input, FixturePlace place, FuzzWorkspace workspace)
    {
        var file = workspace.Input(input, place.Extension);
        try
        {
            var result = BibliographyImporter.Import(workspace.EmptyRepository, [file], dryRun: true);
            using var writer = new StringWriter();
            ArticleImportReport.Write(result, OutputFormat.Json, writer, writer);
            ArticleImportReport.Write(result, OutputFormat.Text, writer, writer);
            return new FuzzOutcome(writer.ToString());
        }
        catch (BibliographyFileException ex)
        {
            return new FuzzOutcome("", ex.Message);
        }
    }
}

/// <summary>An article imported with <c>--dry-run</c> (front matter, footnote references become sources).</summary>
internal sealed class ArticleImportReader : FuzzReader
{
    public override string Name => "article-import";

    public override bool Seeds(FixturePlace place) => place.Folder == "articles" && place.Extension == ".md";

    public override FuzzOutcome Run(byte[] input, FixturePlace place, FuzzWorkspace workspace)
    {
        var file = workspace.Input(input, ".md");
        var result = ImportService.Run(new ImportSettings
        {
            Root = workspace.EmptyRepository,
            Paths = [file],
            WorkingDirectory = workspace.EmptyRepository,
            DryRun = true,
            Format = OutputFormat.Json,
        });
        using var output = new StringWriter();
        using var error = new StringWriter();
        ArticleImportReport.Write(result, OutputFormat.Json, output, error);
        ArticleImportReport.Write(result, OutputFormat.Text, output, error);
        return new FuzzOutcome($"outcome {result.Outcome}\n{output}\n{error}");
    }
}

/// <summary>An article rendered to HTML for the site, as <c>build</c> does.</summary>
internal sealed class ArticleSiteReader : FuzzReader
{
    public override string Name => "article-site";

    public override bool Seeds(FixturePlace place) => place.Folder == "articles" && place.Extension == ".md";

    public override FuzzOutcome Run(byte[] input, FixturePlace place, FuzzWorkspace workspace) =>
        new(ArticleRenderer.Render(Encoding.UTF8.GetString(input), [], "Title"));
}

/// <summary>
/// A reader of the files of one fixture folder of its own (JSON the CSL-JSON reader leaves alone), seeded by them; the
/// regression inputs kept for it are its own too.
/// </summary>
internal abstract class OwnFolderReader(string name, string folder) : FuzzReader
{
    public override string Name => name;

    public bool Owns(FixturePlace place) =>
        place.Path.StartsWith(folder + "/", StringComparison.Ordinal) || place.Path.StartsWith($"fuzz-regressions/{name}/", StringComparison.Ordinal);

    public override bool Seeds(FixturePlace place) => place.Repository is null && place.Path.StartsWith(folder + "/", StringComparison.Ordinal);
}

/// <summary>A baseline, read as <c>check --baseline FILE</c> reads it.</summary>
internal sealed class BaselineReader() : OwnFolderReader("baseline", "baselines")
{
    public override FuzzOutcome Run(byte[] input, FixturePlace place, FuzzWorkspace workspace)
    {
        try
        {
            var baseline = EvidenceTracker.Checking.Baseline.Parse(input, "baseline.json");
            return new FuzzOutcome($"{baseline.Keys.Count} keys\n{string.Join('\n', baseline.Keys)}");
        }
        catch (EvidenceTracker.Checking.BaselineException ex)
        {
            return new FuzzOutcome("", ex.Message);
        }
    }
}

/// <summary>The manifest of a site folder (<c>.evidence-site.json</c>), read as <c>build</c> reads it: in full, and its first look.</summary>
internal sealed class SiteManifestReader() : OwnFolderReader("site-manifest", "site-manifests")
{
    public override FuzzOutcome Run(byte[] input, FixturePlace place, FuzzWorkspace workspace)
    {
        var folder = workspace.Folder(SiteManifest.FileName, input);
        var contents = SiteManifest.Read(folder, SiteFolder.Read(folder));
        var repository = SiteManifest.RepositoryOf(folder);
        var up = SiteWriter.UpToDate(folder, repository ?? "none");
        return new FuzzOutcome(contents is null
            ? $"no manifest; first look: {repository ?? "none"}; up to date: {up is not null}"
            : $"{contents.Files.Count} files, {contents.Inputs.Count} inputs, repository {contents.Repository ?? "none"}; first look: {repository ?? "none"}; up to date: {up is not null}\n"
              + string.Join('\n', contents.Files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} {f.Value}")));
    }
}

/// <summary>A PDF snapshot's text, as <c>snapshot</c> and <c>check</c> read it (PdfPig, with the decode budget).</summary>
internal sealed class PdfReader() : OwnFolderReader("pdf", "pdfs")
{
    public override bool Seeds(FixturePlace place) => base.Seeds(place) && place.Extension == ".pdf";

    public override FuzzOutcome Run(byte[] input, FixturePlace place, FuzzWorkspace workspace)
    {
        var result = PdfText.Extract(input);
        return result.Text is null
            ? new FuzzOutcome("", result.Problem)
            : new FuzzOutcome($"{result.Pages} pages\n{result.Text}");
    }
}
