using EvidenceTracker.App;
using EvidenceTracker.Checking;
using EvidenceTracker.Model;
using EvidenceTracker.Tests.Support;
using EvidenceTracker.Verification;

namespace EvidenceTracker.Tests.App;

/// <summary>Core resolves relative paths against the working directory it is given, never the process's own.</summary>
public class WorkingDirectoryTests
{
    [Fact]
    public void Export_writes_a_relative_output_under_the_given_working_directory_and_returns_no_text()
    {
        using var repo = new TempRepo();
        repo.Write("sources/a.yaml", "id: a\ntype: report\ntitle: Alpha\n");
        var result = ExportService.Run(new ExportSettings
        {
            Root = repo.Root, Format = BibliographyFormat.BibTex, Output = "out/refs.bib", WorkingDirectory = repo.Full("work"),
        });
        Assert.Equal((null, 1, 0), (result.Text, result.Exported, result.BrokenFiles));
        Assert.Contains("Alpha", File.ReadAllText(repo.Full("work/out/refs.bib")), StringComparison.Ordinal);
    }

    [Fact]
    public void Export_without_an_output_returns_the_text_and_counts_unreadable_source_files()
    {
        using var repo = new TempRepo();
        repo.Write("sources/a.yaml", "id: a\ntype: report\ntitle: Alpha\n");
        repo.Write("sources/b.yaml", "id: [unclosed\n");
        var result = ExportService.Run(new ExportSettings { Root = repo.Root, Format = BibliographyFormat.Ris, WorkingDirectory = repo.Root });
        Assert.Contains("TI  - Alpha", result.Text, StringComparison.Ordinal);
        Assert.Equal((1, 1, true), (result.Exported, result.BrokenFiles, result.Partial));
    }

    [Fact]
    public void Resolving_a_real_path_refuses_a_relative_one_instead_of_reading_the_process_directory() =>
        Assert.Throws<ArgumentException>(() => RealPath.Resolve("sources/x.txt"));

    [Fact]
    public void A_check_reports_its_timings_only_to_an_observer()
    {
        var observed = new List<CheckTimings>();
        var report = EvidenceQueries.Check(TestPaths.Fixture("verification"), new CheckObserver(observed.Add));
        Assert.Equal(3, Assert.Single(observed).Snapshots);
        Assert.Equal(report.Claims.Count, EvidenceQueries.Check(TestPaths.Fixture("verification")).Claims.Count);
    }
}
