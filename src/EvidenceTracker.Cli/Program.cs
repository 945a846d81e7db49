namespace EvidenceTracker.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        // Told to stop (Ctrl+C, kill): remove the temporary files of writes in progress, then stop.
        using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, Stop);
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, Stop);
        using var hangup = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGHUP, Stop);
        // Console.Out writes through a 256-character buffer: a 4 MB JSON report took 16,000 write calls. This writer
        // hands on up to 64 KB at once. Into a file or a pipe it flushes only when full, when standard error is written
        // to (so the two keep their order) and at the end: flushing after every write made 1.2 million system calls, a
        // second, for the text report of 130,000 findings. On a terminal, where a person watches, it flushes each write.
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16)
        {
            AutoFlush = !Console.IsOutputRedirected,
        };
        try
        {
            return EvidenceCli.Run(args, stdout, new OrderedErrorWriter(Console.Error, stdout), CliEnvironment.FromConsole());
        }
        finally
        {
            try
            {
                stdout.Dispose();
            }
            catch (IOException)
            {
                // the reader went away (a closed pipe): already reported by the command, nothing is left to write to
            }
        }
    }

    private static void Stop(System.Runtime.InteropServices.PosixSignalContext context)
    {
        Storage.AtomicFile.DeletePending();
        context.Cancel = false;
    }
}
