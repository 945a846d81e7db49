namespace EvidenceTracker.Tests.Support;

/// <summary>
/// Golden-file comparison. To re-bless after an intended change of output, run
/// <c>EVIDENCE_BLESS=1 dotnet test</c> and review the diff of tests/golden/ before committing.
/// </summary>
public static class Golden
{
    public static bool Blessing => Environment.GetEnvironmentVariable("EVIDENCE_BLESS") == "1";

    public static void Verify(string name, string actual)
    {
        var path = Path.Combine(TestPaths.Golden, name);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Blessing)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"golden file {name} is missing; run EVIDENCE_BLESS=1 dotnet test to create it");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (expected != actual)
        {
            var actualPath = Path.Combine(TestPaths.RepoRoot, "tests", "actual", name);
            Directory.CreateDirectory(Path.GetDirectoryName(actualPath)!);
            File.WriteAllText(actualPath, actual);
        }
        Assert.Equal(expected, actual);
    }
}
