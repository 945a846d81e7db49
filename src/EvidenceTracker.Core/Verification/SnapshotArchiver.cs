using System.Globalization;
using System.Text;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Loading;
using EvidenceTracker.Model;
using EvidenceTracker.Storage;
using EvidenceTracker.Yaml;

namespace EvidenceTracker.Verification;

/// <summary>What <c>evidence snapshot SOURCE FILE</c> is asked to do.</summary>
public sealed record SnapshotSettings
{
    public required string Root { get; init; }

    /// <summary>The source's id.</summary>
    public required string Source { get; init; }

    /// <summary>The file to archive, as the user wrote it: absolute, or relative to <see cref="WorkingDirectory"/>; symbolic links are resolved.</summary>
    public required string File { get; init; }

    public required string WorkingDirectory { get; init; }

    /// <summary>The date recorded as <c>archived</c> (the command passes today's UTC date).</summary>
    public required DateOnly Today { get; init; }

    public string Format { get; init; } = "text";
}

/// <summary>Why a snapshot was not taken: the data refused it (an unknown source, a file outside the repository, not
/// UTF-8, empty), or the file named does not exist or cannot be resolved. The command line maps each to an exit code.</summary>
public enum SnapshotFailure { None, Refused, NoSuchFile }

/// <summary>A snapshot taken: where it is stored and what the source file now records.</summary>
public sealed record SnapshotArchive
{
    public required string SourceId { get; init; }
    /// <summary>The source file, relative to the root.</summary>
    public required string SourceFile { get; init; }
    /// <summary>The <c>snapshot</c> field's value (relative to <c>sources/</c>).</summary>
    public required string Snapshot { get; init; }
    /// <summary>The snapshot file, relative to the root.</summary>
    public required string SnapshotFile { get; init; }
    public required string Sha256 { get; init; }
    public required string Archived { get; init; }
    public required long Bytes { get; init; }
    /// <summary>True when the snapshot and the source file were already exactly so (nothing written).</summary>
    public bool Unchanged { get; init; }
    /// <summary>The previous <c>snapshot</c> value when it named another file (left in place).</summary>
    public string? Previous { get; init; }
}

public sealed record SnapshotOutcome(SnapshotArchive? Archive, SnapshotFailure Failure, string? Message)
{
    public static SnapshotOutcome Refused(string message) => new(null, SnapshotFailure.Refused, message);

    public static SnapshotOutcome NoSuchFile(string message) => new(null, SnapshotFailure.NoSuchFile, message);
}

/// <summary>
/// <c>evidence snapshot</c>: copies a local file (HTML, Markdown or text) that lies inside the repository to
/// <c>sources/snapshots/&lt;id&gt;.&lt;ext&gt;</c>, byte for byte, and records <c>snapshot</c>,
/// <c>snapshot-sha256</c> and <c>archived</c> in the source file, editing it in place. Both writes are atomic.
/// </summary>
public static class SnapshotArchiver
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    public static SnapshotOutcome Archive(SnapshotSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var root = RepositoryLoader.ResolveRoot(settings.Root);
        var realRoot = RealPath.Resolve(root) ?? root;

        // 1. The source.
        var located = FindSource(root, settings.Source, out var refusal);
        if (located is null)
        {
            return SnapshotOutcome.Refused(refusal!);
        }
        var (source, sourcePath, sourceBytes) = located.Value;

        // 2. The file: it must exist and, links resolved, lie inside the repository.
        // Not Path.GetFullPath: RealPath resolves links component by component, as the OS does ("link/.." included).
        var real = RealPath.Resolve(Path.Combine(settings.WorkingDirectory, settings.File));
        if (real is null)
        {
            return SnapshotOutcome.NoSuchFile($"cannot resolve '{settings.File}': too many symbolic links, or a link that cannot be read");
        }
        if (Directory.Exists(real))
        {
            return SnapshotOutcome.NoSuchFile($"'{settings.File}' is a folder; pass the file to archive (HTML, Markdown or text)");
        }
        if (!File.Exists(real))
        {
            return SnapshotOutcome.NoSuchFile($"'{settings.File}' does not exist");
        }
        var extension = SnapshotFiles.ExtensionFor(real);
        var snapshotValue = SnapshotFiles.FieldValue(source.Id, extension);
        var snapshotRelative = $"sources/{snapshotValue}";
        if (!RealPath.IsInside(real, realRoot))
        {
            return SnapshotOutcome.Refused(
                $"'{settings.File}' is outside the repository ({root}); copy the file into the repository first " +
                $"(for example to {snapshotRelative}), then run `evidence snapshot {source.Id} {snapshotRelative}`");
        }
        var length = new FileInfo(real).Length;
        if (length == 0)
        {
            return SnapshotOutcome.Refused($"'{settings.File}' is empty (or not a regular file); there is nothing to archive");
        }
        if (length > SafeFile.MaxDocumentBytes)
        {
            return SnapshotOutcome.Refused($"'{settings.File}' is {length / (1 << 20)} MB; snapshots larger than {SafeFile.MaxDocumentBytes >> 20} MB are not archived");
        }
        var bytes = File.ReadAllBytes(real);
        var sink = new FindingSink(settings.File);
        var text = SafeFile.Decode(bytes, sink, Rules.Schema);
        if (text is null)
        {
            var f = sink.Findings[0];
            return SnapshotOutcome.Refused($"'{settings.File}' at {f.Line}:{f.Column}: {f.Message} first");
        }
        if (string.IsNullOrWhiteSpace(Quotes.SnapshotText.Extract(text, extension)))
        {
            return SnapshotOutcome.Refused(extension == "html"
                ? $"'{settings.File}' has no readable text once the page is reduced to its main text; save the article's page itself"
                : $"'{settings.File}' holds only white space; there is nothing to archive");
        }

        // 3. Where it goes: sources/snapshots/<id>.<ext>, which must not lead out of the repository either.
        var destination = Path.Combine(root, "sources", SnapshotFiles.Folder, $"{source.Id}.{extension}");
        var realDestination = RealPath.Resolve(destination);
        if (realDestination is null || !RealPath.IsInside(realDestination, realRoot))
        {
            return SnapshotOutcome.Refused($"{snapshotRelative} leads outside the repository (a symbolic link); not written");
        }

        // 4. The source file, edited in place (computed before anything is written).
        var sha = SnapshotFiles.Sha256(bytes);
        var archived = settings.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var hasBom = sourceBytes.AsSpan().StartsWith(Bom);
        var original = Encoding.UTF8.GetString(hasBom ? sourceBytes.AsSpan(3) : sourceBytes);
        var edited = SourceFieldEditor.Set(original,
            [("snapshot", snapshotValue), ("snapshot-sha256", sha), ("archived", archived)], out var problem);
        var sourceRelative = RepositoryLoader.Relative(root, sourcePath);
        if (edited is null)
        {
            return SnapshotOutcome.Refused($"cannot record the snapshot in {sourceRelative}: {problem}");
        }

        // 5. Write: the snapshot first, then the source file; each atomically, and only when it changes.
        var sameFile = string.Equals(realDestination, real, StringComparison.Ordinal);
        var snapshotUnchanged = sameFile || (File.Exists(realDestination) && File.ReadAllBytes(realDestination).AsSpan().SequenceEqual(bytes));
        if (!snapshotUnchanged)
        {
            AtomicFile.Write(destination, bytes);
        }
        var sourceUnchanged = edited == original;
        if (!sourceUnchanged)
        {
            var encoded = Encoding.UTF8.GetBytes(edited);
            AtomicFile.Write(sourcePath, hasBom ? [.. Bom, .. encoded] : encoded);
        }
        return new SnapshotOutcome(new SnapshotArchive
        {
            SourceId = source.Id,
            SourceFile = sourceRelative,
            Snapshot = snapshotValue,
            SnapshotFile = snapshotRelative,
            Sha256 = sha,
            Archived = archived,
            Bytes = bytes.LongLength,
            Unchanged = snapshotUnchanged && sourceUnchanged,
            Previous = source.Snapshot is { } previous && previous != snapshotValue ? previous : null,
        }, SnapshotFailure.None, null);
    }

    /// <summary>The source with the id: sources/&lt;id&gt;.yaml first, else any source file that declares it.</summary>
    private static (Source Source, string Path, byte[] Bytes)? FindSource(string root, string id, out string? refusal)
    {
        refusal = SafeFile.FolderProblem(root, RealPath.Resolve(root) ?? root, "sources");
        if (refusal is not null)
        {
            return null;
        }
        var folder = Path.Combine(root, "sources");
        var files = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.yaml").Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal).ToList()
            : [];
        var expected = Path.Combine(folder, id + ".yaml");
        if (files.Remove(expected))
        {
            files.Insert(0, expected);
        }
        var known = new List<string>();
        foreach (var path in files)
        {
            var relative = RepositoryLoader.Relative(root, path);
            var info = new FileInfo(path);
            var special = info.Length == 0 && Storage.LinuxFiles.IsSpecial(path) == true;
            if (info.LinkTarget is not null || info.Length > SafeFile.MaxYamlBytes || special)
            {
                if (path == expected)
                {
                    refusal = info.LinkTarget is not null
                        ? $"{relative} is a symbolic link; the tool edits only regular files"
                        : special ? $"{relative} is not a regular file (a named pipe, a socket or a device); not read"
                        : $"{relative} is larger than {SafeFile.MaxYamlBytes >> 20} MB; not a source file";
                    return null;
                }
                continue;
            }
            var bytes = File.ReadAllBytes(path);
            var sink = new FindingSink(relative);
            var text = SafeFile.Decode(bytes, sink, Rules.YamlSyntax);
            var tree = text is null ? null : YamlTreeReader.Read(text, sink);
            if (sink.Findings.FirstOrDefault(f => f.Rule == Rules.YamlSyntax) is { } broken)
            {
                if (path == expected)
                {
                    refusal = $"{relative} cannot be read ({broken.Line}:{broken.Column}: {broken.Message}); fix it first (see `evidence check`)";
                    return null;
                }
                continue;
            }
            if (DocumentReaders.ReadSource(tree, sink) is not { } source)
            {
                if (path == expected)
                {
                    refusal = $"{relative} is not a source file (see `evidence check`)";
                    return null;
                }
                continue;
            }
            if (source.Id == id)
            {
                return (source, path, bytes);
            }
            known.Add(source.Id);
        }
        var hint = Values.Nearest(id, known);
        refusal = hint is null
            ? $"no source has the id '{id}'; see `evidence list sources`, or add it with `evidence add source`"
            : $"no source has the id '{id}'; did you mean '{hint}'?";
        return null;
    }
}
