
namespace EvidenceTracker.Text;

/// <summary>
/// Finds figures (numbers, percentages, ranges, years, dates, ordinals) in Chinese or English plain text.
/// Full-width digits and signs are folded first; offsets always refer to the original string.
/// Handles thousands separators (20,530), decimals, percent (%, ％, percent, 个百分点, 百分之三十), ranges
/// (20%-30%, 95%至99%, 2到10, 0.986–0.996, between 2 and 3, from 2 to 10), Chinese and English scale words
/// (万, 亿, 千, 百, k, M, bn, thousand, million, billion), qualifiers (约, 近, 多, 余, 以上, 超过, 左右, about,
/// nearly, more than, up to, at least, ~ …), years and dates (2023年, 2024年4月, 2025/6/25, 2025-06-25,
/// June 2025, in 2023) and ordinals (第三位, 3rd, No. 1).
/// Not figures: identifiers (COVID-19, SARS-CoV-2, H100, GPT-4, iPhone 15, AI 2.0, ISO 9001, C++14, #123, grant numbers),
/// version numbers (v2.0.1, 2.0.1, Rust 1.64, QNX 8.0, Windows 11), footnote labels ([^1], [2]), bracketed tags
/// ([C++14], [v2]), code spans, URLs, domain names, DOIs, labels of the text's own parts (Fig. 3, Section 2, Step 1,
/// Part 2), list and section numbering ("1. ", "(2)", "3.2 Results"), times (3 pm) and digits inside Latin words.
/// Numbers written as words (twelve, two-fold, half, a third, a dozen, 三成, 十二个, 两倍, 一半) are figures only when
/// asked for (<see cref="ExtractWithNumberWords"/>): <c>figure-mismatch</c> compares them with digits, while
/// <c>uncited-sentence</c> leaves them alone (two things, one of, 一种 are not statistics).
/// </summary>
public static class FigureExtractor
{
    /// <summary>Returns the figures of <paramref name="text"/> written with digits, in order of appearance.</summary>
    public static IReadOnlyList<Figure> Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new FigureScanner(text, numberWords: false).Run();
    }

    /// <summary>
    /// Returns the figures of <paramref name="text"/>, numbers written as words included (twelve = 12, two-fold = 2,
    /// half = 50%, a third ≈ 33.3%, a dozen = 12, one in five = 20%, 三成 = 30%, 十二个 = 12, 两倍 = 2, 一半 = 50%).
    /// </summary>
    public static IReadOnlyList<Figure> ExtractWithNumberWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new FigureScanner(text, numberWords: true).Run();
    }

    /// <summary>
    /// Returns the version and model numbers of <paramref name="text"/> (QNX 8.0, GPT-4o, iOS 17, H100), in order. A
    /// word read as part of a number is never the name of one: "eleven17" is eleven and 17, not version 17 of "eleven"
    /// (nor is "five percent1" version 1 of "percent").
    /// </summary>
    public static IReadOnlyList<VersionIdentifier> ExtractVersions(string text) => ExtractAll(text).Versions;

    /// <summary>
    /// The figures of <see cref="ExtractWithNumberWords"/> and the versions of <see cref="ExtractVersions"/> in one pass
    /// over the text (the figure-mismatch rule wants both of every statement, excerpt and supporting quote).
    /// </summary>
    public static (IReadOnlyList<Figure> Figures, IReadOnlyList<VersionIdentifier> Versions) ExtractAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scanner = new FigureScanner(text, numberWords: true, versions: true);
        var figures = scanner.Run();
        return (figures, scanner.Versions);
    }
}
