
namespace EvidenceTracker.Model;

/// <summary>
/// What a snapshot file holds, and so how its text is read: a web page, a PDF, Markdown or plain text. The spellings,
/// <see cref="Names.SnapshotKinds"/> in this order, are the extensions a snapshot is stored under (<c>html</c>,
/// <c>pdf</c>, <c>md</c>, <c>txt</c>).
/// </summary>
public enum SnapshotKind { Html, Pdf, Markdown, Text }
