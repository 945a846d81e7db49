namespace EvidenceTracker.Quotes;

/// <summary>The text of a PDF, or the one-line reason there is none.</summary>
/// <param name="Text">The pages' text, pages separated by a form feed (<c>\f</c>): the page of an offset is one more
/// than the form feeds before it.</param>
/// <param name="Pages">The number of pages.</param>
/// <param name="Problem">Null when the text was read; else why not, in one line (not a PDF, encrypted, or no text
/// layer: a scan that needs OCR).</param>
public sealed record PdfTextResult(string? Text, int Pages, string? Problem);
