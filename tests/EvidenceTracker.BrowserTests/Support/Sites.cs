using EvidenceTracker.App;

[assembly: AssemblyFixture(typeof(EvidenceTracker.BrowserTests.Support.Sites))]

namespace EvidenceTracker.BrowserTests.Support;

/// <summary>A site built into a temporary folder, opened over file://.</summary>
public sealed record BuiltSite(string Name, string Folder)
{
    public string Url(string relative) => new Uri(Path.Combine(Folder, relative)).AbsoluteUri;

    public string File(string relative) => System.IO.Path.Combine(Folder, relative);
}

/// <summary>
/// The sites under test, each built once (in-process, through the same service as `evidence build`) into a
/// temporary folder that is removed after the run: the English fixture, the hostile fixture, and this
/// repository's own Chinese evidence.
/// </summary>
public sealed class Sites : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "evidence-browser-tests", Guid.NewGuid().ToString("N"));
    private readonly Lazy<BuiltSite> _english;
    private readonly Lazy<BuiltSite> _hostile;
    private readonly Lazy<BuiltSite> _repository;
    private readonly Lazy<BuiltSite> _bilingual;
    private readonly Lazy<BuiltSite> _verdicts;

    public Sites()
    {
        _english = new(() => Build("english", Path.Combine(RepoRoot, "tests", "fixtures", "site", "english")));
        _hostile = new(() => Build("hostile", Path.Combine(RepoRoot, "tests", "fixtures", "site", "hostile")));
        _repository = new(() => Build("repository", RepoRoot));
        _bilingual = new(() => Build("bilingual", Path.Combine(RepoRoot, "tests", "fixtures", "site", "bilingual")));
        _verdicts = new(() => Build("verdicts", Path.Combine(RepoRoot, "tests", "fixtures", "site", "verdicts")));
    }

    public static string RepoRoot { get; } = FindRoot();

    /// <summary>A small English site: every support level but verified, tags, a chain to primary research.</summary>
    public BuiltSite English => _english.Value;

    /// <summary>Script tags, event handlers, javascript: URLs and raw HTML in every field.</summary>
    public BuiltSite Hostile => _hostile.Value;

    /// <summary>This repository's own evidence: a Chinese article, its claims and sources.</summary>
    public BuiltSite Repository => _repository.Value;

    /// <summary>Two Chinese articles and an English one: Chinese labels, nested excerpts, an unused footnote.</summary>
    public BuiltSite Bilingual => _bilingual.Value;

    /// <summary>Every verdict, a draft, and sources cited by 4, 2, 1 and 0 claims: the index's order and filters, the sources page.</summary>
    public BuiltSite Verdicts => _verdicts.Value;

    public BuiltSite this[string name] => name switch
    {
        "english" => English,
        "hostile" => Hostile,
        "repository" => Repository,
        "bilingual" => Bilingual,
        "verdicts" => Verdicts,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such site"),
    };

    private BuiltSite Build(string name, string root)
    {
        var folder = Path.Combine(_root, name);
        SiteService.Build(new BuildSettings { Root = root, Out = folder });
        return new BuiltSite(name, folder);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
        }
    }

    private static string FindRoot()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "EvidenceTracker.sln")))
            {
                return dir;
            }
        }
        throw new InvalidOperationException("EvidenceTracker.sln not found above " + AppContext.BaseDirectory);
    }
}
