using System.Globalization;
using System.Text;

namespace EvidenceTracker.Text;

/// <summary>
/// A figure found in text by <see cref="FigureExtractor"/>. <see cref="Start"/>/<see cref="Length"/> locate
/// <see cref="Text"/> (including qualifier words such as 约 or "more than") in the original input.
/// <see cref="Low"/> and <see cref="High"/> are the scaled values (26万 → 260000; equal unless a range); percentages
/// are kept in percent units (85.1% → 85.1). <see cref="Decimals"/> and <see cref="Scale"/> record the precision as
/// written (1.5亿: Decimals 1, Scale 100000000), so a rounded figure can be compared with a more precise one.
/// For <see cref="FigureKind.Date"/>, Low = High = year×10000 + month×100 + day (missing parts are 0).
/// </summary>
public sealed record Figure
{
    /// <summary>The matched text, as it appears in the input.</summary>
    public required string Text { get; init; }

    /// <summary>Offset of <see cref="Text"/> in the input.</summary>
    public required int Start { get; init; }

    /// <summary>Length of <see cref="Text"/>.</summary>
    public required int Length { get; init; }

    /// <summary>What the figure denotes.</summary>
    public required FigureKind Kind { get; init; }

    /// <summary>The value, or the lower end of a range, after applying the scale word.</summary>
    public required decimal Low { get; init; }

    /// <summary>The value, or the upper end of a range, after applying the scale word.</summary>
    public required decimal High { get; init; }

    /// <summary>True for percentages (and percentage points), including percent ranges.</summary>
    public bool IsPercent { get; init; }

    /// <summary>The hedge around the figure.</summary>
    public FigureQualifier Qualifier { get; init; }

    /// <summary>Decimal places as written (14.0% → 1); the larger of the two ends for a range.</summary>
    public int Decimals { get; init; }

    /// <summary>The multiplier of the scale word as written (万 → 10000, million → 1000000); 1 when none.</summary>
    public decimal Scale { get; init; } = 1m;

    /// <summary>Year of a <see cref="FigureKind.Year"/> or <see cref="FigureKind.Date"/>, if stated.</summary>
    public int? Year { get; init; }

    /// <summary>Month of a <see cref="FigureKind.Date"/>, if stated.</summary>
    public int? Month { get; init; }

    /// <summary>Day of a <see cref="FigureKind.Date"/>, if stated.</summary>
    public int? Day { get; init; }

    /// <summary>True for ranges.</summary>
    public bool IsRange => Kind == FigureKind.Range;

    /// <summary>
    /// A culture-independent rendering: "about 260000", "more than 20000", "95–99%", "85.1%", "2024-04",
    /// "2025-06-25", "2023", "#3".
    /// </summary>
    public string Normalized => Kind switch
    {
        FigureKind.Year => Year?.ToString("D4", CultureInfo.InvariantCulture) ?? FormatValue(Low),
        FigureKind.Date => FormatDate(),
        FigureKind.Ordinal => "#" + FormatValue(Low),
        _ => QualifierPrefix(Qualifier) + FormatValue(Low) + (Kind == FigureKind.Range ? "–" + FormatValue(High) : string.Empty) + (IsPercent ? "%" : string.Empty),
    };

    /// <inheritdoc/>
    public override string ToString() => $"{Normalized} ({Kind}, \"{Text}\" @{Start.ToString(CultureInfo.InvariantCulture)})";

    private string FormatValue(decimal value)
    {
        int places = Decimals;
        for (decimal s = Scale; s >= 10m && places > 0; s /= 10m)
        {
            places--;
        }

        return value.ToString("F" + places.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private string FormatDate()
    {
        var sb = new StringBuilder();
        if (Year is int y)
        {
            sb.Append(y.ToString("D4", CultureInfo.InvariantCulture));
        }

        if (Month is int m)
        {
            sb.Append(sb.Length > 0 ? "-" : "--").Append(m.ToString("D2", CultureInfo.InvariantCulture));
        }

        if (Day is int d)
        {
            sb.Append('-').Append(d.ToString("D2", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    private static string QualifierPrefix(FigureQualifier qualifier) => qualifier switch
    {
        FigureQualifier.About => "about ",
        FigureQualifier.Nearly => "nearly ",
        FigureQualifier.MoreThan => "more than ",
        FigureQualifier.LessThan => "less than ",
        FigureQualifier.UpTo => "up to ",
        FigureQualifier.AtLeast => "at least ",
        _ => string.Empty,
    };
}
