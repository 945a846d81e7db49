
namespace EvidenceTracker.Text;

/// <summary>What a <see cref="Figure"/> denotes.</summary>
public enum FigureKind
{
    /// <summary>A plain quantity (count, amount, ratio), possibly with a scale word (26万, 2 million).</summary>
    Number,

    /// <summary>A single percentage (85.1%, 85.1 percent, 百分之三十, 21.8个百分点).</summary>
    Percent,

    /// <summary>Two values joined as a range (20%-30%, 95%至99%, 2到10, between 2 and 3); see <see cref="Figure.IsPercent"/>.</summary>
    Range,

    /// <summary>A calendar year (2023年, in 2023); <see cref="Figure.Low"/> and <see cref="Figure.Year"/> hold it.</summary>
    Year,

    /// <summary>A calendar date with at least a month (2024年4月, 2025-06-25, June 2025, 6月25日).</summary>
    Date,

    /// <summary>An ordinal (第三位, 第3, 3rd, No. 1).</summary>
    Ordinal,
}
