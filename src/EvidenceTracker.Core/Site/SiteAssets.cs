namespace EvidenceTracker.Site;

/// <summary>The site's stylesheet and script: constants, written once to assets/.</summary>
internal static class SiteAssets
{
    public const string Css = """
        :root {
          color-scheme: light dark;
          --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --panel: #f6f8fa; --link: #0a58ca;
          --verified-bg: #dafbe1; --verified-fg: #0f5323; --quoted-bg: #ddf4ff; --quoted-fg: #0a3069;
          --cited-bg: #fff8c5; --cited-fg: #4d2d00; --unsupported-bg: #ffebe9; --unsupported-fg: #82071e;
          --contradicted-bg: #82071e; --contradicted-fg: #ffffff; --uncited: #bf8700;
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --bg: #0d1117; --fg: #e6edf3; --muted: #9da7b3; --line: #30363d; --panel: #161b22; --link: #79c0ff;
            --verified-bg: #0f5323; --verified-fg: #dafbe1; --quoted-bg: #0a3069; --quoted-fg: #ddf4ff;
            --cited-bg: #4d2d00; --cited-fg: #fff8c5; --unsupported-bg: #82071e; --unsupported-fg: #ffebe9;
            --contradicted-bg: #ffebe9; --contradicted-fg: #82071e; --uncited: #e3b341;
          }
        }
        * { box-sizing: border-box; }
        body {
          margin: 0; background: var(--bg); color: var(--fg); line-height: 1.6;
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
            "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
            "WenQuanYi Micro Hei", sans-serif;
        }
        header.site, main, footer.site { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
        main { overflow-wrap: break-word; }
        header.site { border-bottom: 1px solid var(--line); padding-top: .75rem; padding-bottom: .75rem; }
        header.site nav a { margin-right: 1rem; }
        a { color: var(--link); }
        h1 { font-size: 1.6rem; line-height: 1.3; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
        th { background: var(--panel); }
        .table-wrap { overflow-x: auto; }
        .badge { display: inline-block; padding: 0 .45rem; border-radius: .75rem; font-size: .85rem; font-weight: 600; white-space: nowrap; border: 1px solid var(--line); }
        .level-verified { background: var(--verified-bg); color: var(--verified-fg); }
        .level-quoted { background: var(--quoted-bg); color: var(--quoted-fg); }
        .level-cited { background: var(--cited-bg); color: var(--cited-fg); }
        .level-unsupported { background: var(--unsupported-bg); color: var(--unsupported-fg); }
        .level-contradicted { background: var(--contradicted-bg); color: var(--contradicted-fg); }
        mark.claim { padding: 0 .1rem; }
        mark.claim a { color: inherit; text-decoration: underline; text-underline-offset: .2em; }
        mark.claim .label { font-size: .7rem; font-weight: 700; vertical-align: super; margin-left: .15rem; }
        mark.uncited { background: transparent; color: inherit; text-decoration: underline wavy var(--uncited); text-underline-offset: .2rem; }
        mark.uncited .label { font-size: .7rem; font-weight: 700; vertical-align: super; color: var(--fg); }
        .legend { display: flex; flex-wrap: wrap; gap: .5rem; padding: .5rem; background: var(--panel); border: 1px solid var(--line); border-radius: .4rem; }
        .filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; margin: 1rem 0; }
        .filters label { display: flex; flex-direction: column; font-size: .9rem; }
        .filters input, .filters select { font: inherit; height: 2.2rem; padding: .25rem .4rem; color: var(--fg); background: var(--bg); border: 1px solid var(--muted); border-radius: .3rem; }
        .filters input { width: 18rem; max-width: 100%; }
        blockquote { margin: 1rem 0; padding: .25rem 1rem; border-left: 4px solid var(--line); color: var(--fg); background: var(--panel); }
        .quote { white-space: pre-wrap; }
        .muted { color: var(--muted); }
        .finding-error { color: var(--unsupported-fg); background: var(--unsupported-bg); }
        .finding-warning { color: var(--cited-fg); background: var(--cited-bg); }
        .finding-note { color: var(--quoted-fg); background: var(--quoted-bg); }
        svg.chart { max-width: 100%; height: auto; display: block; margin: .5rem 0; }
        svg text { fill: var(--fg); font-size: 12px; }
        svg .bar-verified { fill: #1a7f37; } svg .bar-quoted { fill: #0969da; } svg .bar-cited { fill: #9a6700; }
        svg .bar-unsupported { fill: #cf222e; } svg .bar-contradicted { fill: #82071e; }
        svg .node { fill: var(--panel); stroke: var(--muted); }
        svg .node-primary { stroke: #1a7f37; stroke-width: 2; }
        svg .node-claim { stroke: var(--link); stroke-width: 2; }
        svg .edge { stroke: var(--muted); stroke-width: 1.5; fill: none; }
        svg .node-lead, svg .edge-lead { stroke-dasharray: 5 4; }
        .matrix td, .matrix th { text-align: center; font-size: .85rem; }
        .matrix th.claim { text-align: left; }
        footer.site { border-top: 1px solid var(--line); margin-top: 2rem; padding-top: .5rem; padding-bottom: 1rem; font-size: .85rem; color: var(--muted); }
        [hidden] { display: none !important; }
        @media (max-width: 40rem) { .hide-narrow { display: none; } h1 { font-size: 1.3rem; } }
        @media print {
          header.site nav, .filters, footer.site { display: none; }
          a { color: inherit; text-decoration: none; }
          body { font-size: 11pt; }
          .badge, mark.claim { border: 1px solid #000; }
        }

        """;

    /// <summary>Filters the claims table by text (substring, CJK included), level and tag. Without it, every row shows.</summary>
    public const string FilterJs = """
        (function () {
          "use strict";
          var form = document.getElementById("filters");
          var table = document.getElementById("claims");
          if (!form || !table) { return; }
          form.hidden = false;
          var q = document.getElementById("filter-text");
          var level = document.getElementById("filter-level");
          var tag = document.getElementById("filter-tag");
          var count = document.getElementById("filter-count");
          var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
          function apply() {
            var text = q.value.trim().toLowerCase();
            var shown = 0;
            rows.forEach(function (row) {
              var ok = (!text || row.getAttribute("data-text").indexOf(text) >= 0)
                && (!level.value || row.getAttribute("data-level") === level.value)
                && (!tag.value || (" " + row.getAttribute("data-tags") + " ").indexOf(" " + tag.value + " ") >= 0);
              row.hidden = !ok;
              if (ok) { shown++; }
            });
            count.textContent = shown + " / " + rows.length;
          }
          form.addEventListener("input", apply);
          form.addEventListener("submit", function (e) { e.preventDefault(); });
          apply();
        })();

        """;
}
