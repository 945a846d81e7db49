using EvidenceTracker.Storage;

namespace EvidenceTracker.Authoring;

/// <summary>What <c>evidence init</c> did to each path: created, or kept because it was already there.</summary>
public sealed record InitResult(string Root, IReadOnlyList<string> Created, IReadOnlyList<string> Kept);

/// <summary>Scaffolds an evidence repository. Never overwrites: files already there are kept as they are.</summary>
public static class InitService
{
    public const string ConfigTemplate = """
        # Settings of this evidence repository (all optional). See the EvidenceTracker README.

        # The title of the evidence map that `evidence build` publishes.
        title: Evidence map

        # How far a footnote marker reaches in an article:
        #   run      — every sentence of its paragraph since the previous marker (default)
        #   sentence — only the sentence it ends
        citation-scope: run

        # Reference style for sources: gb-t-7714 | apa | vancouver (default: by the article's language).
        # style: apa

        # Severity of each rule: error | warning | note | off. Uncomment to change a default.
        rules:
          # orphan-source: warning
          # secondary-only: warning
          # uncited-sentence: warning

        # Extra words that make a sentence a strong claim (firsts, superlatives), per language.
        # strong-words:
        #   en: [groundbreaking]
        #   zh: [首创]

        """;

    public const string WorkflowTemplate = """
        # Checks the evidence on every push and pull request, and fails when the published map is stale.
        name: evidence
        on: [push, pull_request]
        jobs:
          check:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - uses: actions/setup-dotnet@v4
                with:
                  dotnet-version: '10.0.x'
              - name: Install the evidence tool
                run: dotnet tool install --global EvidenceTracker.Cli
              - name: Check claims and sources
                run: evidence check --format github
              - name: Fail when site/ is stale
                run: evidence build --check

        """;

    public static InitResult Init(string dir)
    {
        var root = Path.GetFullPath(dir);
        if (File.Exists(root))
        {
            throw new IOException($"'{dir}' is a file; give a folder to create the evidence repository in");
        }
        var created = new List<string>();
        var kept = new List<string>();
        foreach (var folder in (string[])["articles", "claims", "sources", "sources/snapshots"])
        {
            var path = Path.Combine(root, folder);
            if (Directory.Exists(path))
            {
                kept.Add(folder + "/");
            }
            else
            {
                Directory.CreateDirectory(path);
                created.Add(folder + "/");
            }
        }
        foreach (var (path, text) in (ReadOnlySpan<(string, string)>)[("evidence.yaml", ConfigTemplate), (".github/workflows/evidence.yml", WorkflowTemplate)])
        {
            (AtomicFile.TryCreateNew(Path.Combine(root, path), text) ? created : kept).Add(path);
        }
        return new InitResult(root, created, kept);
    }
}
