using EvidenceTracker.Authoring;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using EvidenceTracker.Model;
using EvidenceTracker.Text;

namespace EvidenceTracker.Bibliography;

/// <summary>Plain text; Markdown with <c>*italics*</c>; or HTML (escaped) with <c>&lt;i&gt;</c>.</summary>
public enum ReferenceMarkup { Text, Markdown, Html }
