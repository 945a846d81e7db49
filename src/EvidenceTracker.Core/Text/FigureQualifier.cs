
namespace EvidenceTracker.Text;

/// <summary>How a figure is hedged by the words around it.</summary>
public enum FigureQualifier
{
    /// <summary>No qualifier.</summary>
    Exact,

    /// <summary>约, 大约, 左右, about, around, approximately, ~.</summary>
    About,

    /// <summary>近, 将近, 接近, nearly, almost, close to.</summary>
    Nearly,

    /// <summary>多, 余, 超过, 逾, more than, over, above, +.</summary>
    MoreThan,

    /// <summary>不到, 不足, 少于, less than, under, below, fewer than.</summary>
    LessThan,

    /// <summary>高达, 多达, 最高, 以下, 以内, up to, as many as, at most.</summary>
    UpTo,

    /// <summary>至少, 不少于, 以上, at least, no less than, or more.</summary>
    AtLeast,
}
