using EvidenceTracker.Storage;

namespace EvidenceTracker.Authoring;

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

    /// <summary>Where the GitHub Action lives, until a team names its own copy (<c>evidence init --action</c>).</summary>
    public const string ActionPlaceholder = "OWNER/evidencetracker@main";

    public const string WorkflowTemplate = """
        # Checks the evidence on every push and pull request, and fails when the published map is stale.
        # `uses:` names the EvidenceTracker repository whose action.yml builds the `evidence` tool from source
        # (no package feed needed). Replace OWNER/evidencetracker@main with the repository you use (your fork,
        # or the upstream one, pinned to a tag or commit), or run `evidence init --action OWNER/REPO@REF`.
        name: evidence
        on:
          push:
          pull_request:
        permissions:
          contents: read
        jobs:
          check:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - name: Check claims and sources
                uses: OWNER/evidencetracker@main
                with:
                  args: ''
                  # Only findings not in the baseline fail the check (write it with `evidence baseline`):
                  # baseline: .evidence-baseline.json
              - name: Fail when site/ is stale
                run: evidence build --check

        """;

    public const string PagesTemplate = """
        # Builds the evidence map (site/) and publishes it with GitHub Pages.
        # In the repository's settings, set Pages > Build and deployment > Source to "GitHub Actions".
        # `uses:` names the EvidenceTracker action as in evidence.yml.
        name: evidence map
        on:
          push:
            branches: [main]
          workflow_dispatch:
        permissions:
          contents: read
          pages: write
          id-token: write
        concurrency:
          group: pages
          cancel-in-progress: false
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - name: Install the evidence tool
                uses: OWNER/evidencetracker@main
                with:
                  check: 'false'
              - name: Build the evidence map
                run: evidence build
              - uses: actions/upload-pages-artifact@v3
                with:
                  path: site
          deploy:
            needs: build
            runs-on: ubuntu-latest
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - id: deployment
                uses: actions/deploy-pages@v4

        """;

    /// <summary>Maps the JSON Schemas (written to schemas/) for the YAML language server (VS Code's YAML extension).</summary>
    public const string VsCodeSettings = """
        {
          "yaml.schemas": {
            "./schemas/claim.schema.json": ["claims/**/*.yaml"],
            "./schemas/source.schema.json": ["sources/*.yaml"],
            "./schemas/config.schema.json": ["evidence.yaml"]
          }
        }

        """;

    public static InitResult Init(string dir) => Init(dir, ActionPlaceholder);

    /// <param name="action">The <c>uses:</c> value of the GitHub Action in the workflows (OWNER/REPO@REF).</param>
    public static InitResult Init(string dir, string action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var root = Path.GetFullPath(dir);
        if (File.Exists(root))
        {
            throw new IOException($"'{dir}' is a file; give a folder to create the evidence repository in");
        }
        var created = new List<string>();
        var kept = new List<string>();
        string[] folders = ["articles", "claims", "sources", "sources/snapshots"];
        var files = new List<(string, string)>
        {
            ("evidence.yaml", ConfigTemplate),
            (".github/workflows/evidence.yml", WorkflowTemplate.Replace(ActionPlaceholder, action, StringComparison.Ordinal)),
            (".github/workflows/pages.yml", PagesTemplate.Replace(ActionPlaceholder, action, StringComparison.Ordinal)),
            (".vscode/settings.json", VsCodeSettings),
        };
        foreach (var kind in Loading.JsonSchemas.Kinds)
        {
            using var schema = new StringWriter();
            Loading.JsonSchemas.Write(kind, schema);
            files.Add(($"schemas/{kind}.schema.json", schema.ToString()));
        }
        // Checked before anything is written: a folder or file linked out of the target would take the files elsewhere.
        if (LeadsOut(root, [.. folders, .. files.Select(f => f.Item1)]) is { } outside)
        {
            throw new IOException(outside);
        }
        foreach (var folder in folders)
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
        foreach (var (path, text) in files)
        {
            (AtomicFile.TryCreateNew(Path.Combine(root, path), text) ? created : kept).Add(path);
        }
        return new InitResult(root, created, kept);
    }

    /// <summary>
    /// Why init may not write under <paramref name="root"/>: one of <paramref name="paths"/> (relative), or a folder on
    /// the way to it, is a symbolic link whose real path lies outside the root's real path, or that loops. Null when
    /// every one stays inside (a link to another place inside the target is fine).
    /// </summary>
    private static string? LeadsOut(string root, IEnumerable<string> paths)
    {
        var realRoot = Verification.RealPath.Resolve(root) ?? root;
        foreach (var path in paths)
        {
            var parts = path.Split('/');
            for (var i = 1; i <= parts.Length; i++)
            {
                var relative = string.Join('/', parts[..i]);
                var real = Verification.RealPath.Resolve(Path.Combine(root, relative));
                if (real is null)
                {
                    return $"{relative} is a symbolic link that loops or cannot be resolved; nothing was written";
                }
                if (!Verification.RealPath.IsInside(real, realRoot))
                {
                    return $"{relative} is a symbolic link leading outside '{root}'; nothing was written (remove the link, or run init where it leads)";
                }
            }
        }
        return null;
    }
}
