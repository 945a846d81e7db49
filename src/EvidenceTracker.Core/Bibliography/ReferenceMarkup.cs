using System.Text.RegularExpressions;

namespace EvidenceTracker.Bibliography;

/// <summary>Plain text; Markdown with <c>*italics*</c>; or HTML (escaped) with <c>&lt;i&gt;</c>.</summary>
public enum ReferenceMarkup { Text, Markdown, Html }
