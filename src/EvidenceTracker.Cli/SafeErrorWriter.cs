using EvidenceTracker.Reporting;

namespace EvidenceTracker.Cli;

/// <summary>
/// Standard error as the commands see it: every character a terminal or a CI log could act on (ESC, BEL, a carriage
/// return, bidi overrides; <see cref="TerminalText.IsUnsafe"/>) is written as a visible escape, whatever message it
/// is in — an id, a path or a URL given on the command line and echoed in an error included. Line feeds end lines as
/// usual. The one writer that may move the cursor is <see cref="CommandContext.Terminal"/> (progress lines).
/// </summary>
internal sealed class SafeErrorWriter(TextWriter inner) : ForwardingTextWriter(inner)
{
    public override void Write(char value)
    {
        if (value != '\n' && TerminalText.IsUnsafe(value))
        {
            Inner.Write(TerminalText.Escape(value.ToString()));
        }
        else
        {
            Inner.Write(value);
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
                Inner.Write(buffer[start..i]);
                Inner.Write(TerminalText.Escape(buffer[i].ToString()));
                start = i + 1;
            }
        }
        Inner.Write(buffer[start..]);
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Inner.WriteLine();
    }

    public override void WriteLine() => Inner.WriteLine();

    public override void Flush() => Inner.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Inner.Flush();
        }
        base.Dispose(disposing);
    }
}
