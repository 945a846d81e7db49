using System.Text;
using System.Text.Json;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Loading;
using EvidenceTracker.Reporting;
using EvidenceTracker.Storage;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Storage;

/// <summary>Reading the repository's files and writing reports.</summary>
public class FileIoTests
{
    [Fact]
    public void A_file_larger_than_the_first_read_buffer_is_read_whole()
    {
        using var repo = new TempRepo();
        var text = string.Concat(Enumerable.Range(0, 3000).Select(i => $"line {i}: 敏感性达到{i % 100}%\n"));
        var path = repo.Write("claims/long.yaml", text);
        var sink = new FindingSink("claims/long.yaml");
        Assert.Equal(text, SafeFile.ReadText(path, repo.Root, SafeFile.MaxYamlBytes, sink, Rules.YamlSyntax));
        Assert.Empty(sink.Findings);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(511)]
    [InlineData(512)]
    [InlineData(513)]
    [InlineData(4096)]
    [InlineData(65_535)]
    [InlineData(65_536)]
    [InlineData(1 << 20)]
    public void A_file_whose_length_fills_a_pooled_buffer_exactly_is_read_whole(int length)
    {
        using var repo = new TempRepo();
        var text = string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + (i % 26))));
        var path = repo.Write("claims/sized.yaml", text);
        var sink = new FindingSink("claims/sized.yaml");
        Assert.Equal(text, SafeFile.ReadText(path, repo.Root, SafeFile.MaxYamlBytes, sink, Rules.YamlSyntax));
        Assert.Empty(sink.Findings);
    }

    [Fact]
    public void A_file_that_grew_after_its_length_was_taken_is_read_to_its_end()
    {
        using var repo = new TempRepo();
        var text = string.Concat(Enumerable.Range(0, 5000).Select(i => (char)('a' + (i % 26))));
        var path = repo.Write("claims/grown.yaml", text);
        var sink = new FindingSink("claims/grown.yaml");
        // the directory entry said 10 bytes; the file holds 5,000 by the time it is read
        Assert.Equal(text, SafeFile.ReadAndDecode(path, 10, SafeFile.MaxYamlBytes, sink, Rules.YamlSyntax));
        Assert.Empty(sink.Findings);
    }

    [Fact]
    public void A_file_that_grew_past_the_size_limit_while_it_was_read_is_refused()
    {
        using var repo = new TempRepo();
        var path = repo.Write("claims/grown.yaml", new string('x', 5000));
        var sink = new FindingSink("claims/grown.yaml");
        Assert.Null(SafeFile.ReadAndDecode(path, 10, 4096, sink, Rules.YamlSyntax));
        var finding = Assert.Single(sink.Findings);
        Assert.Contains("grew while it was read", finding.Message, StringComparison.Ordinal);
        Assert.Contains("4 KB", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_exactly_at_the_size_limit_is_read()
    {
        using var repo = new TempRepo();
        var path = repo.Write("claims/limit.yaml", new string('x', 4096));
        var sink = new FindingSink("claims/limit.yaml");
        Assert.Equal(4096, SafeFile.ReadText(path, repo.Root, 4096, sink, Rules.YamlSyntax)?.Length);
        Assert.Empty(sink.Findings);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_with_its_size()
    {
        using var repo = new TempRepo();
        var path = repo.Write("claims/big.yaml", new string('x', 5000));
        var sink = new FindingSink("claims/big.yaml");
        Assert.Null(SafeFile.ReadText(path, repo.Root, 4096, sink, Rules.YamlSyntax));
        var finding = Assert.Single(sink.Findings);
        Assert.Contains("4.9 KB", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symbolic_link_inside_the_repository_is_read_through_to_its_target()
    {
        using var repo = new TempRepo();
        var target = repo.Write("claims/real.yaml", "id: real\n");
        var link = repo.Full("claims/link.yaml");
        File.CreateSymbolicLink(link, target);
        var sink = new FindingSink("claims/link.yaml");
        Assert.Equal("id: real\n", SafeFile.ReadText(link, repo.Root, SafeFile.MaxYamlBytes, sink, Rules.YamlSyntax));
    }

    [Fact]
    public void Invalid_utf8_is_a_finding_with_its_position()
    {
        using var repo = new TempRepo();
        var path = repo.Full("claims/bad.yaml");
        File.WriteAllBytes(path, [.. "id: a\nstatement: "u8, 0xC3, 0x28, (byte)'\n']);
        var sink = new FindingSink("claims/bad.yaml");
        Assert.Null(SafeFile.ReadText(path, repo.Root, SafeFile.MaxYamlBytes, sink, Rules.YamlSyntax));
        var finding = Assert.Single(sink.Findings);
        Assert.Equal((2, 12), (finding.Line, finding.Column));
    }

    [Fact]
    public void Streamed_json_keeps_characters_split_across_chunks()
    {
        // 40,000 Chinese strings: about 1 MB of UTF-8 handed on in 64 KB chunks, so many a three-byte character
        // is split between two chunks.
        var values = Enumerable.Range(0, 40_000).Select(i => $"敏感性{i}达到😀").ToList();
        using var writer = new StringWriter();
        EvidenceTracker.Reporting.Json.Write(writer, json =>
        {
            json.WriteStartArray();
            foreach (var v in values)
            {
                json.WriteStringValue(v);
                json.FlushIfFull();
            }
            json.WriteEndArray();
        });
        using var document = JsonDocument.Parse(writer.ToString());
        var read = document.RootElement.EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(values, read);
        Assert.EndsWith("]\n", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_streamed_report_replaces_the_file_and_leaves_no_temporary_file()
    {
        using var repo = new TempRepo();
        var path = repo.Write("reports/check.json", "old");
        AtomicFile.Write(path, w =>
        {
            w.Write("new ");
            w.Write(new string('y', 200_000));
        });
        var text = File.ReadAllText(path, Encoding.UTF8);
        Assert.StartsWith("new yyy", text, StringComparison.Ordinal);
        Assert.Equal(200_004, text.Length);
        Assert.Equal(["check.json"], Directory.GetFiles(repo.Full("reports")).Select(Path.GetFileName));
    }

    [Fact]
    public void A_report_that_fails_while_streaming_leaves_the_old_file_as_it_was()
    {
        using var repo = new TempRepo();
        var path = repo.Write("reports/check.json", "old");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, w =>
        {
            w.Write(new string('z', 100_000));
            throw new InvalidOperationException("formatter failed");
        }));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(["check.json"], Directory.GetFiles(repo.Full("reports")).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failed_write_names_the_file_being_written_not_its_temporary_name()
    {
        using var repo = new TempRepo();
        var target = repo.Full("report.txt");
        // the message .NET gives for a full disk, naming the file the bytes were going to
        var ex = Assert.Throws<IOException>(() => AtomicFile.Write(target, writer =>
            throw new IOException($"No space left on device : '{((FileStream)((StreamWriter)writer).BaseStream).Name}'")));
        Assert.Equal($"No space left on device : '{target}'", ex.Message);
        Assert.False(File.Exists(target));
    }
}
