using EvidenceTracker.Diagnostics;
using EvidenceTracker.Loading;
using EvidenceTracker.Model;
using EvidenceTracker.Quotes;

namespace EvidenceTracker.Verification;

/// <summary>
/// Reads every source's snapshot once per run, in parallel: checks that it exists, stays inside the repository
/// and still has the bytes its <c>snapshot-sha256</c> records; reduces HTML to its main text; and, for a snapshot
/// that quotes cite, builds a <see cref="QuoteMatcher"/> and hands it to <c>visit</c> on the same thread, so each
/// snapshot is normalised and indexed once and dropped right after its quotes are looked up (memory stays
/// bounded by the number of threads, not the number of snapshots). Problems become findings on the source file
/// (rule <c>schema</c>, at the field's value).
/// </summary>
public static class SnapshotLibrary
{
    public static IReadOnlyDictionary<string, SnapshotStatus> Load(EvidenceSet set, IReadOnlyDictionary<string, Source> sources,
        Func<string, bool> isQuoted, Action<Source, Snapshot> visit, List<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(isQuoted);
        ArgumentNullException.ThrowIfNull(visit);
        ArgumentNullException.ThrowIfNull(findings);
        var list = sources.Values.Where(s => s.Snapshot is not null && EvidenceTracker.Model.Values.SnapshotPathProblem(s.Snapshot) is null).ToArray();
        var results = new SnapshotStatus[list.Length];
        var sinks = new FindingSink[list.Length];
        var realRoot = RealPath.Resolve(set.Root) ?? set.Root;
        void LoadOne(int i)
        {
            var source = list[i];
            var sink = new FindingSink(source.File) { Source = source.Id };
            sinks[i] = sink;
            var snapshot = Read(set.Root, realRoot, source, isQuoted(source.Id), sink);
            if (snapshot.Matcher is not null)
            {
                visit(source, snapshot);
            }
            results[i] = new SnapshotStatus(snapshot.File, snapshot.State, snapshot.IsHtml);
        }
        Parallelism.For(list.Length, Parallelism.Files, LoadOne);
        var map = new Dictionary<string, SnapshotStatus>(StringComparer.Ordinal);
        for (var i = 0; i < list.Length; i++)
        {
            findings.AddRange(sinks[i].Findings);
            map[list[i].Id] = results[i];
        }
        return map;
    }
    private static Snapshot Read(string root, string realRoot, Source source, bool buildMatcher, FindingSink sink)
    {
        var relative = $"sources/{source.Snapshot}";
        var at = source.Positions.Value("snapshot");
        var isHtml = SnapshotFiles.KindFor(relative) == SnapshotKind.Html;
        Snapshot Unusable(SnapshotState state, string message)
        {
            sink.Add(Rules.Schema, message, at);
            return new Snapshot(relative, state, null, null, isHtml);
        }

        var full = Path.Combine(root, "sources", source.Snapshot!);
        try
        {
            var real = RealPath.Resolve(full);
            if (real is null || !RealPath.IsInside(real, realRoot))
            {
                return Unusable(SnapshotState.Unreadable, $"snapshot {relative} leads outside the repository (a symbolic link); not read");
            }
            if (Directory.Exists(real))
            {
                return Unusable(SnapshotState.Unreadable, $"snapshot {relative} is a folder, not a file");
            }
            var info = new FileInfo(real);
            if (!info.Exists)
            {
                return Unusable(SnapshotState.Missing,
                    $"snapshot {relative} does not exist; archive the source again with `evidence snapshot {source.Id} FILE`");
            }
            if (info.Length > SafeFile.MaxDocumentBytes)
            {
                return Unusable(SnapshotState.Unreadable, $"snapshot {relative} is larger than {SafeFile.MaxDocumentBytes >> 20} MB; not read");
            }
            var bytes = info.Length == 0 ? [] : File.ReadAllBytes(real);
            var state = SnapshotState.Intact;
            if (source.SnapshotSha256 is { } recorded)
            {
                var actual = SnapshotFiles.Sha256(bytes);
                if (!string.Equals(actual, recorded, StringComparison.Ordinal))
                {
                    state = SnapshotState.Changed;
                    sink.Add(Rules.Schema,
                        $"snapshot {relative} changed since it was archived (sha256 now {actual[..12]}…, recorded {recorded[..Math.Min(12, recorded.Length)]}…); " +
                        $"re-run `evidence snapshot {source.Id} FILE` to archive it again", source.Positions.Value("snapshot-sha256") ?? at);
                }
            }
            if (SnapshotFiles.KindFor(relative) == SnapshotKind.Pdf)
            {
                var pdf = PdfText.Extract(bytes);
                if (pdf.Text is null)
                {
                    sink.Add(Rules.Schema, $"snapshot {relative}: {pdf.Problem}", at);
                    return new Snapshot(relative, SnapshotState.Unreadable, null, null, isHtml: false, isPdf: true);
                }
                return new Snapshot(relative, state, pdf.Text, buildMatcher ? QuoteMatcher.Build(pdf.Text) : null, isHtml: false, isPdf: true);
            }
            var fileSink = new FindingSink(relative) { Source = source.Id };
            var text = SafeFile.Decode(bytes, fileSink, Rules.Schema);
            if (text is null)
            {
                foreach (var f in fileSink.Findings)
                {
                    sink.Add(f.Rule, $"snapshot {relative}: {f.Message}", at);
                }
                return new Snapshot(relative, SnapshotState.Unreadable, null, null, isHtml);
            }
            var extracted = SnapshotText.Extract(text, Path.GetExtension(relative));
            return new Snapshot(relative, state, extracted, buildMatcher ? QuoteMatcher.Build(extracted) : null, isHtml);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Unusable(SnapshotState.Unreadable, ex is UnauthorizedAccessException
                ? $"snapshot {relative} cannot be read: permission denied"
                : $"snapshot {relative} cannot be read: {ex.Message}");
        }
    }
}
