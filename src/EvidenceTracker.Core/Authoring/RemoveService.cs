using EvidenceTracker.Storage;
using EvidenceTracker.Verification;
using EvidenceTracker.Yaml;

namespace EvidenceTracker.Authoring;

/// <summary>
/// <c>evidence rm ID [--force]</c>: removes a claim, or a source that nothing refers to, with the snapshot that
/// <c>evidence snapshot</c> wrote for it. A source that claims cite or other sources report on is refused, naming them;
/// with <c>--force</c> those citations and <c>reports-on</c> items are removed too, each file edited in place. A snapshot
/// the tool did not write (a name of the user's) is kept and reported. One <see cref="FileTransaction"/>: all or nothing.
/// </summary>
public static class RemoveService
{
    public static RepositoryEditResult Remove(RepositoryEditSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var (opened, isClaim, problem) = RepositoryFiles.Open(s.Root, s.Id, s.Kind);
        if (opened is null)
        {
            return RepositoryEditResult.Refused(problem!);
        }
        using var files = opened;
        var file = isClaim ? files.ClaimFiles[s.Id] : files.SourcePath(s.Id);
        files.Lock(isClaim ? [Path.GetDirectoryName(file)!] : [.. files.ClaimFolders, Path.Combine(files.Root, "sources"), files.SnapshotFolder], s.LockTimeout);
        if (!File.Exists(file))
        {
            return RepositoryEditResult.Refused($"{files.Relative(file)} is gone (another command changed it meanwhile); nothing was changed");
        }
        if (EvidenceTracker.Loading.SafeFile.LinkProblem(file, files.Relative(file)) is { } link)
        {
            return RepositoryEditResult.Refused(link);
        }
        var transaction = new FileTransaction(s.Steps);
        var changes = new List<string>();
        var problems = new List<string>();
        var referrers = new List<string>();
        if (!isClaim)
        {
            foreach (var (id, claimFile) in files.ClaimFiles.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                Plan(files, claimFile, s.Id, $"claim '{id}'", tree => ReferenceEditor.CitationItems(tree, s.Id).Select(i => ((YSequence, int)?)i).FirstOrDefault(),
                    "citation", s.Force, transaction, changes, problems, referrers);
            }
            foreach (var other in files.SourceIds.Where(id => id != s.Id).Order(StringComparer.Ordinal))
            {
                Plan(files, files.SourcePath(other), s.Id, $"source '{other}'", tree => ReferenceEditor.ReportsOnItems(tree, s.Id).Select(i => ((YSequence, int)?)i).FirstOrDefault(),
                    "reports-on item", s.Force, transaction, changes, problems, referrers);
            }
            if (problems.Count > 0)
            {
                return RepositoryEditResult.Refused([.. problems, "nothing was removed"]);
            }
            if (referrers.Count > 0 && !s.Force)
            {
                return RepositoryEditResult.Refused($"source '{s.Id}' is referred to by {string.Join(", ", referrers)}; nothing was removed "
                    + $"(`evidence rm {s.Id} --force` also removes those references, or point them elsewhere first with `evidence mv`/`evidence set`)");
            }
            var own = RepositoryFiles.Read(file, files.Relative(file));
            if (own.Tree is not null && ReferenceEditor.Field(own.Tree, "snapshot") is YScalar { Value.Length: > 0 } snap)
            {
                var snapshot = Path.Combine(files.Root, "sources", snap.Value);
                if (File.Exists(snapshot) && MoveService.SnapshotProblem(files, snapshot) is null)
                {
                    var name = Path.GetFileName(snapshot);
                    if (SharedSnapshot(files, s.Id, snapshot) is { } shared)
                    {
                        changes.Add($"kept    {files.Relative(snapshot)} ({shared})");
                    }
                    else if (SnapshotFiles.IsToolName(name, out _) && name.StartsWith(s.Id + ".", StringComparison.Ordinal))
                    {
                        transaction.Delete(snapshot);
                        changes.Add($"removed {files.Relative(snapshot)}");
                    }
                    else
                    {
                        changes.Add($"kept    {files.Relative(snapshot)} (not written by `evidence snapshot` for '{s.Id}'; delete it yourself if you wish)");
                    }
                }
            }
        }
        transaction.Delete(file);
        changes.Insert(0, $"removed {files.Relative(file)}");
        transaction.Commit();
        return new RepositoryEditResult { Id = s.Id, Changes = changes };
    }

    /// <summary>
    /// Why a snapshot must stay because another source may use it: the first other source whose parsed
    /// <c>snapshot</c> value leads to the same file (however written: YAML escapes, <c>./</c>, links), or one whose file
    /// cannot be read as YAML and so cannot be ruled out. Null when no other source uses it. Shared by <c>mv</c>.
    /// </summary>
    internal static string? SharedSnapshot(RepositoryFiles files, string id, string snapshot)
    {
        var target = Path.GetFullPath(snapshot);
        var real = Verification.RealPath.Resolve(target);
        foreach (var other in files.SourceIds.Where(o => o != id).Order(StringComparer.Ordinal))
        {
            var path = files.SourcePath(other);
            var read = RepositoryFiles.Read(path, files.Relative(path));
            if (read.Tree is null)
            {
                return $"source file {files.Relative(path)} cannot be read to rule out that it refers to it";
            }
            if (ReferenceEditor.Field(read.Tree, "snapshot") is not YScalar { Value.Length: > 0 } value
                || Model.Values.SnapshotPathProblem(value.Value) is not null)
            {
                continue;
            }
            var theirs = Path.GetFullPath(Path.Combine(files.Root, "sources", value.Value));
            if (theirs == target || (real is not null && Verification.RealPath.Resolve(theirs) == real))
            {
                return $"source '{other}' refers to it too";
            }
        }
        return null;
    }

    private static void Plan(RepositoryFiles files, string path, string id, string who, Func<YMapping, (YSequence, int)?> select, string what, bool force,
        FileTransaction transaction, List<string> changes, List<string> problems, List<string> referrers)
    {
        var rel = files.Relative(path);
        var read = RepositoryFiles.Read(path, rel);
        if (read.Tree is null)
        {
            if (read.Text is null ? System.Text.Encoding.UTF8.GetString(read.Bytes).Contains(id, StringComparison.Ordinal) : read.Text.Contains(id, StringComparison.Ordinal))
            {
                problems.Add(read.Problem!);
            }
            return;
        }
        var count = what == "citation" ? ReferenceEditor.CitationItems(read.Tree, id).Count() : ReferenceEditor.ReportsOnItems(read.Tree, id).Count();
        if (count == 0)
        {
            return;
        }
        referrers.Add(who);
        if (!force)
        {
            return;
        }
        var edited = ReferenceEditor.Remove(read.Text!, select, out var why);
        if (edited is null)
        {
            problems.Add($"{rel} cannot be edited: {why}");
            return;
        }
        transaction.Replace(path, RepositoryFiles.Encode(read.Bytes, edited), read.Bytes);
        changes.Add($"edited  {rel} ({count} {what}{(count == 1 ? "" : "s")} removed)");
    }
}
