using System.Text.Json;
using EvidenceTracker.Checking;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Model;
using EvidenceTracker.Verification;

namespace EvidenceTracker.Reporting;

/// <summary>Text and JSON for <c>evidence list</c> and <c>evidence show</c>.</summary>
public static class ListingFormatter
{
    public static void WriteClaims(IReadOnlyList<ClaimStatus> rows, OutputFormat format, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(writer);
        if (format == OutputFormat.Json)
        {
            Json.WriteArray(writer, rows, (json, row) => WriteClaim(json, row, full: false));
            return;
        }
        var idWidth = rows.Count == 0 ? 2 : Math.Min(48, rows.Max(r => r.Claim.Id.Length));
        writer.Write(TerminalText.Format($"{"ID".PadRight(idWidth)}  {"SUPPORT",-12}  {"VERDICT",-16}  STATEMENT\n"));
        foreach (var row in rows)
        {
            var verdict = row.Claim.Verdict is { } v ? Names.Of(v) : "-";
            writer.Write(TerminalText.Format($"{row.Claim.Id.PadRight(idWidth)}  {Names.Of(row.Support),-12}  {verdict,-16}  {Shorten(row.Claim.Statement, 72)}\n"));
        }
        writer.Write(TerminalText.Format($"{rows.Count} claim{(rows.Count == 1 ? "" : "s")}\n"));
    }

    public static void WriteSources(IReadOnlyList<Source> rows, OutputFormat format, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(writer);
        if (format == OutputFormat.Json)
        {
            Json.WriteArray(writer, rows, (json, s) => WriteSource(json, s));
            return;
        }
        var idWidth = rows.Count == 0 ? 2 : Math.Min(48, rows.Max(r => r.Id.Length));
        writer.Write(TerminalText.Format($"{"ID".PadRight(idWidth)}  {"TYPE",-15}  {"LEVEL",-9}  {"DATE",-10}  TITLE\n"));
        foreach (var s in rows)
        {
            writer.Write(TerminalText.Format($"{s.Id.PadRight(idWidth)}  {Names.Of(s.Type),-15}  {(s.Level is { } l ? Names.Of(l) : "-"),-9}  {s.Date ?? "-",-10}  {Shorten(s.Title, 60)}\n"));
        }
        writer.Write(TerminalText.Format($"{rows.Count} source{(rows.Count == 1 ? "" : "s")}\n"));
    }

    public static void WriteArticles(IReadOnlyList<Article> rows, IReadOnlyList<ClaimStatus> claims, OutputFormat format, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(writer);
        var counts = claims.Where(c => c.Claim.Article is not null).GroupBy(c => c.Claim.Article!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        int Count(Article a) => counts.GetValueOrDefault(a.Id);
        if (format == OutputFormat.Json)
        {
            Json.Write(writer, json =>
            {
                json.WriteStartArray();
                foreach (var a in rows)
                {
                    json.WriteStartObject();
                    json.WriteString("id", a.Id);
                    json.WriteString("file", a.File);
                    json.WriteNumber("claims", Count(a));
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            });
            return;
        }
        var idWidth = rows.Count == 0 ? 2 : Math.Min(48, rows.Max(r => r.Id.Length));
        writer.Write(TerminalText.Format($"{"ID".PadRight(idWidth)}  CLAIMS  FILE\n"));
        foreach (var a in rows)
        {
            writer.Write(TerminalText.Format($"{a.Id.PadRight(idWidth)}  {Count(a),6}  {a.File}\n"));
        }
        writer.Write(TerminalText.Format($"{rows.Count} article{(rows.Count == 1 ? "" : "s")}\n"));
    }

    public static void WriteShow(ShowResult result, OutputFormat format, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        if (format == OutputFormat.Json)
        {
            Json.Write(writer, json =>
            {
                if (result.Claim is { } c)
                {
                    WriteClaim(json, c, full: true, result.Findings);
                }
                else if (result.Source is { } s)
                {
                    WriteSource(json, s, result.Findings, result.CitedBy);
                }
            });
            return;
        }
        if (result.Claim is { } status)
        {
            var claim = status.Claim;
            writer.Write(TerminalText.Format($"claim {claim.Id}  ({claim.File})\n"));
            writer.Write(TerminalText.Format($"  statement  {claim.Statement}\n"));
            writer.Write(TerminalText.Format($"  support    {Names.Of(status.Support)}\n"));
            writer.Write(TerminalText.Format($"  verdict    {(claim.Verdict is { } v ? Names.Of(v) : "-")}\n"));
            if (claim.Article is not null)
            {
                writer.Write(TerminalText.Format($"  article    {claim.Article}\n"));
            }
            if (claim.Excerpt is not null)
            {
                writer.Write(TerminalText.Format($"  excerpt    {claim.Excerpt}\n"));
            }
            if (claim.Tags.Count > 0)
            {
                writer.Write(TerminalText.Format($"  tags       {string.Join(", ", claim.Tags)}\n"));
            }
            if (claim.Note is not null)
            {
                writer.Write(TerminalText.Format($"  note       {claim.Note.Trim()}\n"));
            }
            writer.Write(TerminalText.Format($"  citations  {claim.Citations.Count}\n"));
            var sources = result.Report.Set.Sources.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            for (var i = 0; i < claim.Citations.Count; i++)
            {
                var c = claim.Citations[i];
                var title = sources.TryGetValue(c.Source, out var s) ? $"{s.Title}{(s.Level is { } l ? $" [{Names.Of(l)}]" : "")}" : "(no such source)";
                writer.Write(TerminalText.Format($"    - {c.Source} ({Names.Of(c.Stance)}): {title}\n"));
                if (c.Locator is not null)
                {
                    writer.Write(TerminalText.Format($"      locator: {c.Locator}\n"));
                }
                if (c.Quote is not null)
                {
                    writer.Write(TerminalText.Format($"      quote: \"{c.Quote.Trim()}\"\n"));
                    if (QuoteLine(status.QuoteOf(i)) is { } line)
                    {
                        writer.Write(TerminalText.Format($"      {line}\n"));
                    }
                }
            }
        }
        else if (result.Source is { } source)
        {
            writer.Write(TerminalText.Format($"source {source.Id}  ({source.File})\n"));
            writer.Write(TerminalText.Format($"  title      {source.Title}\n"));
            writer.Write(TerminalText.Format($"  type       {Names.Of(source.Type)}\n"));
            writer.Write(TerminalText.Format($"  level      {(source.Level is { } l ? Names.Of(l) : "-")}\n"));
            Field(writer, "authors", source.Authors.Count > 0 ? string.Join("; ", source.Authors) : null);
            Field(writer, "publisher", source.Publisher);
            Field(writer, "date", source.Date);
            Field(writer, "accessed", source.Accessed);
            Field(writer, "url", source.Url);
            Field(writer, "doi", source.Doi);
            Field(writer, "pmid", source.Pmid);
            Field(writer, "pmcid", source.Pmcid);
            Field(writer, "arxiv", source.Arxiv);
            Field(writer, "isbn", source.Isbn);
            Field(writer, "keys", source.Keys.Count > 0 ? string.Join(", ", source.Keys) : null);
            Field(writer, "reports-on", source.ReportsOn.Count > 0 ? string.Join(", ", source.ReportsOn) : null);
            Field(writer, "snapshot", source.Snapshot);
            Field(writer, "sha256", source.SnapshotSha256);
            Field(writer, "archived", source.Archived);
            Field(writer, "archive-url", source.ArchiveUrl);
            Field(writer, "reference", result.Reference);
            writer.Write(TerminalText.Format($"  cited by   {result.CitedBy.Count} claim{(result.CitedBy.Count == 1 ? "" : "s")}\n"));
            foreach (var c in result.CitedBy)
            {
                writer.Write(TerminalText.Format($"    - {c.Claim.Id} ({Names.Of(c.Support)})\n"));
            }
        }
        writer.Write(result.Findings.Count == 0 ? "  findings   none\n" : $"  findings   {result.Findings.Count}\n");
        foreach (var f in result.Findings)
        {
            writer.Write(TerminalText.Format($"    {TextFormatter.Location(f)}: {Rules.SeverityName(f.Severity)} {f.Rule}: {f.Message}\n"));
        }
    }

    /// <summary>What became of a quote, in words: verified where, not found, or why unverified.</summary>
    public static string? QuoteLine(QuoteCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var line = check.Line is int l ? $", line {l}" : "";
        return check.Status switch
        {
            QuoteStatus.Verified => $"verified: found in {check.Snapshot}{line}",
            QuoteStatus.NotFound => check.Similarity >= EvidenceVerifier.SimilarityThreshold
                ? $"not found in {check.Snapshot} (closest passage {(int)Math.Floor(check.Similarity * 100)}% similar{line})"
                : $"not found in {check.Snapshot} (no similar passage)",
            QuoteStatus.Unverified => $"unverified: {check.Reason}",
            _ => null,
        };
    }

    /// <summary>One claim or source as a JSON object (as <c>add … --format json</c> prints it).</summary>
    public static void WriteRecord(Claim claim, TextWriter writer) =>
        Json.Write(writer, json => WriteClaim(json, new ClaimStatus(claim, Checker.SupportOf(claim, _ => true)), full: true));

    public static void WriteRecord(Source source, TextWriter writer) => Json.Write(writer, json => WriteSource(json, source));

    private static void Field(TextWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.Write(TerminalText.Format($"  {name,-10} {value}\n"));
        }
    }

    /// <summary>A claim as a JSON object; <paramref name="extra"/> adds fields of the caller's own (the site adds the chain's reach).</summary>
    public static void WriteClaim(Utf8JsonWriter json, ClaimStatus status, bool full, IReadOnlyList<Finding>? findings = null, Action<Utf8JsonWriter>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(status);
        var c = status.Claim;
        json.WriteStartObject();
        json.WriteString("id", c.Id);
        json.WriteString("file", c.File);
        json.WriteString("statement", c.Statement);
        json.WriteString("support", Names.Of(status.Support));
        json.StringOrNull("verdict", c.Verdict is { } v ? Names.Of(v) : null);
        json.StringOrNull("article", c.Article);
        json.WriteStrings("tags", c.Tags);
        if (full)
        {
            json.StringOrNull("excerpt", c.Excerpt);
            json.StringOrNull("note", c.Note);
            if (c.Reviewed is not null || c.Reviewer is not null)
            {
                // Only where recorded: the listings of claims without them stay as they were.
                json.StringOrNull("reviewed", c.Reviewed);
                json.StringOrNull("reviewer", c.Reviewer);
            }
            json.WriteStartArray("citations");
            for (var i = 0; i < c.Citations.Count; i++)
            {
                var x = c.Citations[i];
                json.WriteStartObject();
                json.WriteString("source", x.Source);
                json.StringOrNull("quote", x.Quote);
                json.StringOrNull("locator", x.Locator);
                json.WriteString("stance", Names.Of(x.Stance));
                WriteQuoteCheck(json, status.QuoteOf(i));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            if (findings is not null)
            {
                WriteFindings(json, findings);
            }
        }
        else
        {
            json.WriteNumber("citations", c.Citations.Count);
        }
        extra?.Invoke(json);
        json.WriteEndObject();
    }

    /// <summary><c>"quote-check": {status, snapshot, line, similarity, reason}</c>, or null for a citation without a quote.</summary>
    private static void WriteQuoteCheck(Utf8JsonWriter json, QuoteCheck check)
    {
        if (check.Status == QuoteStatus.None)
        {
            json.WriteNull("quote-check");
            return;
        }
        json.WriteStartObject("quote-check");
        json.WriteString("status", check.StatusName);
        json.StringOrNull("snapshot", check.Snapshot);
        json.NumberOrNull("line", check.Line);
        json.WriteNumber("similarity", Math.Round(check.Similarity, 3));
        json.StringOrNull("reason", check.Reason);
        json.WriteEndObject();
    }

    /// <summary>A source as a JSON object, optionally with the claims citing it, its findings and fields of the caller's own.</summary>
    public static void WriteSource(Utf8JsonWriter json, Source s, IReadOnlyList<Finding>? findings = null, IReadOnlyList<ClaimStatus>? citedBy = null, Action<Utf8JsonWriter>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(s);
        json.WriteStartObject();
        json.WriteString("id", s.Id);
        json.WriteString("file", s.File);
        json.WriteString("type", Names.Of(s.Type));
        json.WriteString("title", s.Title);
        json.WriteStrings("authors", s.Authors);
        json.StringOrNull("publisher", s.Publisher);
        json.StringOrNull("date", s.Date);
        json.StringOrNull("accessed", s.Accessed);
        json.StringOrNull("url", s.Url);
        json.StringOrNull("doi", s.Doi);
        json.StringOrNull("pmid", s.Pmid);
        json.StringOrNull("lang", s.Lang);
        json.StringOrNull("level", s.Level is { } l ? Names.Of(l) : null);
        json.WriteStrings("reports-on", s.ReportsOn);
        json.StringOrNull("snapshot", s.Snapshot);
        json.StringOrNull("snapshot-sha256", s.SnapshotSha256);
        json.StringOrNull("archived", s.Archived);
        json.StringOrNull("volume", s.Volume);
        json.StringOrNull("issue", s.Issue);
        json.StringOrNull("pages", s.Pages);
        // The identifiers added later are written only where a source has them, so older readers see no change.
        if (s.Keys.Count > 0)
        {
            json.WriteStrings("keys", s.Keys);
        }
        foreach (var (name, value) in (ReadOnlySpan<(string, string?)>)[("pmcid", s.Pmcid), ("arxiv", s.Arxiv), ("isbn", s.Isbn), ("archive-url", s.ArchiveUrl)])
        {
            if (value is not null)
            {
                json.WriteString(name, value);
            }
        }
        if (citedBy is not null)
        {
            json.WriteStartArray("cited-by");
            foreach (var c in citedBy)
            {
                json.WriteStringValue(c.Claim.Id);
            }
            json.WriteEndArray();
        }
        if (findings is not null)
        {
            WriteFindings(json, findings);
        }
        extra?.Invoke(json);
        json.WriteEndObject();
    }

    private static void WriteFindings(Utf8JsonWriter json, IReadOnlyList<Finding> findings)
    {
        json.WriteStartArray("findings");
        foreach (var f in findings)
        {
            JsonFormatter.WriteFinding(json, f);
        }
        json.WriteEndArray();
    }

    public static string Shorten(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        var flat = string.Join(' ', text.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return flat.Length <= max ? flat : flat[..(max - 1)] + "…";
    }
}
