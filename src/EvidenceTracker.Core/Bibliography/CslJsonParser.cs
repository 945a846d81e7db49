using System.Globalization;
using System.Text;
using System.Text.Json;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Model;
using EvidenceTracker.Text;

namespace EvidenceTracker.Bibliography;

/// <summary>A JSON value with the byte offset where it starts, read with <see cref="Utf8JsonReader"/> (no reflection).</summary>
internal abstract record JNode(int Offset)
{
    /// <summary>The first string in this value (itself, a member name or any value inside) that was not valid text.</summary>
    public JFlaw? Flaw { get; init; }

    /// <summary>The first member name in this value (or any inside) that its object has twice: the key, where the second starts.</summary>
    public JFlaw? Repeated { get; init; }
}

/// <summary>A string that held invalid UTF-8 or a lone surrogate escape: where it starts and what was wrong.</summary>
internal sealed record JFlaw(int Offset, string What);

internal sealed record JObject(int Offset, List<KeyValuePair<string, JNode>> Members) : JNode(Offset)
{
    /// <summary>The member's value; of a name given twice, the last, as JavaScript's JSON.parse (and so citeproc-js) reads it.</summary>
    public JNode? this[string name] => Members.LastOrDefault(m => m.Key == name).Value;
}

internal sealed record JArray(int Offset, List<JNode> Items) : JNode(Offset);

internal sealed record JString(int Offset, string Value) : JNode(Offset);

internal sealed record JNumber(int Offset, string Raw) : JNode(Offset);

internal sealed record JLiteral(int Offset, bool? Value) : JNode(Offset);

/// <summary>CSL-JSON: an array of items (or one item): names with family/given or literal, date-parts, raw dates.</summary>
internal static class CslJsonParser
{
    private static readonly HashSet<string> Consumed = new(StringComparer.Ordinal)
    {
        "id", "type", "title", "author", "container-title", "publisher", "issued", "accessed", "URL", "DOI", "PMID",
        "language", "volume", "issue", "page", "genre", "custom", "citation-key",
    };

    public static BibParseResult Parse(byte[] utf8, string file)
    {
        var diag = new BibDiagnostics(file);
        var entries = new List<BibEntry>();
        var start = utf8.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var lines = LineIndex.OfUtf8(utf8);
        JNode root;
        try
        {
            var reader = new Utf8JsonReader(utf8.AsSpan(start), new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
            if (!reader.Read())
            {
                diag.Error("the file is empty; CSL-JSON is an array of items", new Position(1, 1));
                return new BibParseResult(entries, diag.Findings);
            }
            root = ReadValue(ref reader, start);
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            diag.Error($"not valid JSON: {FirstSentence(ex.Message)}; nothing in this file is imported", new Position(line, column));
            return new BibParseResult(entries, diag.Findings);
        }
        var items = root switch
        {
            JArray a => a.Items,
            JObject o when o["items"] is JArray inner => inner.Items,
            JObject o => [o],
            _ => null,
        };
        if (items is null)
        {
            diag.Error("CSL-JSON is an array of items (objects); this file holds neither", lines.PositionOf(root.Offset));
            return new BibParseResult(entries, diag.Findings);
        }
        var index = 0;
        foreach (var item in items)
        {
            index++;
            if (item is not JObject obj)
            {
                diag.Error($"item {index} is not an object; not imported", lines.PositionOf(item.Offset));
                continue;
            }
            var entry = Map(obj, index, lines, diag);
            if (obj.Flaw is { } flaw)
            {
                diag.Warning($"{entry.Label}: a string holds {flaw.What}; read with U+FFFD in its place", lines.PositionOf(flaw.Offset));
            }
            if (obj.Repeated is { } twice)
            {
                diag.Warning($"{entry.Label}: the key \"{twice.What}\" is given twice in one object; the last value is read, as JSON.parse reads it",
                    lines.PositionOf(twice.Offset));
            }
            entries.Add(entry);
        }
        return new BibParseResult(entries, diag.Findings);
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd(' ', '.');
    }

    private static JNode ReadValue(ref Utf8JsonReader reader, int baseOffset)
    {
        var offset = (int)reader.TokenStartIndex + baseOffset;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var members = new List<KeyValuePair<string, JNode>>();
                var names = new HashSet<string>(StringComparer.Ordinal);
                JFlaw? objectFlaw = null;
                JFlaw? repeated = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var nameOffset = (int)reader.TokenStartIndex + baseOffset;
                    var name = ReadString(ref reader, baseOffset, ref objectFlaw);
                    if (!names.Add(name))
                    {
                        repeated ??= new JFlaw(nameOffset, name);
                    }
                    reader.Read();
                    var value = ReadValue(ref reader, baseOffset);
                    objectFlaw ??= value.Flaw;
                    repeated ??= value.Repeated;
                    members.Add(new(name, value));
                }
                return new JObject(offset, members) { Flaw = objectFlaw, Repeated = repeated };
            case JsonTokenType.StartArray:
                var items = new List<JNode>();
                JFlaw? arrayFlaw = null;
                JFlaw? arrayRepeated = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var item = ReadValue(ref reader, baseOffset);
                    arrayFlaw ??= item.Flaw;
                    arrayRepeated ??= item.Repeated;
                    items.Add(item);
                }
                return new JArray(offset, items) { Flaw = arrayFlaw, Repeated = arrayRepeated };
            case JsonTokenType.String:
                JFlaw? flaw = null;
                var text = ReadString(ref reader, baseOffset, ref flaw);
                return new JString(offset, text) { Flaw = flaw };
            case JsonTokenType.Number:
                return new JNumber(offset, Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
                return new JLiteral(offset, true);
            case JsonTokenType.False:
                return new JLiteral(offset, false);
            default:
                return new JLiteral(offset, null);
        }
    }

    /// <summary>
    /// A string or a member name. The reader checks a string's escapes but not its text: invalid UTF-8 and a lone
    /// surrogate escape (<c>"\ud800"</c>) are decoded with U+FFFD in their place, and the first is recorded in <paramref name="flaw"/>.
    /// </summary>
    private static string ReadString(ref Utf8JsonReader reader, int baseOffset, ref JFlaw? flaw)
    {
        try
        {
            return reader.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            // GetString refuses invalid UTF-8 and lone surrogates: decoded here instead
        }
        var (text, what) = Salvage(reader.ValueSpan, reader.ValueIsEscaped);
        if (what is not null)
        {
            flaw ??= new JFlaw((int)reader.TokenStartIndex + baseOffset, what);
        }
        return text;
    }

    /// <summary>A string's raw bytes (between the quotes) unescaped and decoded leniently; what was wrong, or null.</summary>
    private static (string Text, string? What) Salvage(ReadOnlySpan<byte> raw, bool escaped)
    {
        var sb = new StringBuilder(raw.Length);
        Span<char> utf16 = stackalloc char[2];
        string? what = null;
        var i = 0;
        while (i < raw.Length)
        {
            if (escaped && raw[i] == (byte)'\\' && i + 1 < raw.Length)
            {
                var e = raw[i + 1];
                if (e == (byte)'u' && i + 6 <= raw.Length && Hex(raw.Slice(i + 2, 4)) is int unit)
                {
                    i += 6;
                    if (char.IsHighSurrogate((char)unit) && i + 6 <= raw.Length && raw[i] == (byte)'\\' && raw[i + 1] == (byte)'u'
                        && Hex(raw.Slice(i + 2, 4)) is int low && char.IsLowSurrogate((char)low))
                    {
                        sb.Append((char)unit).Append((char)low);
                        i += 6;
                    }
                    else if (char.IsSurrogate((char)unit))
                    {
                        sb.Append('\uFFFD');
                        what ??= $"a lone surrogate escape (\\u{unit:x4})";
                    }
                    else
                    {
                        sb.Append((char)unit);
                    }
                    continue;
                }
                sb.Append(e switch
                {
                    (byte)'b' => '\b',
                    (byte)'f' => '\f',
                    (byte)'n' => '\n',
                    (byte)'r' => '\r',
                    (byte)'t' => '\t',
                    _ => (char)e, // \" \\ \/ (the reader has refused any other escape)
                });
                i += 2;
                continue;
            }
            var status = Rune.DecodeFromUtf8(raw[i..], out var rune, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                sb.Append('\uFFFD');
                what ??= "invalid UTF-8";
            }
            else
            {
                sb.Append(utf16[..rune.EncodeToUtf16(utf16)]);
            }
            i += Math.Max(1, consumed);
        }
        return (sb.ToString(), what);
    }

    private static int? Hex(ReadOnlySpan<byte> four) =>
        int.TryParse(four, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>A string or a number as text; null for anything else.</summary>
    private static string? Text(JNode? node) => node switch
    {
        JString s when Latex.CollapseSpace(s.Value) is { Length: > 0 } v => v,
        JNumber n => n.Raw,
        JArray { Items.Count: > 0 } a => Text(a.Items[0]), // container-title given as a list
        _ => null,
    };

    private static BibEntry Map(JObject item, int index, LineIndex lines, BibDiagnostics diag)
    {
        var id = Text(item["id"]) ?? Text(item["citation-key"]);
        var cslType = Text(item["type"]);
        var label = id is null ? $"item {index}" : $"item {index} ({id})";
        var entry = new BibEntry { Key = id, Label = label, Start = lines.PositionOf(item.Offset) };
        var genre = Text(item["genre"]);
        entry.Type = SourceTypes.FromCsl(cslType, genre);
        entry.Title = Text(item["title"]);
        if (item["author"] is JArray authors)
        {
            foreach (var a in authors.Items)
            {
                if (Name(a) is { } name)
                {
                    entry.Authors.Add(name);
                }
                else
                {
                    diag.Warning($"{label}: an author that is neither {{family, given}} nor {{literal}}; left out", lines.PositionOf(a.Offset));
                }
            }
        }
        else if (item["author"] is { } other)
        {
            diag.Warning($"{label}: author must be a list of names; left out", lines.PositionOf(other.Offset));
        }
        var container = Text(item["container-title"]);
        var publisher = Text(item["publisher"]);
        entry.Publisher = SourceTypes.PublisherIsContainer(entry.Type) ? container ?? publisher : publisher ?? container;
        entry.Date = Date(item["issued"], "issued", label, lines, diag);
        entry.Accessed = Date(item["accessed"], "accessed", label, lines, diag);
        entry.Url = Text(item["URL"]);
        entry.Doi = Text(item["DOI"]);
        entry.Pmid = Text(item["PMID"]);
        if (Text(item["language"]) is { } lang)
        {
            entry.Lang = Languages.ToTag(lang);
            if (entry.Lang is null)
            {
                diag.Warning($"{label}: language '{lang}' is not a language this reader knows; left out", lines.PositionOf(item["language"]!.Offset));
            }
        }
        entry.Volume = Text(item["volume"]);
        entry.Issue = Text(item["issue"]);
        entry.Pages = Text(item["page"]) is { } page ? Latex.CollapseSpace(page, pages: true) : null;
        if (item["custom"] is JObject custom)
        {
            entry.Level = Text(custom["level"]);
            if (custom["reports-on"] is JArray reports)
            {
                entry.ReportsOn.AddRange(reports.Items.Select(Text).OfType<string>());
            }
            entry.Snapshot = Text(custom["snapshot"]);
            entry.SnapshotSha256 = Text(custom["snapshot-sha256"]);
            entry.Archived = Text(custom["archived"]);
        }
        foreach (var member in item.Members)
        {
            if (!Consumed.Contains(member.Key) || (member.Key == "genre" && entry.Type != SourceType.PressRelease)
                || (member.Key == "container-title" && container != entry.Publisher) || (member.Key == "publisher" && publisher != entry.Publisher))
            {
                if (member.Value is not JLiteral { Value: null } && Text(member.Value) is not null || member.Value is JObject or JArray)
                {
                    entry.Unmapped.Add(member.Key);
                }
            }
        }
        return entry;
    }

    private static PersonName? Name(JNode node)
    {
        if (node is JString s && s.Value.Trim().Length > 0)
        {
            return PersonName.OfLiteral(s.Value.Trim());
        }
        if (node is not JObject o)
        {
            return null;
        }
        if (Text(o["literal"]) is { } literal)
        {
            return PersonName.OfLiteral(literal);
        }
        var family = Text(o["family"]);
        var given = Text(o["given"]);
        var particle = Text(o["non-dropping-particle"]);
        var dropping = Text(o["dropping-particle"]);
        if (family is null)
        {
            return given is null ? null : PersonName.OfLiteral(given);
        }
        if (particle is not null)
        {
            family = $"{particle} {family}";
        }
        if (dropping is not null)
        {
            given = given is null ? dropping : $"{given} {dropping}";
        }
        return PersonName.Of(family, given, Text(o["suffix"]));
    }

    private static string? Date(JNode? node, string field, string label, LineIndex lines, BibDiagnostics diag)
    {
        if (node is null or JLiteral { Value: null })
        {
            return null;
        }
        string? result = null;
        if (node is JObject o)
        {
            if (o["date-parts"] is JArray { Items.Count: > 0 } parts && parts.Items[0] is JArray first && first.Items.Count > 0)
            {
                int? Part(int k) => k < first.Items.Count && int.TryParse(Text(first.Items[k]), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;
                result = Part(0) is int y ? BibDates.FromParts(y, Part(1), Part(2)) : null;
            }
            else if (Text(o["raw"]) is { } raw)
            {
                result = BibDates.Parse(raw.Split('/')[0]) ?? BibDates.Parse(raw);
            }
            else if (Text(o["literal"]) is { } lit)
            {
                result = BibDates.Parse(lit);
            }
        }
        else if (Text(node) is { } text)
        {
            result = BibDates.Parse(text);
        }
        if (result is null)
        {
            diag.Warning($"{label}: {field} is not a date this reader understands (date-parts, raw or an ISO date); left out", lines.PositionOf(node.Offset));
        }
        return result;
    }
}
