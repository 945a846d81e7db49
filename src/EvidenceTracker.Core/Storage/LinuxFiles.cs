using System.Runtime.InteropServices;
using System.Text;

namespace EvidenceTracker.Storage;

/// <summary>
/// The fewest system calls to create a file atomically on Linux: open a temporary name (O_EXCL), one write, close,
/// then <c>renameat2(RENAME_NOREPLACE)</c>, which moves it into place only if the name is free — no window in which
/// an existing file could be replaced. Used for bulk writes (an import of thousands of files); anything unexpected
/// (another OS, a file system without RENAME_NOREPLACE, a short write) returns null so the caller falls back to the
/// portable path. Also the one thing .NET cannot tell without opening a file: whether it is a named pipe, a socket
/// or a device (<see cref="IsSpecial"/>). Reading goes through File.OpenHandle and RandomAccess.Read into a pooled buffer: a raw statx/open/read reader
/// saved under 4% of the CPU time of a 10,000-claim check, and was removed (docs/confinement.md).
/// </summary>
internal static class LinuxFiles
{
    private const int OWrOnly = 0x1, OCreat = 0x40, OExcl = 0x80, OCloexec = 0x80000;

    /// <summary>
    /// The open flags above have these numbers in the generic table (x86, x86-64, ARM, arm64, RISC-V, LoongArch, s390x);
    /// MIPS, SPARC, Alpha and PA-RISC number O_CREAT and O_EXCL differently, so there the raw calls are not used at all
    /// and every caller takes the portable path. (No flag that differs between x86-64 and arm64 — O_NOFOLLOW,
    /// O_DIRECTORY, O_LARGEFILE — is used here.)
    /// </summary>
    private static readonly bool GenericOpenFlags = RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.X86
        or Architecture.Arm64 or Architecture.Arm or Architecture.Armv6 or Architecture.RiscV64 or Architecture.LoongArch64 or Architecture.S390x;

    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;

    /// <summary>A struct statx (256 bytes, the same layout on every architecture) per thread.</summary>
    [ThreadStatic]
    private static byte[]? _statx;
    private const int AtFdcwd = -100;
    private const uint RenameNoReplace = 1;
    private const int Eexist = 17;

    private static bool _unavailable = !OperatingSystem.IsLinux() || !GenericOpenFlags;

    [DllImport("libc", EntryPoint = "open", SetLastError = true, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Open(byte[] path, int flags, int mode);

    [DllImport("libc", EntryPoint = "write", SetLastError = true, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern nint Write(int fd, byte[] buffer, nint count);

    [DllImport("libc", EntryPoint = "statx", SetLastError = true, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int dirFd, byte[] path, int flags, uint mask, byte[] buffer);

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
            var fd = Open(name, OWrOnly | OCreat | OExcl | OCloexec, Convert.ToInt32("666", 8));
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
    /// Whether <paramref name="path"/> (not followed if it is a symbolic link) is something other than a regular file, a
    /// folder or a link — a named pipe, a socket or a device — from its statx type alone, without opening it. Null when
    /// that cannot be told here (not Linux, or the call failed); the caller then treats the file as it did before.
    /// </summary>
    public static bool? IsSpecial(string path)
    {
        if (_unavailable)
        {
            return null;
        }
        try
        {
            var stat = _statx ??= new byte[256];
            if (Statx(AtFdcwd, CString(path), AtSymlinkNoFollow, StatxType, stat) != 0 || (BitConverter.ToUInt32(stat, 0) & StatxType) == 0)
            {
                return null;
            }
            var type = BitConverter.ToUInt16(stat, 28) & 0xF000;
            return type is not (0x8000 or 0x4000 or 0xA000); // S_IFREG, S_IFDIR, S_IFLNK
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
