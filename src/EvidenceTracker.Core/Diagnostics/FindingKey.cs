using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace EvidenceTracker.Diagnostics;

/// <summary>
/// The identity of a finding that survives edits around it: its rule, the ids of the claim, source and article it
/// concerns (the file only for findings tied to none of them), and its message with line and column numbers
/// blanked out. Baselines and SARIF <c>partialFingerprints</c> both use it, so lines can move and files can be
/// reformatted or moved between claim folders without a known finding turning new.
/// </summary>
public static partial class FindingKey
{
    /// <summary>The key's readable text: rule, ids or file, and normalised message, one per line.</summary>
    public static string Text(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var tied = finding.Claim is not null || finding.Source is not null || finding.Article is not null;
        return string.Join('\n',
            finding.Rule,
            "claim=" + finding.Claim,
            "source=" + finding.Source,
            "article=" + finding.Article,
            "file=" + (tied ? "" : finding.File),
            Normalise(finding.Message));
    }

    /// <summary>The key as 32 lowercase hex digits (the first half of the SHA-256 of <see cref="Text"/>).</summary>
    public static string Of(Finding finding) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text(finding))))[..32];

    /// <summary>A message with the numbers of lines, columns and character offsets in it replaced by <c>#</c>.</summary>
    public static string Normalise(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Positions().Replace(message, m => m.Groups["word"].Value + "#");
    }

    [GeneratedRegex(@"(?<word>\b(?:[Ll]ines?|[Cc]ol(?:umn)?s?|Idx)\b:?\s*)\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Positions();
}
