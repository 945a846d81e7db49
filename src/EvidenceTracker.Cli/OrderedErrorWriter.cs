namespace EvidenceTracker.Cli;

/// <summary>
/// Standard error that first hands on what standard output holds in its buffer, so that the two, sent to one
/// terminal or file (<c>2&gt;&amp;1</c>), keep the order in which they were written while standard output itself is
/// written in blocks rather than a system call per write.
/// </summary>
internal sealed class OrderedErrorWriter(TextWriter error, TextWriter output) : ForwardingTextWriter(error)
{
    public override void Write(char value)
    {
        output.Flush();
        Inner.Write(value);
    }

    public override void Write(string? value)
    {
        output.Flush();
        Inner.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        output.Flush();
        Inner.Write(buffer, index, count);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        output.Flush();
        Inner.Write(buffer);
    }

    public override void WriteLine()
    {
        output.Flush();
        Inner.WriteLine();
    }

    public override void WriteLine(string? value)
    {
        output.Flush();
        Inner.WriteLine(value);
    }

    public override void Flush()
    {
        output.Flush();
        Inner.Flush();
    }
}
