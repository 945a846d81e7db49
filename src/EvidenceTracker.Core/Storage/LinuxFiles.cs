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
    private const int ORdOnly = 0x0, OWrOnly = 0x1, OCreat = 0x40, OExcl = 0x80, ONonBlock = 0x800, OCloexec = 0x80000;

    /// <summary>
    /// O_NOFOLLOW is not the same number everywhere: 0x20000 in the generic table (x86, x86-64, RISC-V, LoongArch,
    /// s390x), 0x8000 on ARM and arm64 — where 0x20000 is O_LARGEFILE, which would follow a link. The other flags above
    /// are the same on all of these. On any other architecture (MIPS, PowerPC, SPARC number flags differently) the
    /// raw calls are not used at all: <see cref="_unavailable"/> sends every caller to the portable path.
    /// </summary>
    private static readonly int ONoFollow = RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.Arm64 or Architecture.Arm or Architecture.Armv6 => 0x8000,
        Architecture.X64 or Architecture.X86 or Architecture.RiscV64 or Architecture.LoongArch64 or Architecture.S390x => 0x20000,
        _ => 0,
    };

    private const int Eintr = 4;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1, StatxSize = 0x200;

    /// <summary>A struct statx (256 bytes, the same layout on every architecture) per thread.</summary>
    [ThreadStatic]
    private static byte[]? _statx;
    private const int AtFdcwd = -100;
    private const uint RenameNoReplace = 1;
    private const int Eexist = 17;

    private static bool _unavailable = !OperatingSystem.IsLinux() || ONoFollow == 0;

    [DllImport("libc", EntryPoint = "open", SetLastError = true, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Open(byte[] path, int flags, int mode);

    [DllImport("libc", EntryPoint = "write", SetLastError = true, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern nint Write(int fd, byte[] buffer, nint count);

    [DllImport("libc", EntryPoint = "read", SetLastError = true, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern nint Read(int fd, ref byte buffer, nint count);

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
    /// Reads a whole regular file in five system calls (statx, open, read until end, close), where File.ReadAllBytes
    /// with the directory entry's length and link status costs nine (lstat, geteuid, fstat twice, flock twice...).
    /// Only a regular file is opened (a named pipe or a device never is: opening one has effects), without following
    /// a symbolic link and without blocking. Returns the bytes in a buffer from <see cref="ArrayPool{T}.Shared"/>
    /// (the caller returns it) and their count; null when not done — not a regular file, a link, an error, more than
    /// <paramref name="maxBytes"/> — so that the portable path, which reports each of those precisely, reads it instead.
    /// </summary>
    public static byte[]? TryReadAll(string path, long maxBytes, out int length)
    {
        length = 0;
        if (_unavailable)
        {
            return null;
        }
        int fd;
        long size;
        try
        {
            var name = CString(path);
            var stat = _statx ??= new byte[256];
            if (Statx(AtFdcwd, name, AtSymlinkNoFollow, StatxType | StatxSize, stat) != 0)
            {
                if (Marshal.GetLastPInvokeError() == 38) // ENOSYS: no statx in this kernel
                {
                    _unavailable = true;
                }
                return null;
            }
            var mask = BitConverter.ToUInt32(stat, 0);
            var mode = BitConverter.ToUInt16(stat, 28);
            size = BitConverter.ToInt64(stat, 40);
            if ((mask & (StatxType | StatxSize)) != (StatxType | StatxSize) || (mode & 0xF000) != 0x8000 || size > maxBytes)
            {
                return null; // not a regular file, or too large: the portable path says which
            }
            fd = Open(name, ORdOnly | ONonBlock | ONoFollow | OCloexec, 0);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
            return null;
        }
        if (fd < 0)
        {
            return null;
        }
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)Math.Max(size + 1, 64));
        var total = 0;
        var ok = false;
        try
        {
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (total > maxBytes)
                    {
                        return null;
                    }
                    var larger = System.Buffers.ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, total).CopyTo(larger);
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var n = Read(fd, ref buffer[total], buffer.Length - total);
                if (n < 0)
                {
                    if (Marshal.GetLastPInvokeError() == Eintr)
                    {
                        continue;
                    }
                    return null;
                }
                if (n == 0)
                {
                    break;
                }
                total += (int)n;
            }
            if (total > maxBytes)
            {
                return null;
            }
            ok = true;
            length = total;
            return buffer;
        }
        finally
        {
            _ = Close(fd);
            if (!ok)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
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
