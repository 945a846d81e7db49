using System.Text;

namespace EvidenceTracker.Cli;

/// <summary>A writer that stands in front of another: its encoding, format provider and line ending are the other's.</summary>
internal abstract class ForwardingTextWriter(TextWriter inner) : TextWriter
{
    protected TextWriter Inner { get; } = inner;

    public override Encoding Encoding => Inner.Encoding;

    public override IFormatProvider FormatProvider => Inner.FormatProvider;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => Inner.NewLine;
        set => Inner.NewLine = value;
    }
}
