using EvidenceTracker.Quotes;
using EvidenceTracker.Text;

namespace EvidenceTracker.Verification;

/// <summary>One source's snapshot, read, hashed, reduced to its text and indexed once per run.</summary>
public sealed class Snapshot
{
    private LineIndex? _lines;

    internal Snapshot(string file, SnapshotState state, string? text, QuoteMatcher? matcher, bool isHtml, bool isPdf = false)
    {
        IsPdf = isPdf;
        File = file;
        State = state;
        Text = text;
        Matcher = matcher;
        IsHtml = isHtml;
    }

    /// <summary>The snapshot file, relative to the root (<c>sources/snapshots/x.txt</c>).</summary>
    public string File { get; }

    public SnapshotState State { get; }

    /// <summary>The text quotes are looked up in (an HTML page's main text); null when not readable.</summary>
    public string? Text { get; }

    /// <summary>Built when a quote needs it; null otherwise.</summary>
    public QuoteMatcher? Matcher { get; }

    /// <summary>An HTML page: line numbers refer to its extracted main text, not to the file.</summary>
    public bool IsHtml { get; }

    /// <summary>A PDF: its <see cref="Text"/> is the extracted text, pages separated by form feeds; passages are named by page.</summary>
    public bool IsPdf { get; }

    /// <summary>The 1-based page of a PDF's <see cref="Text"/> that holds <paramref name="offset"/>.</summary>
    public int PageOf(int offset) => Text is null ? 1 : PdfText.PageOf(Text, offset);

    /// <summary>The 1-based line of <see cref="Text"/> that holds <paramref name="offset"/>.</summary>
    public int LineOf(int offset)
    {
        if (Text is null)
        {
            return 1;
        }
        _lines ??= LineIndex.Of(Text);
        return _lines.LineOf(offset) + 1;
    }
}
