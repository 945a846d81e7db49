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
        // still flushes after every Write (so stdout and stderr keep their order), but hands on up to 64 KB at once.
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16) { AutoFlush = true };
        return EvidenceCli.Run(args, stdout, Console.Error, CliEnvironment.FromConsole());
    }

    private static void Stop(System.Runtime.InteropServices.PosixSignalContext context)
    {
        Storage.AtomicFile.DeletePending();
        context.Cancel = false;
    }
}
