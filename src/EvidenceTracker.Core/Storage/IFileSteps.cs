namespace EvidenceTracker.Storage;

/// <summary>
/// The file-system steps a <see cref="FileTransaction"/> is made of. The default goes to the disk
/// (<see cref="FileTransaction.Disk"/>); tests pass one that fails part-way, to show that a failure puts every file back.
/// </summary>
public interface IFileSteps
{
    /// <summary>Writes <paramref name="content"/> to a temporary file beside <paramref name="path"/> and returns its name.</summary>
    string Stage(string path, byte[] content);

    /// <summary>Renames <paramref name="from"/> to <paramref name="to"/>: over an existing file when <paramref name="replace"/>,
    /// else only if the name is free (false when it is taken).</summary>
    bool Rename(string from, string to, bool replace);

    /// <summary>Deletes a file this transaction made (a staged file, a backup); a missing file is no error.</summary>
    void Discard(string path);
}
