using System.Runtime.InteropServices;
using System.Text;

namespace EvidenceTracker.Storage;

/// <summary>
/// The fewest system calls to create a file atomically on Linux: open a temporary name (O_EXCL), one write, close,
/// then <c>renameat2(RENAME_NOREPLACE)</c>, which moves it into place only if the name is free — no window in which
/// an existing file could be replaced. Used for bulk writes (an import of thousands of files); anything unexpected
/// (another OS, a file system without RENAME_NOREPLACE, a short write) returns null so the caller falls back to the
/// portable path.
/// </summary>
internal static class LinuxFiles
{
    private const int OWrOnly = 0x1, OCreat = 0x40, OExcl = 0x80, OCloexec = 0x80000;
    private const int AtFdcwd = -100;
    private const uint RenameNoReplace = 1;
    private const int Eexist = 17;

    private static bool _unavailable = !OperatingSystem.IsLinux();

    [DllImport("libc", EntryPoint = "open", SetLastError = true, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Open(byte[] path, int flags, int mode);

    [DllImport("libc", EntryPoint = "write", SetLastError = true, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern nint Write(int fd, byte[] buffer, nint count);

    [DllImport("libc", EntryPoint = "close", SetLastError = true, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Close(int fd);

    [DllImport("libc", EntryPoint = "unlink", SetLastError = true, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Unlink(byte[] path);

    [DllImport("libc", EntryPoint = "renameat2", SetLastError = true, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int RenameAt2(int oldDir, byte[] oldPath, int newDir, byte[] newPath, uint flags);

    private static byte[] CString(string path)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(path) + 1];
        Encoding.UTF8.GetBytes(path, bytes);
        return bytes;
    }

    /// <summary>True: created. False: the name exists. Null: not done (use the portable path).</summary>
    public static bool? TryCreateNew(string full, string temp, byte[] content)
    {
        if (TryWriteNew(temp, content) != true)
        {
            return null;
        }
        var moved = TryRenameNoReplace(temp, full);
        if (moved != true)
        {
            _ = Unlink(CString(temp));
        }
        return moved;
    }

    /// <summary>
    /// Creates <paramref name="path"/> (which must not exist: O_EXCL) with <paramref name="content"/> in three system
    /// calls — open, write, close — where File.OpenHandle adds an advisory lock, its release, fstatfs and lseek.
    /// True: written. Null: not done (nothing left behind; use the portable path).
    /// </summary>
    public static bool? TryWriteNew(string path, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (_unavailable)
        {
            return null;
        }
        try
        {
            var name = CString(path);
            var fd = Open(name, OWrOnly | OCreat | OExcl | OCloexec, Convert.ToInt32("644", 8));
            if (fd < 0)
            {
                return null;
            }
            var written = content.Length == 0 ? 0 : Write(fd, content, content.Length);
            var closed = Close(fd);
            if (written != content.Length || closed != 0)
            {
                _ = Unlink(name);
                return null;
            }
            return true;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
            return null;
        }
    }

    /// <summary>
    /// Moves <paramref name="temp"/> to <paramref name="full"/> only if that name is free (renameat2 NOREPLACE): one
    /// system call instead of link + unlink. True: moved. False: the name exists (temp left in place). Null: not done.
    /// </summary>
    public static bool? TryRenameNoReplace(string temp, string full)
    {
        if (_unavailable)
        {
            return null;
        }
        try
        {
            if (RenameAt2(AtFdcwd, CString(temp), AtFdcwd, CString(full), RenameNoReplace) == 0)
            {
                return true;
            }
            if (Marshal.GetLastPInvokeError() == Eexist)
            {
                return false;
            }
            _unavailable = true;
            return null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
            return null;
        }
    }
}
