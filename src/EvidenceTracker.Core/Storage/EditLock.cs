namespace EvidenceTracker.Storage;

/// <summary>
/// Serialises read–modify–write edits (<c>cite</c>, <c>snapshot</c>, a bibliography import that merges into existing
/// sources) across threads and processes: an exclusive <c>flock(2)</c> on the folder that holds the file, taken before
/// the file is read and held until its new content has been renamed into place. Without it, two edits that read the
/// same version each rename their own result over it, and one is lost.
/// </summary>
/// <remarks>
/// The lock is on the folder itself, so nothing is created to take it: no lock file is ever left behind, and the
/// kernel releases the lock when its holder exits — a process killed with SIGKILL blocks no one. Readers (<c>check</c>,
/// <c>build</c>) take no lock: they see the old file or the new one, never a mix, because every write is a rename.
/// Where folders cannot be locked (another OS, a file system without <c>flock</c> on folders) edits run unlocked.
/// </remarks>
public sealed class EditLock : IDisposable
{
    /// <summary>How long an edit waits for another one to finish before it gives up.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private int _fd;

    private EditLock(int fd) => _fd = fd;

    /// <summary>
    /// Waits (up to <paramref name="timeout"/>, <see cref="DefaultTimeout"/> when null) until no other edit holds
    /// <paramref name="folder"/>, and holds it until disposed. Throws an <see cref="IOException"/> saying that
    /// <paramref name="what"/> is being edited by another process when the wait runs out.
    /// </summary>
    public static EditLock Acquire(string folder, string what, TimeSpan? timeout = null) => Acquire(folder, what, "edited", timeout);

    /// <summary>As <see cref="Acquire(string, string, TimeSpan?)"/>; the refusal says what the other process does (<c>built</c>).</summary>
    public static EditLock Acquire(string folder, string what, string doing, TimeSpan? timeout)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(what);
        var fd = Posix.OpenReadOnly(folder);
        if (fd < 0)
        {
            return new EditLock(-1); // no such folder yet, or no way to lock it: the edit's own I/O reports what is wrong
        }
        var wait = timeout ?? DefaultTimeout;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var pause = 1;
        while (true)
        {
            var errno = Posix.Flock(fd, Posix.LockEx | Posix.LockNb);
            if (errno == 0)
            {
                return new EditLock(fd);
            }
            if (errno == Posix.Eintr)
            {
                continue;
            }
            if (errno != Posix.Eagain)
            {
                Posix.Close(fd);
                return new EditLock(-1); // folders cannot be locked here (EBADF, ENOLCK, EINVAL): unlocked, as before
            }
            if (System.Diagnostics.Stopwatch.GetElapsedTime(started) >= wait)
            {
                Posix.Close(fd);
                throw new IOException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{what} is being {doing} by another process (waited {wait.TotalSeconds:0.#} s); try again when it has finished"));
            }
            // Polling, with a pause that grows to 20 ms: flock(2) has no time-out of its own.
            Thread.Sleep(pause);
            pause = Math.Min(20, pause * 2);
        }
    }

    /// <summary>Whether the folder is really locked (false where locking is not available).</summary>
    public bool IsHeld => _fd >= 0;

    public void Dispose()
    {
        var fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0)
        {
            Posix.Close(fd); // closing the last descriptor releases the lock
        }
    }
}
