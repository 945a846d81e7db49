using System.Text;
using EvidenceTracker.Reporting;

namespace EvidenceTracker.Cli;

/// <summary>
/// Standard error as the commands see it: every character a terminal or a CI log could act on (ESC, BEL, a carriage
/// return, bidi overrides; <see cref="TerminalText.IsUnsafe"/>) is written as a visible escape, whatever message it
/// is in — an id, a path or a URL given on the command line and echoed in an error included. Line feeds end lines as
/// usual. The one writer that may move the cursor is <see cref="CommandContext.Terminal"/> (progress lines).
/// </summary>
internal sealed class SafeErrorWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    public override void Write(char value)
    {
        if (value != '\n' && TerminalText.IsUnsafe(value))
        {
            inner.Write(TerminalText.Escape(value.ToString()));
        }
        else
        {
            inner.Write(value);
        }
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        var start = 0;
        for (var i = 0; i < buffer.Length; i++)
        {
            if (buffer[i] != '\n' && TerminalText.IsUnsafe(buffer[i]))
            {
                inner.Write(buffer[start..i]);
                inner.Write(TerminalText.Escape(buffer[i].ToString()));
                start = i + 1;
            }
        }
        inner.Write(buffer[start..]);
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        inner.WriteLine();
    }

    public override void WriteLine() => inner.WriteLine();

    public override void Flush() => inner.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Flush();
        }
        base.Dispose(disposing);
    }
}
