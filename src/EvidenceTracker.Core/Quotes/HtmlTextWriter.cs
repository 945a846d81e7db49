using System.Text;

namespace EvidenceTracker.Quotes;

/// <summary>Builds the output: collapses white space (except line breaks inside &lt;pre&gt;), trims lines, no empty lines.</summary>
internal sealed class HtmlTextWriter
{
    private readonly StringBuilder _builder = new();
    private bool _pendingSpace;
    private char _last = '\n'; // '\n' also stands for "nothing written yet"

    public int PreDepth { get; set; }

    public void Text(ReadOnlySpan<char> data)
    {
        foreach (char c in data)
        {
            if (c == '\n' && PreDepth > 0)
            {
                LineBreak(force: true);
            }
            else if (char.IsWhiteSpace(c))
            {
                _pendingSpace = true;
            }
            else
            {
                if (_pendingSpace && _last != '\n')
                {
                    _builder.Append(' ');
                }

                _pendingSpace = false;
                _builder.Append(c);
                _last = c;
            }
        }
    }

    public void Separator() => _pendingSpace = true;

    public void LineBreak(bool force = false)
    {
        _pendingSpace = false;
        if (_builder.Length == 0)
        {
            return;
        }

        if (force || _last != '\n')
        {
            _builder.Append('\n');
            _last = '\n';
        }
    }

    public override string ToString()
    {
        int end = _builder.Length;
        while (end > 0 && _builder[end - 1] == '\n')
        {
            end--;
        }

        return _builder.ToString(0, end);
    }
}
