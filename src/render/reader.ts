/**
 * The HTML reader's own parts: every source's full entry with the passages the brief cites from
 * it (each quote in <mark>), the style that shows a passage in place, and the small script that
 * opens a passage under the citation clicked. Without the script, a citation is a plain link to
 * its passage further down the page, which `:target` highlights: nothing needs JavaScript to read.
 */
import { createHash } from 'node:crypto';
import type { Brief } from '../model/schema.js';
import type { CitedPassage } from './passages.js';
import { escapeHtml } from './escape.js';

/** What the HTML writer adds to a page for the reader. */
export interface ReaderParts {
  /** The "Sources and cited passages" section. */
  section: string;
  /** Extra style rules. */
  css: string;
  /** The inline script, and its CSP hash (`'sha256-…'`). */
  script: string;
  scriptHash: string;
}

/** Source text as HTML paragraphs: blank lines part paragraphs, single line breaks fold to spaces. */
function paragraphs(before: string, quote: string, after: string, marked: boolean): string {
  const mark = '\u0000';
  const joined = `${before}${mark}${quote}${mark}${after}`;
  const html = joined
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('');
  // The quote may cross a paragraph break: each piece of it is marked in its own paragraph.
  let open = false;
  return html.replace(/\u0000|<\/p><p>/g, (m) => {
    if (m === '</p><p>') return open ? '</mark></p><p><mark>' : m;
    open = !open;
    return open ? (marked ? '<mark>' : '<mark class="unverified">') : '</mark>';
  });
}

/** Where a passage lies: "p. 12 · §3.1 Findings". */
function place(p: CitedPassage): string {
  return [p.page ? `p. ${p.page}` : '', p.section ? `§ ${p.section}` : ''].filter(Boolean).join(' · ');
}

/** One passage as an article the citations link to. */
function passageHtml(p: CitedPassage): string {
  const id = `cite-${p.n}-${p.start}-${p.end}`;
  const where = place(p);
  const note = p.marked ? '' : `<p class="why">Not marked in the source text: ${escapeHtml(p.reason ?? 'unknown')}.</p>`;
  return `<article class="passage" id="${id}" tabindex="-1" aria-label="Passage cited from source ${p.n}${where ? `, ${escapeHtml(where)}` : ''}">
<p class="where"><a href="#source-${p.n}">Source ${p.n}</a>${where ? ` · ${escapeHtml(where)}` : ''}</p>
<blockquote>${paragraphs(p.before, p.quote, p.after, p.marked)}</blockquote>${note}
</article>`;
}

/** A source's entry when no formatted reference is given: authors, year, title, as the model has them. */
function plainReference(s: Brief['sources'][number]): string {
  const parts = [s.authors.join(', '), s.year ? `(${s.year})` : '', s.title].filter(Boolean);
  return escapeHtml(parts.join(' '));
}

/**
 * The section listing every source with its full entry and the passages cited from it, in source
 * order, passages in text order. `references` are HTML-safe formatted references by source id.
 */
export function readerSection(brief: Brief, passages: readonly CitedPassage[], references: ReadonlyMap<string, string> = new Map()): string {
  const bySource = new Map<number, CitedPassage[]>();
  for (const p of passages) bySource.set(p.n, [...(bySource.get(p.n) ?? []), p]);
  const entries = brief.sources.map((s, i) => {
    const n = i + 1;
    const cited = (bySource.get(n) ?? []).sort((a, b) => a.start - b.start || a.end - b.end);
    const file = `<p class="file">File <code>${escapeHtml(s.path)}</code> (${s.format.toUpperCase()}), SHA-256 <code>${s.sha256.slice(0, 12)}…</code></p>`;
    const count = cited.length ? `<p class="count">${cited.length} passage${cited.length === 1 ? '' : 's'} cited:</p>` : '<p class="count">No passage cited.</p>';
    return `<section class="source-entry" id="source-${n}" tabindex="-1">
<h3><span class="n">${n}.</span> ${references.get(s.id) ?? plainReference(s)}</h3>
${file}
${count}
${cited.map(passageHtml).join('\n')}
</section>`;
  });
  return `<section class="reader" aria-labelledby="reader-sources">
<h2 id="reader-sources">Sources and cited passages</h2>
<p class="hint">Each citation in the text links to its passage here; the quoted words are marked.</p>
${entries.join('\n')}
</section>`;
}

/** Style of citations, passages and the in-place panel; passages print as an appendix. */
export const readerCss = `
td,th{overflow-wrap:anywhere}a.cite[aria-expanded=true]{background:#fff3b0;outline:1px solid #c9a800}
.reader .source-entry{border-top:1px solid #c7ccd9;padding-top:.4rem;margin-top:1.2rem}
.reader h3{font-size:1rem;font-weight:normal;line-height:1.4}.reader h3 .n{font-weight:bold}
.reader .file,.reader .count,.passage .where,.passage .why{font-size:.85em;color:#50505a;text-align:left}
.passage{margin:.6rem 0 1rem;padding:.2rem .7rem;border-left:3px solid #c0c7d6;overflow-wrap:anywhere}
.passage blockquote{border:0;padding:0;margin:.3rem 0;font-style:normal;color:#222}
.passage blockquote p{text-align:left;margin:.4rem 0}
mark{background:#ffe98a;color:#000;padding:0 .1em}mark.unverified{background:#e8e8e8}
.passage:target,.source-entry:target{background:#f5f8ff;outline:2px solid #144d9e}
.cite-panel{display:block;margin:.4rem 0 .8rem;padding:.3rem .8rem;border:1px solid #c0c7d6;border-radius:4px;background:#fbfbfd;font-size:.95em;text-align:left}
.cite-panel .passage{border:0;margin:0;padding:0}.cite-panel .close{float:right;font:inherit;font-size:.85em;cursor:pointer}
@media (max-width:40rem){body{font-size:16px;margin:1rem auto}table{display:block;overflow-x:auto}}
@media print{.cite-panel{display:none}.passage{break-inside:avoid}.reader .hint{display:none}}`;

/**
 * Opens a citation's passage under the paragraph (or list item, or table) that cites it, and
 * closes it again; Escape closes it and returns focus to the citation. Plain links otherwise.
 */
const script = `(function(){
var open=null;
function close(focus){if(!open)return;open.panel.remove();open.link.setAttribute('aria-expanded','false');if(focus)open.link.focus();open=null;}
document.addEventListener('click',function(e){
var a=e.target.closest&&e.target.closest('a.cite');
if(!a){if(e.target.closest&&e.target.closest('.cite-panel .close')){close(true);}return;}
var id=a.getAttribute('href').slice(1);var target=document.getElementById(id);if(!target)return;
e.preventDefault();var same=open&&open.link===a;close(false);if(same){a.focus();return;}
var host=a.closest('li,p,td,th,blockquote,dd')||a.parentNode;if(host.tagName==='TD'||host.tagName==='TH')host=host.closest('table');
var panel=document.createElement('div');panel.className='cite-panel';panel.setAttribute('role','region');panel.setAttribute('tabindex','-1');
panel.setAttribute('aria-label','Cited passage '+a.textContent);
var btn=document.createElement('button');btn.type='button';btn.className='close';btn.textContent='Close';panel.appendChild(btn);
var copy=target.cloneNode(true);copy.removeAttribute('id');copy.removeAttribute('tabindex');panel.appendChild(copy);
if(host.tagName==='LI'){host.appendChild(panel);}else{host.parentNode.insertBefore(panel,host.nextSibling);}
a.setAttribute('aria-expanded','true');open={panel:panel,link:a};panel.focus();
});
document.addEventListener('keydown',function(e){if(e.key==='Escape')close(true);});
})();`;

/** The reader's parts for a page: section, style and script with its CSP hash. */
export function readerParts(brief: Brief, passages: readonly CitedPassage[], references?: ReadonlyMap<string, string>): ReaderParts {
  return { section: readerSection(brief, passages, references), css: readerCss, script, scriptHash: `'sha256-${createHash('sha256').update(script).digest('base64')}'` };
}
