/**
 * A standalone HTML page from the Markdown tree. Every text node is escaped and raw HTML in the
 * tree is printed as text, so nothing from a source can become markup; links are kept only for
 * http, https and mailto URLs. No scripts, no external resources.
 */
import type { DocumentMeta, FontNames } from './document-meta.js';
import type { Root, RootContent, PhrasingContent, FootnoteDefinition, TableCell } from 'mdast';
import { defaultTemplateConfig, type TemplateConfig } from './templates.js';
import { escapeHtml, isSafeUrl } from './escape.js';
import { isReaderAnchor } from './anchors.js';
import type { ReaderParts } from './reader.js';

/** A standalone page states the same document metadata as the other writers; the reader's parts make it a reader. */
export type HtmlOptions = DocumentMeta & { reader?: ReaderParts };

/** Font stacks by template family: DejaVu (the PDF's fonts) first, then what most readers have. */
const stacks = { serif: '"DejaVu Serif",Georgia,serif', sans: '"DejaVu Sans",Helvetica,Arial,sans-serif', mono: '"DejaVu Sans Mono",Menlo,Consolas,monospace' } as const;

/** A font family name as a CSS string (names come from font files: nothing but name characters survives). */
const cssName = (name: string) => `"${name.replace(/[^\p{L}\p{N} ._-]/gu, '')}"`;

/** The page's style: the template's body and heading families, each led by the user's font for it when the config names one. */
function cssFor(config: TemplateConfig, names: FontNames): string {
  const family = (f: keyof typeof stacks) => (names[f] ? `${cssName(names[f]!)},${stacks[f]}` : stacks[f]);
  const body = family(config.fonts.body);
  const heading = family(config.fonts.heading);
  const mono = family('mono');
  return `
body{font-family:${body};font-size:17px;line-height:1.55;color:#1a1a1f;max-width:46rem;margin:2.5rem auto;padding:0 1.2rem}
h1,h2,h3,h4{font-family:${heading};color:#173a6b;line-height:1.25}
h1{font-size:2rem;margin-bottom:.3rem}h2{border-bottom:1px solid #173a6b;padding-bottom:.2rem;margin-top:2.2rem}
p,li{text-align:justify;hyphens:auto}.meta{font-family:${heading};color:#606068;text-align:left}
blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid #c0c7d6;color:#444;font-style:italic}
table{border-collapse:collapse;width:100%;font-size:.9em}th,td{border-bottom:1px solid #c7ccd9;padding:.3rem .4rem;text-align:left;vertical-align:top}
th{background:#eef2f9;font-family:${heading}}a{color:#144d9e}sup a{text-decoration:none}code,pre{font-family:${mono}}
nav.toc{font-family:${heading};font-size:.95em}.notes{font-size:.9em}
@media print{body{margin:0;max-width:none}a{color:inherit}}`;
}

interface State {
  notes: Map<string, number>;
  slugs: Map<string, number>;
  headings: { level: number; id: string; text: string }[];
  /** Whether the page carries the reader (in-page citation links are kept). */
  reader: boolean;
}

function text(nodes: readonly (RootContent | PhrasingContent)[]): string {
  return nodes.map((n) => ('value' in n && typeof n.value === 'string' ? n.value : 'children' in n ? text(n.children as PhrasingContent[]) : '')).join('');
}

function slug(s: string, st: State): string {
  const base = s.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'section';
  const n = st.slugs.get(base) ?? 0;
  st.slugs.set(base, n + 1);
  return n ? `${base}-${n}` : base;
}

function inline(nodes: readonly PhrasingContent[], st: State): string {
  return nodes
    .map((n) => {
      switch (n.type) {
        case 'text': return escapeHtml(n.value);
        case 'emphasis': return `<em>${inline(n.children, st)}</em>`;
        case 'strong': return `<strong>${inline(n.children, st)}</strong>`;
        case 'delete': return `<del>${inline(n.children, st)}</del>`;
        case 'inlineCode': return `<code>${escapeHtml(n.value)}</code>`;
        case 'break': return '<br>';
        case 'link':
          // The reader's citations link to passages and source entries on the page itself.
          if (st.reader && isReaderAnchor(n.url)) return `<a class="cite" href="${escapeHtml(n.url)}">${inline(n.children, st)}</a>`;
          return isSafeUrl(n.url) ? `<a href="${escapeHtml(n.url)}">${inline(n.children, st)}</a>` : inline(n.children, st);
        case 'footnoteReference': {
          if (!st.notes.has(n.identifier)) st.notes.set(n.identifier, st.notes.size + 1);
          const k = st.notes.get(n.identifier)!;
          const id = escapeHtml(n.identifier);
          return `<sup id="ref-${id}"><a href="#note-${id}">${k}</a></sup>`;
        }
        case 'image': return escapeHtml(`[${n.alt ?? 'image'}]`);
        case 'html': return escapeHtml(n.value);
        default: return 'children' in n ? inline(n.children as PhrasingContent[], st) : 'value' in n ? escapeHtml(String(n.value)) : '';
      }
    })
    .join('');
}

function cells(row: TableCell[], tag: 'th' | 'td', st: State): string {
  return row.map((c) => `<${tag}>${inline(c.children, st)}</${tag}>`).join('');
}

function blocks(nodes: readonly RootContent[], st: State): string {
  return nodes
    .map((n): string => {
      switch (n.type) {
        case 'heading': {
          const id = slug(text(n.children), st);
          if (n.depth >= 2) st.headings.push({ level: n.depth, id, text: text(n.children) });
          return `<h${n.depth} id="${escapeHtml(id)}">${inline(n.children, st)}</h${n.depth}>`;
        }
        case 'paragraph': return `<p>${inline(n.children, st)}</p>`;
        case 'list': {
          const tag = n.ordered ? 'ol' : 'ul';
          const start = n.ordered && n.start && n.start !== 1 ? ` start="${n.start}"` : '';
          return `<${tag}${start}>${n.children.map((li) => `<li>${li.children.length === 1 && li.children[0]!.type === 'paragraph' ? inline(li.children[0]!.children, st) : blocks(li.children, st)}</li>`).join('\n')}</${tag}>`;
        }
        case 'blockquote': return `<blockquote>${blocks(n.children, st)}</blockquote>`;
        case 'table': {
          const [head, ...body] = n.children;
          return `<table><thead><tr>${head ? cells(head.children, 'th', st) : ''}</tr></thead><tbody>${body.map((r) => `<tr>${cells(r.children, 'td', st)}</tr>`).join('\n')}</tbody></table>`;
        }
        case 'thematicBreak': return '<hr>';
        case 'code': return `<pre><code>${escapeHtml(n.value)}</code></pre>`;
        case 'html': return `<p>${escapeHtml(n.value)}</p>`;
        default: return '';
      }
    })
    .join('\n');
}

/** Renders a Markdown tree as a standalone, self-contained HTML page. */
export function toHtml(tree: Root, options: HtmlOptions): string {
  const config = options.config ?? defaultTemplateConfig;
  const reader = options.reader;
  const st: State = { notes: new Map(), slugs: new Map(), headings: [], reader: !!reader };
  const defs: FootnoteDefinition[] = [];
  const nodes = tree.children.filter((n) => (n.type === 'footnoteDefinition' ? (defs.push(n), false) : true));
  let head = '';
  let rest = nodes;
  if (rest[0]?.type === 'heading' && rest[0].depth === 1) {
    head = `<h1>${inline(rest[0].children, st)}</h1>`;
    rest = rest.slice(1);
    if (rest[0]?.type === 'paragraph') {
      head += `\n<p class="meta">${inline(rest[0].children, st)}</p>`;
      rest = rest.slice(1);
    }
  }
  const body = blocks(rest, st);
  for (const d of defs) if (!st.notes.has(d.identifier)) st.notes.set(d.identifier, st.notes.size + 1);
  const notes = defs.length
    ? `<section class="notes"><h2 id="notes">Notes</h2><ol>${[...defs]
        .sort((a, b) => st.notes.get(a.identifier)! - st.notes.get(b.identifier)!)
        .map((d) => `<li id="note-${escapeHtml(d.identifier)}">${blocks(d.children, st)} <a href="#ref-${escapeHtml(d.identifier)}">↩</a></li>`)
        .join('\n')}</ol></section>`
    : '';
  const tocItems = st.headings.filter((h) => h.level <= config.tocDepth);
  const toc = config.toc && tocItems.filter((h) => h.level === 2).length >= 3
    ? `<nav class="toc"><h2>Contents</h2><ul>${tocItems.map((h) => `<li style="margin-left:${(h.level - 2) * 1.2}rem"><a href="#${escapeHtml(h.id)}">${escapeHtml(h.text)}</a></li>`).join('\n')}</ul></nav>`
    : '';
  const meta = [
    `<meta name="author" content="${escapeHtml(options.author)}">`,
    options.subject ? `<meta name="description" content="${escapeHtml(options.subject)}">` : '',
    options.keywords?.length ? `<meta name="keywords" content="${escapeHtml(options.keywords.join(', '))}">` : '',
    `<meta name="generator" content="${escapeHtml(options.producer ?? 'Briefwright')}">`,
    `<meta name="dcterms.date" content="${escapeHtml(options.date)}">`,
  ].filter(Boolean).join('\n');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(options.language ?? 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'${reader ? `; script-src ${reader.scriptHash}` : ''}">
<title>${escapeHtml(options.title)}</title>
${meta}
<style>${cssFor(config, options.fontNames ?? {})}${reader?.css ?? ''}</style>
</head>
<body>
<header>
${head}
</header>
${toc}
<main>
${body}
${notes}
${reader?.section ?? ''}
</main>
${reader ? `<script>${reader.script}</script>` : ''}
</body>
</html>
`;
}
