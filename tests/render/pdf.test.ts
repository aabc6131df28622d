import { beforeAll, describe, expect, it } from 'vitest';
import type { Root, RootContent } from 'mdast';
import { render, type RenderedFile } from '../../src/render/index.js';
import { loadTemplate } from '../../src/cli/template-files.js';
import { fromMarkdown } from '../../src/render/markdown.js';
import { markdownToPdf, margins, pageSizes } from '../../src/render/pdf/index.js';
import { FontSet } from '../../src/render/pdf/fonts.js';
import { breakLines } from '../../src/render/pdf/text.js';
import { paginate, type Box } from '../../src/render/pdf/layout.js';
import { Report } from '../../src/model/diagnostics.js';
import { fixtureBrief, answerKeyTemplate } from './fixture.js';
import { toViewModel } from '../../src/render/view-model.js';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readPdf, type ReadPdf } from './read-pdf.js';

const ctx = { report: new Report() };
const squash = (s: string) => s.replace(/[\s\-‐]+/g, '');

function blocksText(tree: Root): string[] {
  const text = (n: RootContent): string => ('value' in n && typeof n.value === 'string' ? n.value : 'children' in n ? (n.children as RootContent[]).map(text).join('') : '');
  const out: string[] = [];
  const walk = (nodes: RootContent[]) => {
    for (const n of nodes) {
      if (n.type === 'paragraph' || n.type === 'heading' || n.type === 'tableCell') out.push(text(n));
      else if ('children' in n) walk(n.children as RootContent[]);
    }
  };
  walk(tree.children);
  return out.filter((t) => t.trim().length > 0);
}

function expectInsideMargins(pdf: ReadPdf, title: string) {
  for (const [i, page] of pdf.pages.entries()) {
    for (const w of page.words) {
      const where = `page ${i + 1} "${w.str}" at ${w.x.toFixed(1)},${w.y.toFixed(1)} w=${w.width.toFixed(1)}`;
      expect(w.x, where).toBeGreaterThanOrEqual(margins.left - 0.01);
      expect(w.x + w.width, where).toBeLessThanOrEqual(page.width - margins.right + 0.01);
      // Body text lies between the margins; only the running header and footer sit in them.
      if (w.y > page.height - margins.top + 1) expect(title.includes(w.str.replace('…', '')), where).toBe(true);
      else if (w.y < margins.bottom - w.height) expect(/^(Page|\d+|of|Page \d+ of \d+)$/.test(w.str), where).toBe(true);
      else expect(w.y - w.height * 0.3, where).toBeGreaterThanOrEqual(margins.bottom - 0.01);
      expect(w.y, where).toBeGreaterThan(24);
      expect(w.y + w.height, where).toBeLessThan(page.height - 24);
    }
  }
}

describe('PDF from the briefing template', () => {
  let files: RenderedFile[];
  let pdf: ReadPdf;
  const brief = fixtureBrief(14);
  beforeAll(async () => {
    files = await render(brief, loadTemplate('briefing'), ctx, { formats: ['md', 'pdf', 'html', 'docx'], pageSize: 'A4' });
    pdf = await readPdf(files.find((f) => f.format === 'pdf')!.bytes);
  });

  it('has the text of every block, in order', () => {
    const md = new TextDecoder().decode(files.find((f) => f.format === 'md')!.bytes);
    const all = squash(pdf.pages.map((p) => p.words.map((w) => w.str).join('')).join(''));
    let at = 0;
    const blocks = blocksText(fromMarkdown(md));
    expect(blocks.length).toBeGreaterThan(30);
    for (const b of blocks) {
      const probe = squash(b).slice(0, 40);
      const found = all.indexOf(probe, at);
      expect(found, `"${b.slice(0, 60)}" after offset ${at}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });

  it('keeps every word inside the margins, on several A4 pages with header and footer', () => {
    expect(pdf.pages.length).toBeGreaterThan(2);
    expect(pdf.pages[0]!.width).toBeCloseTo(pageSizes.A4.width, 1);
    expectInsideMargins(pdf, brief.title);
    expect(pdf.pages[1]!.text).toContain(`Page 2 of ${pdf.pages.length}`);
    expect(pdf.pages[1]!.text).toContain(brief.title);
  });

  it('embeds subset DejaVu fonts', () => {
    expect(pdf.fontsEmbedded).toBe(true);
    expect(pdf.fontNames.some((n) => /^\/[A-Z]{6}\+DejaVuSerif$/.test(n))).toBe(true);
    expect(pdf.fontNames.some((n) => /^\/[A-Z]{6}\+DejaVuSans-Bold$/.test(n))).toBe(true);
  });

  it('has an outline, contents with working internal links, metadata and safe external links', () => {
    const top = pdf.outline.map((o) => o.title);
    expect(top).toEqual(expect.arrayContaining(['Bottom line', 'Where the sources agree', 'Where they disagree', 'Themes', 'Recommendations', 'Sources']));
    expect(pdf.outline.find((o) => o.title === 'Themes')!.items.map((i) => i.title)).toEqual(expect.arrayContaining([expect.stringMatching(/^Counterterrorism cooperation/)]));
    expect(pdf.pages[0]!.text).toContain('Contents');
    expect(pdf.pages[0]!.links.filter((l) => l.dest).length).toBeGreaterThanOrEqual(4);
    const urls = pdf.pages.flatMap((p) => p.links.map((l) => l.url).filter(Boolean));
    expect(urls).toContain('https://doi.org/10.1234/jt.2024.1');
    for (const u of urls) expect(u).toMatch(/^(https?:|mailto:)/);
    expect(pdf.info.Title).toBe(brief.title);
    expect(pdf.info.Author).toBe('Test Institute');
    expect(pdf.info.Subject).toBe('What five papers say');
    expect(String(pdf.info.Keywords)).toContain('Regional connectivity');
    expect(pdf.info.Lang).toContain('en');
    expect(String(pdf.info.CreationDate)).toMatch(/^D:20231114/);
  });

  it('is byte-identical when rebuilt, in every format', async () => {
    const again = await render(brief, loadTemplate('briefing'), ctx, { formats: ['md', 'pdf', 'html', 'docx'], pageSize: 'A4' });
    expect(again.map((f) => f.name)).toEqual(files.map((f) => f.name));
    for (const f of files) expect(Buffer.from(again.find((g) => g.name === f.name)!.bytes).equals(Buffer.from(f.bytes)), f.name).toBe(true);
  });
});

describe('PDF layout', () => {
  it('fits the one-pager on one page even for a long brief, and sets US Letter when asked', async () => {
    const [one] = await render(fixtureBrief(60), loadTemplate('one-pager'), ctx, { formats: ['pdf'] });
    const pdf = await readPdf(one!.bytes);
    expect(pdf.pages).toHaveLength(1);
    expect(pdf.pages[0]!.width).toBeCloseTo(pageSizes.A4.width, 1);
    const [letter] = await render(fixtureBrief(), loadTemplate('handout'), ctx, { formats: ['pdf'], pageSize: 'Letter' });
    const lp = await readPdf(letter!.bytes);
    expect(lp.pages[0]!.width).toBe(612);
    expect(lp.pages[0]!.height).toBe(792);
    expectInsideMargins(lp, fixtureBrief().title);
    // An answer key that cites passages as footnotes: each printed at the foot of the page that calls it.
    const withNotes = answerKeyTemplate;
    const [notes] = await render(fixtureBrief(), withNotes, ctx, { formats: ['pdf'], pageSize: 'Letter' });
    const np = await readPdf(notes!.bytes);
    let notesSeen = 0;
    for (const page of np.pages) {
      const text = squash(page.words.map((w) => w.str).join(''));
      // Footnotes ("Source 1 §3.1: “…”"), not a discussion question that quotes a claim ("Source 1 states: “…”").
      for (const m of text.matchAll(/Source\d(?!states)[^“]*“([^”]+)”/g)) {
        const tail = m[1]!.slice(-15);
        expect(text.split(tail).length - 1, tail).toBeGreaterThanOrEqual(2);
        notesSeen++;
      }
    }
    expect(notesSeen).toBe(toViewModel(fixtureBrief()).questions.length);
  });

  it('falls back to DejaVu Sans for characters the serif lacks and never drops text', async () => {
    const fonts = new FontSet();
    const runs = fonts.resolve('Checked ✓ here', { family: 'serif', weight: 'regular', slant: 'normal' });
    expect(runs.map((r) => r.face.family)).toEqual(['serif', 'sans', 'serif']);
    const pdf = await readPdf(await markdownToPdf(fromMarkdown('# T\n\nChecked ✓ and superscripts¹⁴ and “quotes”.'), { title: 'T', author: 'A', date: '2023-01-01', pageSize: 'A4' }));
    expect(pdf.pages[0]!.text.replace(/\s+/g, ' ')).toContain('Checked ✓ and superscripts¹⁴ and “quotes”.');
  });

  it('breaks lines within the width, justifies all but the last line and hyphenates', () => {
    const fonts = new FontSet();
    const style = { face: { family: 'serif', weight: 'regular', slant: 'normal' } as const, size: 10, color: [0, 0, 0] as const };
    const text = 'Internationalisation of counterterrorism institutionalisation characteristically complicates intergovernmental responsibilities. '.repeat(4);
    const lines = breakLines([{ text, style }], fonts, { width: 150, justify: true, leading: 1.4, hyphenate: true });
    expect(lines.length).toBeGreaterThan(5);
    for (const [i, l] of lines.entries()) {
      const last = l.pieces[l.pieces.length - 1]!;
      expect(last.x + last.width).toBeLessThanOrEqual(150 + 1e-6);
      if (i < lines.length - 1 && l.pieces.length > 1) expect(last.x + last.width).toBeCloseTo(150, 3);
    }
    expect(lines.some((l) => l.pieces[l.pieces.length - 1]!.text.endsWith('-'))).toBe(true);
    const rejoined = lines.map((l) => l.pieces.map((p) => p.text).join(' ')).join(' ').replace(/- /g, '');
    expect(rejoined.replace(/\s+/g, ' ').trim()).toBe(text.trim());
  });

  it('justified and ragged text hyphenate alike: two letters before a hyphen, three after, never the part of a compound after its hyphen', () => {
    const fonts = new FontSet();
    const style = { face: { family: 'serif', weight: 'regular', slant: 'normal' } as const, size: 10, color: [0, 0, 0] as const };
    const text = 'The U.S.-Taliban agreement and the self-determination of communities were characteristically intergovernmental questions. '.repeat(6);
    const written = new Set(text.split(/\s+/));
    let breaks = 0;
    for (const justify of [true, false]) {
      for (let width = 80; width <= 200; width += 3) {
        const lines = breakLines([{ text, style }], fonts, { width, justify, leading: 1.4, hyphenate: true });
        // Words as written, with '|' where a line break added a hyphen.
        const words: string[] = [];
        let carry = '';
        for (const l of lines) {
          const texts = l.pieces.flatMap((p) => p.text.split(' '));
          texts.forEach((t, k) => {
            const piece = (k === 0 ? carry : '') + t;
            if (k === 0) carry = '';
            if (k === texts.length - 1 && /\p{L}-$/u.test(t)) carry = piece.slice(0, -1) + '|';
            else words.push(piece);
          });
        }
        for (const w of words) {
          if (!w.includes('|')) continue;
          const plain = w.replace(/\|/g, '');
          // A hyphen written in the text ("self-" + "determination") is not one the layout added.
          if (!written.has(plain) && written.has(w.replace(/\|/g, '-'))) continue;
          breaks++;
          const segments = w.replace(/[^\p{L}|]/gu, '').split('|');
          expect(segments[0]!.length, `${justify} ${width}: ${w}`).toBeGreaterThanOrEqual(2);
          expect(segments[segments.length - 1]!.length, `${justify} ${width}: ${w}`).toBeGreaterThanOrEqual(3);
          expect(/Taliban|determination/.test(plain) && !/^(?:U\.S\.-|self-)$/.test(w.split('|')[0]!), `${justify} ${width}: ${w}`).toBe(false);
        }
      }
    }
    expect(breaks).toBeGreaterThan(20);
  });

  it('keeps headings with what follows and leaves no widows or orphans', () => {
    const line = (keep = false, space = 0): Box => ({ height: 10, spaceBefore: space, keepWithNext: keep, frags: [], rects: [] });
    const para = (n: number): Box[] => Array.from({ length: n }, (_, i) => line(n > 1 && (i === 0 || i === n - 2), i === 0 ? 5 : 0));
    // 8 lines fill 80 of 100; a heading and a 5-line paragraph follow.
    const boxes = [...para(8), line(true, 5), ...para(5)];
    const pages = paginate(boxes, 100);
    expect(pages[0]!.length).toBe(8);
    expect(pages[1]![0]!.box).toBe(boxes[8]);
    // A 6-line paragraph starting near the bottom may split, but leaves at least two lines on each side.
    for (let filler = 1; filler <= 9; filler++) {
      const b = [...Array.from({ length: filler }, () => line()), ...para(6)];
      const ps = paginate(b, 100);
      const lastPara = b.slice(filler);
      const counts = ps.map((p) => p.filter((x) => lastPara.includes(x.box)).length).filter((c) => c > 0);
      for (const c of counts) expect(c, `filler ${filler}: ${counts}`).toBeGreaterThanOrEqual(2);
    }
  });

  it('keeps a one-line paragraph under a heading with what follows it', async () => {
    // Wherever the page ends, the line under the heading is never the last on its page.
    for (let filler = 26; filler <= 34; filler++) {
      const lines = Array.from({ length: filler }, (_, i) => `Filler line ${i + 1}.`).join('\n\n');
      const md = `# T\n\n${lines}\n\n### Afghan Taliban\n\n*Discussed by 5 of 5 sources.*\n\n- First finding of the theme.\n- Second finding of the theme.\n`;
      const pdf = await readPdf(await markdownToPdf(fromMarkdown(md), { title: 'T', author: 'A', date: '2023-01-01', pageSize: 'A4' }));
      const on = (word: string) => pdf.pages.findIndex((p) => p.text.includes(word));
      const [heading, page, first] = [on('Taliban'), on('Discussed'), on('First finding')];
      expect([heading, page], `filler ${filler}`).toEqual([first, first]);
    }
  });

  it('repeats a table header on the next page', async () => {
    const rows = Array.from({ length: 90 }, (_, i) => `| ${2000 + i} | Event number ${i + 1} happened. |`).join('\n');
    const pdf = await readPdf(await markdownToPdf(fromMarkdown(`# T\n\n## Dates\n\n| Year | Event |\n|---|---|\n${rows}\n`), { title: 'T', author: 'A', date: '2023-01-01', pageSize: 'A4' }));
    expect(pdf.pages.length).toBeGreaterThan(1);
    for (const page of pdf.pages) expect(page.words.find((w) => w.str !== 'T')?.str).toMatch(/^(T|Dates|Year)$/);
    const years = pdf.pages.flatMap((p) => p.words.filter((w) => /^20\d\d$/.test(w.str)).map((w) => Number(w.str)));
    expect(years).toEqual(Array.from({ length: 90 }, (_, i) => 2000 + i));
  });

  it('uses font files from the config for the body and reports a bad one as an input error', async () => {
    const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    const options = { title: 'T', author: 'A', date: '2023-01-01', pageSize: 'A4' as const };
    const pdf = await readPdf(await markdownToPdf(fromMarkdown('# T\n\nMeta line.\n\nBody text *here*.'), { ...options, fonts: { regular: join(dir, 'DejaVuSansCondensed.ttf') } }));
    expect(pdf.fontNames.some((n) => n.endsWith('+DejaVuSansCondensed'))).toBe(true);
    // Italic falls back to the regular file; headings keep DejaVu Sans Bold.
    expect(pdf.fontNames.some((n) => n.endsWith('+DejaVuSans-Bold'))).toBe(true);
    await expect(markdownToPdf(fromMarkdown('x'), { ...options, fonts: { regular: join(dir, '..', 'package.json') } })).rejects.toThrow(/expected a TrueType or OpenType font/);
  });

  it('lays out a torture document (nesting, code, long words and URLs, wide tables, scripts DejaVu lacks) inside the margins', async () => {
    const md = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'torture.md'), 'utf8');
    for (const pageSize of ['A4', 'Letter'] as const) {
      const pdf = await readPdf(await markdownToPdf(fromMarkdown(md), { title: 'Torture', author: 'A', date: '2023-01-01', pageSize }));
      expectInsideMargins(pdf, 'Torture');
      const text = pdf.pages.map((p) => p.text).join(' ');
      expect(text).toContain('Supercalifragilisticexpialidocious');
      expect(squash(text)).toContain(squash('Averyveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryverylongwordwithoutanybreakopportunity.'));
      const urls = pdf.pages.flatMap((p) => p.links.map((l) => l.url).filter(Boolean));
      expect(urls).toEqual(expect.arrayContaining(['mailto:someone@example.org']));
      for (const u of urls) expect(u).not.toMatch(/javascript/);
    }
  });
});
