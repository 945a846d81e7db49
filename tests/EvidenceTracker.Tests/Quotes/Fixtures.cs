namespace EvidenceTracker.Tests.Quotes;

internal static class Fixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "fixtures", "quotes", name);

    public static string Read(string name) => File.ReadAllText(Path(name));
}
