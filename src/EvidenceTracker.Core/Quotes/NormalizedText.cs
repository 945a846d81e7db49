namespace EvidenceTracker.Quotes;

/// <summary>
/// A text normalised by <see cref="TextNormalizer"/>, with a map from every normalised offset back to the
/// original text. Each normalised character remembers the original range it came from (a whole white-space
/// run for a collapsed space, a whole base+combining-marks sequence for a composed letter, the same range for
/// every character of an expansion such as "ﬁ" → "fi").
/// </summary>
public sealed class NormalizedText
{
    private readonly int[] _starts; // original start of each normalised character (ends are recomputed)
    private readonly string _original;

    internal NormalizedText(string text, int[] starts, string original)
    {
        Text = text;
        _starts = starts;
        _original = original;
    }

    /// <summary>The normalised text.</summary>
    public string Text { get; }

    /// <summary>Length of the text that was normalised.</summary>
    public int OriginalLength => _original.Length;

    /// <summary>
    /// Original offset where the character at <paramref name="normalizedOffset"/> starts;
    /// <c>Text.Length</c> maps to <see cref="OriginalLength"/>.
    /// </summary>
    public int ToOriginal(int normalizedOffset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(normalizedOffset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(normalizedOffset, Text.Length);
        return normalizedOffset == Text.Length ? OriginalLength : _starts[normalizedOffset];
    }

    /// <summary>
    /// Original offset just past the character at <c>normalizedEnd - 1</c>, i.e. the exclusive end of a
    /// normalised range ending at <paramref name="normalizedEnd"/>; 0 maps to 0.
    /// </summary>
    public int ToOriginalEnd(int normalizedEnd)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(normalizedEnd);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(normalizedEnd, Text.Length);
        return normalizedEnd == 0 ? 0 : TextNormalizer.SegmentEnd(_original, _starts[normalizedEnd - 1]);
    }

    /// <summary>The original range (start, length) that produced the normalised range.</summary>
    public (int Start, int Length) ToOriginalRange(int normalizedStart, int normalizedLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(normalizedLength);
        int start = ToOriginal(normalizedStart);
        if (normalizedLength == 0)
        {
            return (start, 0);
        }

        int end = ToOriginalEnd(normalizedStart + normalizedLength);
        return (start, end - start);
    }
}
