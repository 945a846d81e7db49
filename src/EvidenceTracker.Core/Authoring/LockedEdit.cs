using EvidenceTracker.Diagnostics;
using EvidenceTracker.Loading;
using EvidenceTracker.Storage;

namespace EvidenceTracker.Authoring;

/// <summary>
/// A claim or source file opened for a read–modify–write edit (<c>cite</c>, <c>set</c>): refused when its folder or
/// the file itself is a link, then read and decoded under its folder's <see cref="EditLock"/>, which is held until
/// disposed — so the edited text is renamed into place before another edit can read the file.
/// </summary>
internal sealed class LockedEdit : IDisposable
{
    private readonly EditLock? _lock;
    private readonly string _file;
    private readonly bool _bom;

    private LockedEdit(string file, string rel, EditLock? held, string? original, bool bom, FindingSink before, IReadOnlyList<string> problems)
    {
        _file = file;
        Rel = rel;
        _lock = held;
        Original = original;
        _bom = bom;
        Before = before;
        Problems = problems;
    }

    /// <summary>The file's path relative to the repository root, for messages.</summary>
    public string Rel { get; }

    /// <summary>The file's text (without a BOM); null when it could not be opened (see <see cref="Problems"/>).</summary>
    public string? Original { get; }

    /// <summary>The findings of reading the file as it was; an edit is refused only for errors it adds.</summary>
    public FindingSink Before { get; }

    /// <summary>Why the file cannot be edited; empty when <see cref="Original"/> is set.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>
    /// Opens <paramref name="file"/> (under <c>claims/</c> or <c>sources/</c>: <paramref name="folder"/>) of the
    /// repository at <paramref name="root"/>; <paramref name="what"/> names it in a refusal (<c>claim 'who-2020'</c>).
    /// </summary>
    public static LockedEdit Open(string root, string file, string folder, string what, TimeSpan? timeout)
    {
        var rel = RepositoryLoader.Relative(root, file);
        var sink = new FindingSink(rel);
        if ((SafeFile.FolderProblem(root, SafeFile.RealDirectory(root), folder) ?? SafeFile.LinkProblem(file, rel)) is { } refused)
        {
            return new LockedEdit(file, rel, null, null, false, sink, [refused]);
        }
        var held = EditLock.Acquire(Path.GetDirectoryName(file)!, rel, timeout);
        if (!File.Exists(file))
        {
            return new LockedEdit(file, rel, held, null, false, sink,
                [$"{what} was renamed or removed while this edit waited ({rel} is gone); nothing was written"]);
        }
        var bytes = File.ReadAllBytes(file);
        var original = SafeFile.Decode(bytes, sink, Rules.YamlSyntax);
        var bom = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        if (original is not null && HasLoneCarriageReturn(original))
        {
            // The editors work line by line on LF (CRLF kept): a file whose lines end in a lone CR is one long line to
            // them, and an edit could take what follows the field (comments included) with it.
            return new LockedEdit(file, rel, held, null, bom, sink,
                [$"{rel} has lines that end in a lone carriage return (CR, as classic Mac OS wrote them); it is not edited: convert its line ends to LF or CRLF"]);
        }
        return new LockedEdit(file, rel, held, original, bom, sink, original is null ? [.. Errors(sink)] : []);
    }

    private static bool HasLoneCarriageReturn(string text)
    {
        for (var i = text.IndexOf('\r', StringComparison.Ordinal); i >= 0; i = text.IndexOf('\r', i + 1))
        {
            if (i + 1 >= text.Length || text[i + 1] != '\n')
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The error messages of <paramref name="sink"/>.</summary>
    public static IEnumerable<string> Errors(FindingSink sink) =>
        sink.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Message);

    /// <summary>
    /// The errors that reading the edited text (into <paramref name="after"/>) found and the file as it was did not have,
    /// and the size check would refuse <paramref name="edited"/> for (over 1 MB, it would not be read at all).
    /// </summary>
    public List<string> NewErrors(FindingSink after, string edited)
    {
        ArgumentNullException.ThrowIfNull(edited);
        List<string> added = [.. Errors(after).Except(Errors(Before))];
        if (SafeFile.TooLargeProblem(Rel, edited, SafeFile.MaxYamlBytes) is { } tooLarge)
        {
            added.Add(tooLarge);
        }
        return added;
    }

    /// <summary>Renames <paramref name="edited"/> into place atomically, with the BOM the file had.</summary>
    public void Write(string edited)
    {
        var output = System.Text.Encoding.UTF8.GetBytes(edited);
        AtomicFile.Write(_file, _bom ? [0xEF, 0xBB, 0xBF, .. output] : output);
    }

    public void Dispose() => _lock?.Dispose();
}
