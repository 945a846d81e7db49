using EvidenceTracker.Authoring;
using EvidenceTracker.Model;

namespace EvidenceTracker.Importing;

/// <summary>
/// The ids of the articles of one import: the slug of each file's name, where <c>index</c>, <c>_index</c> and
/// <c>README</c> (also <c>index.fr</c>) take their folder's name (a page bundle <c>posts/heat-pumps/index.md</c> is
/// <c>heat-pumps</c>). Where inputs would share an id, each of them takes its next distinction — an index file its own
/// name (<c>insights-index</c>), then, one at a time, the names of its parent folders (<c>posts-heat-pumps</c>) — until
/// the ids differ. Folders beyond the one given on the command line are not used; inputs that no name tells apart
/// (<c>a.md</c> and <c>a.markdown</c>) are numbered <c>-2</c>, <c>-3</c>… in the order of their paths. The result
/// depends on the set of inputs, never on their order.
/// </summary>
internal static class ArticleIds
{
    private static readonly string[] IndexNames = ["index", "_index", "readme"];

    /// <summary>An id for each input, by its full path.</summary>
    public static Dictionary<string, string> Assign(IReadOnlyList<ImportService.Input> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var folderOf = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var i in inputs)
        {
            folderOf.TryAdd(i.FullPath, i.Folder);
        }
        var names = folderOf.Keys
            .Order(StringComparer.Ordinal)
            .Select(p => new Candidate(p, Parts(p, folderOf[p])))
            .ToList();
        while (true)
        {
            var collisions = names.GroupBy(n => n.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
            if (collisions.Count == 0)
            {
                break;
            }
            var moved = false;
            foreach (var group in collisions)
            {
                foreach (var n in group)
                {
                    moved |= n.Extend();
                }
            }
            if (!moved)
            {
                // No name tells these apart: numbered in path order.
                var taken = names.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
                var next = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var group in collisions)
                {
                    foreach (var n in group.Skip(1))
                    {
                        var id = Slugs.Unique(n.Id, taken.Contains, next);
                        taken.Add(id);
                        n.Fix(id);
                    }
                }
            }
        }
        return names.ToDictionary(n => n.Path, n => n.Id, StringComparer.Ordinal);
    }

    /// <summary>
    /// The names that may make up a file's id, nearest first: its name (an index file: its folder's), then for an index
    /// file its own name, then its parent folders up to and including the folder it was found in (for a file named on
    /// the command line: every folder of its path).
    /// </summary>
    private static (string Name, string? Own, List<string> Parents) Parts(string fullPath, string? folder)
    {
        var stem = Path.GetFileNameWithoutExtension(fullPath);
        var dirs = new List<string>();
        var stop = folder is null ? null : Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(folder));
        for (var d = Path.GetDirectoryName(fullPath); !string.IsNullOrEmpty(d) && d != stop; d = Path.GetDirectoryName(d))
        {
            var name = Path.GetFileName(d);
            if (name.Length == 0)
            {
                break;
            }
            dirs.Add(name);
        }
        var dot = stem.IndexOf('.', StringComparison.Ordinal);
        var head = dot > 0 ? stem[..dot] : stem;
        var isIndex = IndexNames.Contains(head, StringComparer.OrdinalIgnoreCase)
            && (dot < 0 || stem[(dot + 1)..] is { Length: >= 2 and <= 8 } lang && lang.All(c => char.IsAsciiLetter(c) || c == '-'));
        if (isIndex && dirs.Count > 0)
        {
            // index.fr.md of a bundle: the bundle's name and the language (heat-pumps-fr)
            var name = dot > 0 ? $"{dirs[0]}-{stem[(dot + 1)..]}" : dirs[0];
            return (name, head, dirs.Skip(1).ToList());
        }
        return (stem, null, dirs);
    }

    /// <summary>The slug of a name; for a name with no Latin letter or digit, a short hash of it.</summary>
    private static string Slug(string name, string? prefix)
    {
        var slug = Slugs.Slugify(name, Values.MaxIdLength);
        return slug.Length > 0 && Slugs.IsLatin(name) ? slug : $"{prefix}{Slugs.Hash(name, 6)}";
    }

    private sealed class Candidate
    {
        private readonly string _name;
        private readonly string? _own;
        private readonly List<string> _parents;
        private int _level;
        private string? _fixed;

        public Candidate(string path, (string Name, string? Own, List<string> Parents) parts)
        {
            Path = path;
            (_name, _own, _parents) = parts;
            Id = Compute();
        }

        public string Path { get; }
        public string Id { get; private set; }

        private int Levels => (_own is null ? 0 : 1) + _parents.Count;

        /// <summary>One more distinction; false when there is none left.</summary>
        public bool Extend()
        {
            if (_fixed is not null || _level >= Levels)
            {
                return false;
            }
            _level++;
            Id = Compute();
            return true;
        }

        public void Fix(string id) => Id = _fixed = id;

        private string Compute()
        {
            var own = _own is not null && _level > 0;
            var parents = Math.Max(0, _level - (_own is null ? 0 : 1));
            var parts = new List<string>();
            for (var k = parents - 1; k >= 0; k--)
            {
                parts.Add(Slug(_parents[k], null));
            }
            parts.Add(Slug(_name, "article-"));
            if (own)
            {
                parts.Add(Slug(_own!, null));
            }
            var id = string.Join('-', parts);
            return id.Length <= Values.MaxIdLength ? id : Slugs.Slugify(id, Values.MaxIdLength);
        }
    }
}
