using System.Globalization;
using EvidenceTracker.Model;
using EvidenceTracker.Verification;
using static EvidenceTracker.Site.H;

namespace EvidenceTracker.Site;

/// <summary>Inline SVG: the support summary as bars, and a claim's chain to primary sources.</summary>
internal static class Charts
{
    /// <summary>Text that fits a 190-unit box at 12 px, in widths of a lowercase Latin letter (about 6.5 px).</summary>
    private const int BoxChars = 25;

    private static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    public static Element SupportBars(IReadOnlyList<(string Level, int Count)> bars)
    {
        const int width = 520, row = 26, labelWidth = 110, countWidth = 50;
        var max = Math.Max(1, bars.Max(b => b.Count));
        var total = bars.Sum(b => b.Count);
        var svg = E("svg").Attr("viewBox", $"0 0 {width} {bars.Count * row + 4}").Attr("width", N(width)).Class("chart")
            .Attr("role", "img").Attr("aria-labelledby", "support-chart-title");
        svg.Add(E("title", $"Claims by support level: {string.Join(", ", bars.Select(b => $"{b.Count} {b.Level}"))} ({total} in all)").Id("support-chart-title"));
        for (var i = 0; i < bars.Count; i++)
        {
            var (level, count) = bars[i];
            var y = i * row + 2;
            var w = (width - labelWidth - countWidth) * (double)count / max;
            svg.Add(
                E("text", level).Attr("x", "0").Attr("y", N(y + 17)),
                E("rect").Class($"bar-{level}").Attr("x", N(labelWidth)).Attr("y", N(y + 3)).Attr("width", N(Math.Max(count > 0 ? 2 : 0, w))).Attr("height", "18").Attr("rx", "3"),
                E("text", count.ToString(CultureInfo.InvariantCulture)).Attr("x", N(labelWidth + w + 6)).Attr("y", N(y + 17)));
        }
        return svg;
    }

    /// <summary>
    /// Columns: the claim, the sources it cites (solid arrows), then its leads — what those sources report on (dashed
    /// arrows and boxes, labelled "lead"). A primary box is marked as primary only where the claim cites it in support.
    /// </summary>
    public static Element Chain(Claim claim, ClaimChain chain, IReadOnlyDictionary<string, Source> sources)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(sources);
        const int boxW = 190, boxH = 40, gapX = 50, gapY = 14;
        var columns = new List<IReadOnlyList<string>> { new[] { "" }, chain.Cited };
        if (chain.Leads.Count > 0)
        {
            columns.Add(chain.Leads);
        }
        var rows = columns.Max(c => c.Count);
        var width = columns.Count * boxW + (columns.Count - 1) * gapX + 4;
        var height = rows * boxH + (rows - 1) * gapY + 4;
        var position = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        var titleId = $"chain-{claim.Id}";
        var svg = E("svg").Attr("viewBox", $"0 0 {width} {height}").Attr("width", N(width)).Class("chart chain")
            .Attr("role", "img").Attr("aria-labelledby", titleId);
        svg.Add(E("title", $"Chain of claim {claim.Id}: cites {string.Join(", ", chain.Cited.Select(id => $"{id} ({Level(sources[id])})"))}"
            + (chain.Leads.Count > 0 ? $"; leads, not cited for this claim: {string.Join(", ", chain.Leads.Select(id => $"{id} ({Level(sources[id])})"))}" : "")).Id(titleId));
        var marker = E("marker", E("path").Attr("d", "M0,0 L8,4 L0,8 z").Class("edge-head").Attr("fill", "currentColor"))
            .Id($"arrow-{claim.Id}").Attr("viewBox", "0 0 8 8").Attr("refX", "8").Attr("refY", "4").Attr("markerWidth", "8").Attr("markerHeight", "8").Attr("orient", "auto");
        svg.Add(E("defs", marker));
        for (var c = 0; c < columns.Count; c++)
        {
            for (var r = 0; r < columns[c].Count; r++)
            {
                var x = 2 + c * (boxW + gapX);
                var y = 2 + r * (boxH + gapY);
                position[c == 0 ? "\u0000claim" : (c == 2 ? "\u0001" : "") + columns[c][r]] = (x, y);
            }
        }
        void Edge(string from, string to, string css)
        {
            var (x1, y1) = position[from];
            var (x2, y2) = position[to];
            svg.Add(E("path").Class(css).Attr("d", $"M{N(x1 + boxW)},{N(y1 + boxH / 2.0)} L{N(x2)},{N(y2 + boxH / 2.0)}")
                .Attr("marker-end", $"url(#arrow-{claim.Id})"));
        }
        foreach (var id in chain.Cited)
        {
            Edge("\u0000claim", id, "edge");
        }
        foreach (var id in chain.Leads)
        {
            foreach (var from in chain.Cited.Where(f => sources[f].ReportsOn.Contains(id)))
            {
                Edge(from, "\u0001" + id, "edge edge-lead");
            }
        }
        Box("\u0000claim", "claim", Shorten(claim.Statement, BoxChars), "node node-claim");
        var supporting = new HashSet<string>(Chains.Supporting(claim, sources), StringComparer.Ordinal);
        foreach (var id in chain.Cited)
        {
            Box(id, Level(sources[id]), Shorten(ShortName(sources[id]), BoxChars),
                sources[id].Level == SourceLevel.Primary && supporting.Contains(id) ? "node node-primary" : "node");
        }
        foreach (var id in chain.Leads)
        {
            Box("\u0001" + id, $"lead: {Level(sources[id])}", Shorten(ShortName(sources[id]), BoxChars), "node node-lead");
        }
        return svg;

        static string ShortName(Source s) => s.Publisher is { } p ? (s.Date is { Length: >= 4 } d ? $"{p} {d[..4]}" : p) : s.Title;

        void Box(string key, string top, string bottom, string css)
        {
            var (x, y) = position[key];
            svg.Add(
                E("rect").Class(css).Attr("x", N(x)).Attr("y", N(y)).Attr("width", N(boxW)).Attr("height", N(boxH)).Attr("rx", "6"),
                E("text", top).Attr("x", N(x + 8)).Attr("y", N(y + 16)).Attr("font-weight", "bold"),
                E("text", bottom).Attr("x", N(x + 8)).Attr("y", N(y + 32)));
        }
    }

    private static string Level(Source s) => s.Level is { } l ? Names.Of(l) : "level not recorded";

    private static string Shorten(string text, int max)
    {
        var flat = string.Join(' ', text.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        var width = 0.0;
        for (var i = 0; i < flat.Length; i++)
        {
            // CJK characters are about twice as wide as lowercase Latin ones; capitals and digits a quarter wider
            // ("DAMO PANDA found 31 …" overflowed its box when every Latin letter counted 1).
            width += flat[i] > 0x2E80 ? 2 : char.IsAsciiLetterUpper(flat[i]) || char.IsAsciiDigit(flat[i]) ? 1.25 : 1;
            if (width > max)
            {
                return flat[..i] + "…";
            }
        }
        return flat;
    }
}
