using System.Security.Cryptography;

namespace EvidenceTracker.Verification;

/// <summary>Where snapshots live and how they are named and hashed.</summary>
public static class SnapshotFiles
{
    /// <summary>The folder of snapshots, relative to <c>sources/</c>.</summary>
    public const string Folder = "snapshots";

    /// <summary>The extension a snapshot is stored under: html for a web page, md for Markdown, txt for anything else.</summary>
    public static string ExtensionFor(string inputPath)
    {
        ArgumentNullException.ThrowIfNull(inputPath);
        var ext = Path.GetExtension(inputPath).TrimStart('.').ToLowerInvariant();
        return ext switch
        {
            "html" or "htm" or "xhtml" => "html",
            "md" or "markdown" => "md",
            _ => "txt",
        };
    }

    /// <summary>The value of a source's <c>snapshot</c> field: <c>snapshots/&lt;id&gt;.&lt;ext&gt;</c>.</summary>
    public static string FieldValue(string sourceId, string extension) => $"{Folder}/{sourceId}.{extension}";

    /// <summary>Lowercase hex SHA-256 of the bytes, as <c>snapshot-sha256</c> records it.</summary>
    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
