using System.Text;
using EvidenceTracker.Model;
using EvidenceTracker.Storage;
using EvidenceTracker.Verification;
using EvidenceTracker.Yaml;

namespace EvidenceTracker.Authoring;

/// <summary>
/// <c>evidence mv OLD NEW</c>: renames a claim or a source. A claim's file is renamed (in its sub-folder) with its
/// <c>id</c>; a source's file too, with its snapshot file (when named for the id) and every citation and
/// <c>reports-on</c> that names it. Every edit is planned and checked first, under the edit locks of every folder
/// involved, then made as one <see cref="FileTransaction"/>: all of it, or — on a failure half-way — none of it.
/// Look-up cache entries are named by identifier (DOI, PMID…), not by id, and stay as they are.
/// </summary>
public static class MoveService
{
    public static RepositoryEditResult Move(RepositoryEditSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var newId = s.NewId ?? "";
        if (Values.SlugProblem(newId) is { } bad)
        {
            return RepositoryEditResult.Refused($"the new id '{newId}' {bad}");
        }
        var (opened, isClaim, problem) = RepositoryFiles.Open(s.Root, s.Id, s.Kind);
        if (opened is null)
        {
            // A source whose file is gone while citations still name it, beside the new id's file: a move of it that was
            // killed part-way, which this one finishes.
            return s.Kind != "claim" && Interrupted(s, newId) is { } resumed ? resumed : RepositoryEditResult.Refused(problem!);
        }
        using var files = opened;
        var kind = isClaim ? "claim" : "source";
        if (newId == s.Id)
        {
            return RepositoryEditResult.Refused($"the {kind} is already called '{newId}'");
        }
        var file = isClaim ? files.ClaimFiles[s.Id] : files.SourcePath(s.Id);
        var target = Path.Combine(Path.GetDirectoryName(file)!, newId + ".yaml");
        files.Lock(isClaim ? [Path.GetDirectoryName(file)!] : [.. files.ClaimFolders, Path.Combine(files.Root, "sources"), files.SnapshotFolder], s.LockTimeout);
        if (!File.Exists(file))
        {
            return RepositoryEditResult.Refused($"{files.Relative(file)} is gone (another command changed it meanwhile); nothing was changed");
        }

        var transaction = new FileTransaction(s.Steps);
        var changes = new List<string>();
        var problems = new List<string>();

        // The file itself: its id, and a source's snapshot named for the id.
        var own = RepositoryFiles.Read(file, files.Relative(file));
        if (own.Tree is null)
        {
            return RepositoryEditResult.Refused(own.Problem!);
        }
        var edits = new List<(YScalar, string)>();
        if (ReferenceEditor.Field(own.Tree, "id") is YScalar idNode)
        {
            edits.Add((idNode, newId));
        }
        (string From, string To)? snapshotMove = null;
        string? keptSnapshot = null;
        if (!isClaim && ReferenceEditor.Field(own.Tree, "snapshot") is YScalar snap && SnapshotRename(snap.Value, s.Id, newId) is { } renamed)
        {
            var from = Path.Combine(files.Root, "sources", snap.Value);
            var to = Path.Combine(files.Root, "sources", renamed);
            // Only a regular file inside sources/snapshots/ is renamed (and the field with it); anything else stays as it is.
            if (File.Exists(from) && SnapshotProblem(files, from) is null && RemoveService.SharedSnapshot(files, s.Id, from) is { } shared)
            {
                // another source uses the same file: it keeps its name (and this source its field) so neither loses it
                keptSnapshot = $"kept    {files.Relative(from)} ({shared})";
            }
            else if (File.Exists(from) && SnapshotProblem(files, from) is null)
            {
                if (File.Exists(to))
                {
                    return RepositoryEditResult.Refused($"{files.Relative(to)} already exists; move it away first");
                }
                snapshotMove = (from, to);
                edits.Add((snap, renamed));
            }
        }
        var ownText = ReferenceEditor.Replace(own.Text!, own.Tree, edits, out var why);
        if (ownText is null)
        {
            return RepositoryEditResult.Refused($"{files.Relative(file)} cannot be edited: {why}");
        }
        var ownBytes = RepositoryFiles.Encode(own.Bytes, ownText);
        // The new id's file exists already: refused, unless it is byte for byte the file this move makes — a move killed
        // right after it wrote that file, which this one finishes.
        var taken = (isClaim ? files.ClaimFiles.ContainsKey(newId) : files.SourceIds.Contains(newId)) || File.Exists(target) || Directory.Exists(target);
        var finishing = taken && File.Exists(target) && new FileInfo(target).LinkTarget is null && File.ReadAllBytes(target).AsSpan().SequenceEqual(ownBytes);
        if (taken && !finishing)
        {
            return RepositoryEditResult.Refused($"a {kind} with the id '{newId}' already exists; choose another id, or remove it first (`evidence rm {newId}`)");
        }
        // The order a kill can interrupt at every step and leave something the next `mv OLD NEW` finishes: the new file,
        // then the old one gone (from then on the citations of the old id are unknown-source errors until they are
        // edited), the snapshot, the citations and reports-on items.
        if (!finishing)
        {
            transaction.Create(target, ownBytes);
        }
        transaction.Delete(file, last: false);
        changes.Add($"renamed {files.Relative(file)} -> {files.Relative(target)}");
        if (keptSnapshot is not null)
        {
            changes.Add(keptSnapshot);
        }
        if (snapshotMove is { } move)
        {
            transaction.Rename(move.From, move.To);
            changes.Add($"renamed {files.Relative(move.From)} -> {files.Relative(move.To)}");
        }
        if (!isClaim)
        {
            PlanReferences(files, s.Id, newId, transaction, changes, problems);
        }
        if (problems.Count > 0)
        {
            return RepositoryEditResult.Refused([.. problems, "nothing was changed"]);
        }
        transaction.Commit();
        return new RepositoryEditResult { Id = newId, Changes = changes };
    }

    /// <summary>The citations and <c>reports-on</c> items that name <paramref name="oldId"/>, planned as edits to <paramref name="newId"/>.</summary>
    private static void PlanReferences(RepositoryFiles files, string oldId, string newId, FileTransaction transaction, List<string> changes, List<string> problems)
    {
        foreach (var claimFile in files.ClaimFiles.Values)
        {
            Plan(files, claimFile, oldId, newId, tree => [.. ReferenceEditor.CitationSources(tree, oldId)], "citation", transaction, changes, problems);
        }
        foreach (var other in files.SourceIds.Where(id => id != oldId && id != newId).Order(StringComparer.Ordinal))
        {
            Plan(files, files.SourcePath(other), oldId, newId,
                tree => [.. ReferenceEditor.ReportsOnItems(tree, oldId).Select(i => (YScalar)i.List.Items[i.Index])], "reports-on item", transaction, changes, problems);
        }
    }

    /// <summary>
    /// Finishes a move of source <c>OLD</c> to <c>NEW</c> killed after the old file was removed: <c>NEW</c> exists, and
    /// citations or <c>reports-on</c> items still name <c>OLD</c> (check reports them as unknown sources). Its snapshot is
    /// renamed when the new file names it and only the old name exists; the references are edited. Null when this is
    /// not such a state (the caller then says that no claim or source has the id).
    /// </summary>
    private static RepositoryEditResult? Interrupted(RepositoryEditSettings s, string newId)
    {
        if (Values.SlugProblem(s.Id) is not null || newId == s.Id)
        {
            return null;
        }
        var (opened, _, _) = RepositoryFiles.Open(s.Root, newId, "source");
        if (opened is null)
        {
            return null;
        }
        using var files = opened;
        files.Lock([.. files.ClaimFolders, Path.Combine(files.Root, "sources"), files.SnapshotFolder], s.LockTimeout);
        if (files.SourceIds.Contains(s.Id) || !files.SourceIds.Contains(newId))
        {
            return null;
        }
        var transaction = new FileTransaction(s.Steps);
        var changes = new List<string>();
        var problems = new List<string>();
        var own = RepositoryFiles.Read(files.SourcePath(newId), files.Relative(files.SourcePath(newId)));
        if (own.Tree is not null && ReferenceEditor.Field(own.Tree, "snapshot") is YScalar snap
            && snap.Value.StartsWith($"{SnapshotFiles.Folder}/{newId}.", StringComparison.Ordinal)
            && SnapshotRename(snap.Value.Replace($"/{newId}.", $"/{s.Id}.", StringComparison.Ordinal), s.Id, newId) == snap.Value)
        {
            var to = Path.Combine(files.Root, "sources", snap.Value);
            var from = Path.Combine(files.Root, "sources", snap.Value.Replace($"/{newId}.", $"/{s.Id}.", StringComparison.Ordinal));
            if (!File.Exists(to) && File.Exists(from) && SnapshotProblem(files, from) is null)
            {
                transaction.Rename(from, to);
                changes.Add($"renamed {files.Relative(from)} -> {files.Relative(to)}");
            }
        }
        PlanReferences(files, s.Id, newId, transaction, changes, problems);
        if (transaction.Count == 0)
        {
            return null; // nothing names the old id: not an interrupted move
        }
        if (problems.Count > 0)
        {
            return RepositoryEditResult.Refused([.. problems, "nothing was changed"]);
        }
        transaction.Commit();
        changes.Insert(0, $"finished the move of source '{s.Id}' to '{newId}' (sources/{s.Id}.yaml was already gone)");
        return new RepositoryEditResult { Id = newId, Changes = changes };
    }

    /// <summary>The new <c>snapshot</c> value when the snapshot is named for the id (<c>snapshots/OLD.…</c>), else null.</summary>
    internal static string? SnapshotRename(string value, string oldId, string newId)
    {
        var prefix = $"{SnapshotFiles.Folder}/{oldId}.";
        return value.StartsWith(prefix, StringComparison.Ordinal) && value.IndexOf('/', prefix.Length) < 0
            ? $"{SnapshotFiles.Folder}/{newId}.{value[prefix.Length..]}"
            : null;
    }

    internal static string? SnapshotProblem(RepositoryFiles files, string path) =>
        EvidenceTracker.Loading.SafeFile.IsInside(path, files.SnapshotFolder) ? EvidenceTracker.Loading.SafeFile.LinkProblem(path, files.Relative(path)) : "outside";

    private static void Plan(RepositoryFiles files, string path, string oldId, string newId, Func<YMapping, List<YScalar>> find, string what,
        FileTransaction transaction, List<string> changes, List<string> problems)
    {
        var rel = files.Relative(path);
        var read = RepositoryFiles.Read(path, rel);
        if (read.Tree is null)
        {
            // A file that cannot be read may still name the id: refuse rather than leave a reference behind.
            if (read.Text is null ? Encoding.UTF8.GetString(read.Bytes).Contains(oldId, StringComparison.Ordinal) : read.Text.Contains(oldId, StringComparison.Ordinal))
            {
                problems.Add(read.Problem!);
            }
            return;
        }
        var nodes = find(read.Tree);
        if (nodes.Count == 0)
        {
            return;
        }
        var edited = ReferenceEditor.Replace(read.Text!, read.Tree, [.. nodes.Select(n => (n, newId))], out var why);
        if (edited is null)
        {
            problems.Add($"{rel} cannot be edited: {why}");
            return;
        }
        transaction.Replace(path, RepositoryFiles.Encode(read.Bytes, edited), read.Bytes);
        changes.Add($"edited  {rel} ({nodes.Count} {what}{(nodes.Count == 1 ? "" : "s")})");
    }
}
