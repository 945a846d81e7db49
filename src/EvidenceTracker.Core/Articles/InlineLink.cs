namespace EvidenceTracker.Articles;

/// <summary>
/// A Markdown link to an http(s) URL in a block's text (inline <c>[text](url)</c>, reference-style <c>[text][ref]</c> or
/// autolink <c>&lt;url&gt;</c>; never an image): its URL as written, its text as plain text, and the offset in the
/// article's text of its first character.
/// </summary>
public sealed record InlineLink(string Url, string Text, int SourceOffset);
