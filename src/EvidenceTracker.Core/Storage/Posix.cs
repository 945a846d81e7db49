using System.Runtime.InteropServices;
using System.Text;

namespace EvidenceTracker.Storage;

/// <summary>The kind of file a path names, as stat(2) reports it.</summary>
internal enum FileKind { Missing, Regular, Directory, SymbolicLink, NamedPipe, CharacterDevice, BlockDevice, Socket, Unknown }

/// <summary>
/// The few Linux system calls the BCL does not offer: the file type of a path (statx, following links or not) and
/// advisory locks (flock). Constants are the generic Linux ones (the same on x86-64 and arm64); on another OS, or
/// where a call is missing, the callers fall back (<see cref="IsAvailable"/>).
/// </summary>
internal static class Posix
{
    public const int OCloexec = 0x80000;
    public const int LockEx = 2, LockNb = 4, LockUn = 8;
    public const int Eintr = 4, Eagain = 11;
    private const int AtFdcwd = -100, AtSymlinkNoFollow = 0x100, AtEmptyPath = 0x1000;
    private const int ORdOnly = 0, OWrOnly = 0x1, OCreat = 0x40, OAppend = 0x400, ONonBlock = 0x800;
    private const int FGetfl = 3, FSetfl = 4;
    private const uint StatxType = 0x1;

    public static bool IsAvailable { get; private set; } = OperatingSystem.IsLinux();

    /// <summary>
    /// Whether O_APPEND, O_CREAT and O_NONBLOCK have their generic Linux numbers here (x86, x86-64, ARM, arm64, RISC-V,
    /// LoongArch, s390x); MIPS, SPARC, Alpha and PA-RISC number them differently, and there the non-blocking opens
    /// below are not made (<see cref="OpenNonBlocking"/> returns null).
    /// </summary>
    private static readonly bool GenericOpenFlags = RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.X86
        or Architecture.Arm64 or Architecture.Arm or Architecture.Armv6 or Architecture.RiscV64 or Architecture.LoongArch64 or Architecture.S390x;

    [DllImport("libc", EntryPoint = "open", SetLastError = true, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int OpenCall(byte[] path, int flags, int mode);

    [DllImport("libc", EntryPoint = "fcntl", SetLastError = true, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int FcntlCall(int fd, int command, int argument);

    [DllImport("libc", EntryPoint = "close", SetLastError = true, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int CloseCall(int fd);

    [DllImport("libc", EntryPoint = "flock", SetLastError = true, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int FlockCall(int fd, int operation);

    [DllImport("libc", EntryPoint = "statx", SetLastError = true, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int StatxCall(int dirFd, byte[] path, int flags, uint mask, byte[] buffer);

    private static byte[] CString(string path)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(path) + 1];
        Encoding.UTF8.GetBytes(path, bytes);
        return bytes;
    }

    /// <summary>Opens a path read-only (a folder too), closed on exec; -1 when it cannot be opened or the call is missing.</summary>
    public static int OpenReadOnly(string path)
    {
        if (!IsAvailable)
        {
            return -1;
        }
        try
        {
            return OpenCall(CString(path), OCloexec, 0);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            IsAvailable = false;
            return -1;
        }
    }

    public static void Close(int fd) => _ = CloseCall(fd);

    /// <summary>
    /// Opens a path for reading (or, with <paramref name="append"/>, for appending, created when missing) with
    /// O_NONBLOCK, so that a named pipe with no process at the other end never blocks the open, then clears O_NONBLOCK
    /// so that reads and writes wait as usual. The descriptor and the kind of file it is (fstat: what was opened, not
    /// what the path names now). A negative descriptor is the errno. Null when the calls cannot be made here.
    /// </summary>
    public static (int Fd, FileKind? Kind)? OpenNonBlocking(string path, bool append)
    {
        if (!IsAvailable || !GenericOpenFlags)
        {
            return null;
        }
        try
        {
            var flags = (append ? OWrOnly | OAppend | OCreat : ORdOnly) | ONonBlock | OCloexec;
            var fd = OpenCall(CString(path), flags, Convert.ToInt32("666", 8));
            if (fd < 0)
            {
                return (-Marshal.GetLastPInvokeError(), null);
            }
            var kind = KindOf(fd);
            var current = FcntlCall(fd, FGetfl, 0);
            if (current < 0 || FcntlCall(fd, FSetfl, current & ~ONonBlock) < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                _ = CloseCall(fd);
                return (-errno, null);
            }
            return (fd, kind);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            IsAvailable = false;
            return null;
        }
    }

    /// <summary>The kind of the file open as <paramref name="fd"/> (statx with AT_EMPTY_PATH); null when it cannot be told.</summary>
    private static FileKind? KindOf(int fd)
    {
        var buffer = new byte[256];
        return StatxCall(fd, [0], AtEmptyPath, StatxType, buffer) == 0 ? KindIn(buffer) : null;
    }

    /// <summary>flock(2); 0 on success, else the errno.</summary>
    public static int Flock(int fd, int operation)
    {
        try
        {
            return FlockCall(fd, operation) == 0 ? 0 : Marshal.GetLastPInvokeError();
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            IsAvailable = false;
            return 38; // ENOSYS
        }
    }

    /// <summary>
    /// The kind of file at <paramref name="path"/>: with <paramref name="followLinks"/>, of what a symbolic link leads
    /// to (<see cref="FileKind.Missing"/> for a dangling one). Null when it cannot be told (another OS, an error other
    /// than a missing file).
    /// </summary>
    public static FileKind? KindOf(string path, bool followLinks)
    {
        if (!IsAvailable)
        {
            return null;
        }
        var buffer = new byte[256];
        try
        {
            if (StatxCall(AtFdcwd, CString(path), followLinks ? 0 : AtSymlinkNoFollow, StatxType, buffer) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                return errno is 2 or 20 ? FileKind.Missing : null; // ENOENT, ENOTDIR
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            IsAvailable = false;
            return null;
        }
        return KindIn(buffer);
    }

    private static FileKind? KindIn(byte[] buffer)
    {
        if ((BitConverter.ToUInt32(buffer, 0) & StatxType) == 0)
        {
            return null;
        }
        return (BitConverter.ToUInt16(buffer, 28) & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x1000 => FileKind.NamedPipe,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Unknown,
        };
    }
}
