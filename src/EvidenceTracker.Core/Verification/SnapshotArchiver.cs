using System.Globalization;
using System.Text;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Loading;
using EvidenceTracker.Model;
using EvidenceTracker.Quotes;
using EvidenceTracker.Storage;
using EvidenceTracker.Yaml;

namespace EvidenceTracker.Verification;

/// <summary>
/// <c>evidence snapshot</c>: copies a local file (HTML, PDF, Markdown or text), from inside the repository or not, to
/// <c>sources/snapshots/&lt;id&gt;.&lt;hash&gt;.&lt;ext&gt;</c>, byte for byte, and records <c>snapshot</c>,
/// <c>snapshot-sha256</c> and <c>archived</c> in the source file, editing it in place. A file already directly in
/// <c>sources/snapshots/</c> is recorded where it is.
/// </summary>
/// <remarks>
/// All or nothing: the snapshot goes under a name that carries its content's hash, which no source refers to yet
/// (nothing is replaced), then the source file is rewritten atomically to point at it — that rename is the commit
/// point. Only then are the previous snapshot and strays of earlier interrupted runs removed, if the tool wrote them
/// and nothing refers to them. Stopped anywhere, the source names a snapshot that exists with its recorded hash; at
/// worst an unreferenced file is left, which <c>check</c> reports (<c>stray-snapshot</c>) and the next run removes.
/// The whole command holds the sources folder's <see cref="EditLock"/>.
/// </remarks>
public static class SnapshotArchiver
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    public static SnapshotOutcome Archive(SnapshotSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var root = RepositoryLoader.ResolveRoot(settings.Root);
        var realRoot = RealPath.Resolve(root) ?? root;
        using var editing = EditLock.Acquire(Path.Combine(root, "sources"), "sources/", settings.LockTimeout);

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
        var kind = SnapshotFiles.KindFor(real);
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
        if (kind != SnapshotKind.Pdf && PdfText.LooksLikePdf(bytes))
        {
            kind = SnapshotKind.Pdf; // a PDF saved without its extension
        }
        // Stored as UTF-8, as a fetched page is: a saved page in the GBK, Big5 or Shift_JIS its <meta> declares is
        // transcoded (and so copied, never recorded in place).
        var transcoded = false;
        if (kind == SnapshotKind.Html)
        {
            if (Text.DeclaredCharset.ToUtf8(bytes, null, out var charsetProblem) is not { } utf8)
            {
                return SnapshotOutcome.Refused($"'{settings.File}' {charsetProblem}");
            }
            transcoded = !ReferenceEquals(utf8, bytes);
            bytes = utf8;
        }
        if (ContentProblem(bytes, kind) is { } bad)
        {
            return SnapshotOutcome.Refused($"'{settings.File}' {bad}");
        }
        // A file directly in sources/snapshots/ is recorded where it is; anything else, inside the repository or not
        // (a download), is copied in: the original is only read.
        var folder = Path.Combine(root, "sources", SnapshotFiles.Folder);
        var realFolder = RealPath.Resolve(folder);
        var inPlace = realFolder is not null && RealPath.IsInside(realFolder, realRoot) && RealPath.IsInside(real, realRoot)
            && string.Equals(Path.GetDirectoryName(real), realFolder, StringComparison.Ordinal)
            && EvidenceTracker.Model.Values.SnapshotPathProblem($"{SnapshotFiles.Folder}/{Path.GetFileName(real)}") is null;
        return Store(new StoreRequest(root, realRoot, source, sourcePath, sourceBytes, bytes, kind, settings.Today)
        {
            InPlace = inPlace && !transcoded ? real : null,
            AfterStep = settings.AfterStep,
        });
    }

    /// <summary>
    /// Why these bytes cannot be a snapshot of this kind, completing "'FILE' …"; null when they can. A PDF
    /// must have a text layer; anything else must be UTF-8 with readable text.
    /// </summary>
    public static string? ContentProblem(byte[] bytes, SnapshotKind kind)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0)
        {
            return "is empty; there is nothing to archive";
        }
        if (bytes.LongLength > SafeFile.MaxDocumentBytes)
        {
            return $"is {bytes.LongLength / (1 << 20)} MB; snapshots larger than {SafeFile.MaxDocumentBytes >> 20} MB are not archived";
        }
        if (kind == SnapshotKind.Pdf)
        {
            var pdf = PdfText.Extract(bytes);
            return pdf.Text is null ? $"cannot be archived: {pdf.Problem}"
                : string.IsNullOrWhiteSpace(pdf.Text.Replace(PdfText.PageBreak, ' ')) ? "cannot be archived: the PDF has no text; it needs OCR before its quotes can be checked" : null;
        }
        var sink = new FindingSink("file");
        var text = SafeFile.Decode(bytes, sink, Rules.Schema);
        if (text is null)
        {
            var f = sink.Findings[0];
            return $"at {f.Line}:{f.Column}: {f.Message} first";
        }
        if (string.IsNullOrWhiteSpace(SnapshotText.Extract(text, Names.Of(kind))))
        {
            return kind == SnapshotKind.Html
                ? "has no readable text once the page is reduced to its main text; save the article's page itself"
                : "holds only white space; there is nothing to archive";
        }
        return null;
    }

    /// <summary>What <see cref="Store"/> writes: the bytes of a snapshot for a source already found and read.</summary>
    internal sealed record StoreRequest(string Root, string RealRoot, Source Source, string SourcePath, byte[] SourceBytes, byte[] Bytes, SnapshotKind Kind, DateOnly Today)
    {
        /// <summary>The real path of a file already directly in <c>sources/snapshots/</c>, recorded where it is.</summary>
        public string? InPlace { get; init; }
        /// <summary>Further fields to set in the source file with the three snapshot fields (<c>archive-url</c>).</summary>
        public IReadOnlyList<(string Field, string Value)> Extra { get; init; } = [];
        public Action<SnapshotStep>? AfterStep { get; init; }
    }

    /// <summary>
    /// Writes checked snapshot bytes under <c>sources/snapshots/&lt;id&gt;.&lt;hash&gt;.&lt;ext&gt;</c> (never replacing
    /// a file), records them in the source file (the commit point), then removes the source's earlier snapshots that
    /// the tool wrote. The caller holds the sources folder's <see cref="EditLock"/>.
    /// </summary>
    internal static SnapshotOutcome Store(StoreRequest request)
    {
        var (root, realRoot, source, sourcePath, sourceBytes, bytes, kind, today) = request;
        var sha = SnapshotFiles.Sha256(bytes);
        var snapshotValue = request.InPlace is { } real ? $"{SnapshotFiles.Folder}/{Path.GetFileName(real)}" : SnapshotFiles.FieldValue(source.Id, sha, kind);
        var snapshotRelative = $"sources/{snapshotValue}";
        var destination = Path.Combine(root, "sources", snapshotValue);
        var realDestination = RealPath.Resolve(destination);
        if (realDestination is null || !RealPath.IsInside(realDestination, realRoot))
        {
            return SnapshotOutcome.Refused($"{snapshotRelative} leads outside the repository (a symbolic link); not written");
        }

        // The source file, edited in place (computed before anything is written).
        var archived = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var hasBom = sourceBytes.AsSpan().StartsWith(Bom);
        var original = Encoding.UTF8.GetString(hasBom ? sourceBytes.AsSpan(3) : sourceBytes);
        var edited = SourceFieldEditor.Set(original,
            [("snapshot", snapshotValue), ("snapshot-sha256", sha), ("archived", archived), .. request.Extra], out var problem);
        var sourceRelative = RepositoryLoader.Relative(root, sourcePath);
        if (edited is null)
        {
            return SnapshotOutcome.Refused($"cannot record the snapshot in {sourceRelative}: {problem}");
        }

        // Write: the snapshot under its new name (never replacing a file), then the source file (the commit point),
        // then the clean-up. Each write is atomic and happens only when something changes.
        var sameFile = string.Equals(realDestination, request.InPlace, StringComparison.Ordinal);
        var snapshotUnchanged = sameFile || (File.Exists(realDestination) && File.ReadAllBytes(realDestination).AsSpan().SequenceEqual(bytes));
        if (!snapshotUnchanged)
        {
            Directory.CreateDirectory(Path.Combine(root, "sources", SnapshotFiles.Folder));
            if (File.Exists(realDestination) || Directory.Exists(realDestination) || !AtomicFile.TryCreateNew(destination, bytes))
            {
                return SnapshotOutcome.Refused(
                    $"{snapshotRelative} already exists with other content (edited by hand?); move it away and run again");
            }
        }
        request.AfterStep?.Invoke(SnapshotStep.SnapshotWritten);
        var sourceUnchanged = edited == original;
        if (!sourceUnchanged)
        {
            var encoded = Encoding.UTF8.GetBytes(edited);
            AtomicFile.Write(sourcePath, hasBom ? [.. Bom, .. encoded] : encoded);
        }
        request.AfterStep?.Invoke(SnapshotStep.SourceRecorded);
        var previous = source.Snapshot is { } p && p != snapshotValue ? p : null;
        var previousName = previous is not null && previous.StartsWith(SnapshotFiles.Folder + "/", StringComparison.Ordinal)
            ? previous[(SnapshotFiles.Folder.Length + 1)..] : null;
        var candidates = SnapshotFiles.Names(root)
            .Where(n => n.StartsWith(source.Id + ".", StringComparison.Ordinal) || n == previousName)
            .Where(n => n != Path.GetFileName(realDestination))
            .ToList();
        var removed = SnapshotFiles.RemoveStrays(root, candidates);
        request.AfterStep?.Invoke(SnapshotStep.StraysRemoved);
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
            Previous = previous,
            PreviousRemoved = previousName is not null && removed.Contains(previousName),
            StraysRemoved = [.. removed.Where(n => n != previousName)],
        }, SnapshotFailure.None, null);
    }

    /// <summary>The source with the id: sources/&lt;id&gt;.yaml first, else any source file that declares it.</summary>
    internal static (Source Source, string Path, byte[] Bytes)? FindSource(string root, string id, out string? refusal)
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
