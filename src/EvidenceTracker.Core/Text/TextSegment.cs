namespace EvidenceTracker.Text;

/// <summary>A span of an input string: <see cref="Start"/> and <see cref="Length"/> are UTF-16 offsets into that string.</summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="Length">Number of characters.</param>
public readonly record struct TextSegment(int Start, int Length)
{
    /// <summary>Offset just past the last character.</summary>
    public int End => Start + Length;

    /// <summary>The text of this segment within <paramref name="text"/> (the string it was computed from).</summary>
    public string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Substring(Start, Length);
    }
}
