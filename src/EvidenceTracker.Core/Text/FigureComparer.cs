namespace EvidenceTracker.Text;

/// <summary>
/// Decides whether a figure stated in a claim is stated by a figure in a quote.
/// Rules: values are compared after scaling (2万多 = more than 20,000); a rounded claim matches a more precise quote
/// when the quote, rounded to the claim's precision at the claim's scale, equals the claim (43% ~ 43.2%, 26万 ~ 25.9万,
/// 26万 ~ 260,000; not 85.1% ~ 85.2%); a claim range needs both ends (95%至99% ~ 95–99%); a quote range states a single
/// claim value only when one of its ends matches; percent never matches non-percent; qualifiers pointing in opposite
/// directions (more than vs. nearly/less than/up to) never match; years match years or dates in that year; a date matches
/// a date that agrees on every part the claim states; ordinals match only ordinals.
/// </summary>
public static class FigureComparer
{
    /// <summary>True when <paramref name="quoteFigure"/> states <paramref name="claimFigure"/>.</summary>
    public static bool Matches(Figure claimFigure, Figure quoteFigure)
    {
        ArgumentNullException.ThrowIfNull(claimFigure);
        ArgumentNullException.ThrowIfNull(quoteFigure);
        var claim = claimFigure;
        var quote = quoteFigure;

        if (claim.Kind is FigureKind.Year or FigureKind.Date || quote.Kind is FigureKind.Year or FigureKind.Date)
        {
            return MatchesCalendar(claim, quote);
        }

        if (claim.Kind == FigureKind.Ordinal || quote.Kind == FigureKind.Ordinal)
        {
            return claim.Kind == quote.Kind && claim.Low == quote.Low;
        }

        if (claim.IsPercent != quote.IsPercent || Direction(claim.Qualifier) * Direction(quote.Qualifier) < 0)
        {
            return false;
        }

        decimal unit = Unit(claim);
        if (claim.IsRange)
        {
            return quote.IsRange && ValueMatches(claim.Low, quote.Low, unit) && ValueMatches(claim.High, quote.High, unit);
        }

        return quote.IsRange
            ? ValueMatches(claim.Low, quote.Low, unit) || ValueMatches(claim.Low, quote.High, unit)
            : ValueMatches(claim.Low, quote.Low, unit);
    }

    /// <summary>True when any of <paramref name="quoteFigures"/> states <paramref name="claimFigure"/>.</summary>
    public static bool IsStatedBy(Figure claimFigure, IEnumerable<Figure> quoteFigures)
    {
        ArgumentNullException.ThrowIfNull(claimFigure);
        ArgumentNullException.ThrowIfNull(quoteFigures);
        return quoteFigures.Any(quote => Matches(claimFigure, quote));
    }

    /// <summary>The claim's precision: one unit in its last stated digit, at its scale (26万 → 10000, 43.2% → 0.1).</summary>
    internal static decimal Unit(Figure claim)
    {
        decimal unit = claim.Scale;
        for (int i = 0; i < claim.Decimals; i++)
        {
            unit /= 10m;
        }

        return unit == 0m ? 1m : unit;
    }

    /// <summary>
    /// A claim value and a quote value agree when they are equal or round to the same multiple of the claim's unit
    /// (the claim is rounded too: a fraction written as words, a third ≈ 33.33%, is stated by 33% or 33.3%).
    /// </summary>
    private static bool ValueMatches(decimal claimValue, decimal quoteValue, decimal unit) =>
        claimValue == quoteValue || (Key(quoteValue, unit) is { } quoteKey && Key(claimValue, unit) == quoteKey);

    /// <summary>
    /// <paramref name="value"/> in whole units, rounded half away from zero (43.2 at 0.1 → 432); null when it is too
    /// large to divide by the unit, and then only an equal value agrees with it.
    /// </summary>
    internal static decimal? Key(decimal value, decimal unit)
    {
        try
        {
            return Math.Round(value / unit, MidpointRounding.AwayFromZero);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    internal static int Direction(FigureQualifier qualifier) => qualifier switch
    {
        FigureQualifier.MoreThan or FigureQualifier.AtLeast => 1,
        FigureQualifier.LessThan or FigureQualifier.UpTo or FigureQualifier.Nearly => -1,
        _ => 0,
    };

    private static bool MatchesCalendar(Figure claim, Figure quote)
    {
        if (claim.Kind is not (FigureKind.Year or FigureKind.Date) || quote.Kind is not (FigureKind.Year or FigureKind.Date))
        {
            return false;
        }

        if (claim.Kind == FigureKind.Year)
        {
            return quote.Year == claim.Year;
        }

        return (claim.Year is null || quote.Year == claim.Year)
            && (claim.Month is null || quote.Month == claim.Month)
            && (claim.Day is null || quote.Day == claim.Day);
    }
}
