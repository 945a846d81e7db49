namespace EvidenceTracker.Diagnostics;

/// <summary>A 1-based position in a file.</summary>
public readonly record struct Position(int Line, int Column)
{
    public static readonly Position Start = new(1, 1);

    public override string ToString() => $"{Line}:{Column}";
}
