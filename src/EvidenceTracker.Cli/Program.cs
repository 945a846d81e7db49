namespace EvidenceTracker.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        // Told to stop (Ctrl+C, kill): remove the temporary files of writes in progress, then stop.
        using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, Stop);
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, Stop);
        using var hangup = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGHUP, Stop);
        return EvidenceCli.Run(args, Console.Out, Console.Error, CliEnvironment.FromConsole());
    }

    private static void Stop(System.Runtime.InteropServices.PosixSignalContext context)
    {
        Storage.AtomicFile.DeletePending();
        context.Cancel = false;
    }
}
