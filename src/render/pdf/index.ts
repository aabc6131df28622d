/**
 * PDF from the Markdown tree: title block, contents with page numbers and internal
 * links, body laid out by `layout.ts`, notes, running header and footer, clickable links, PDF
 * outline and metadata. Reproducible: no clock, no random ids (dates come from the brief, which
 * takes them from SOURCE_DATE_EPOCH).
 */
import type { DocumentMeta } from '../document-meta.js';
import type { FootnoteDefinition, Root, RootContent } from 'mdast';
import { defaultTemplateConfig, type TemplateConfig } from '../templates.js';
import { FontSet, type CustomFonts } from './fonts.js';
import { compress, PageContent } from './content.js';
import { layoutBlocks, paginate, plainText, toSpans, typographyFor, type Box, type LayoutContext, type Placed } from './layout.js';
import { breakLines, type Style } from './text.js';
import { name, PdfLiteral, PdfStream, PdfText, PdfWriter, type PdfDict, type PdfRef, type PdfValue } from './writer.js';

export interface PdfOptions extends DocumentMeta {
  pageSize: 'A4' | 'Letter';
  /** Font files replacing DejaVu for the body (and mono) family. */
  fonts?: CustomFonts;
}

/** Page sizes in points and the margins used for each. */
export const pageSizes = {
  A4: { width: 595.28, height: 841.89 },
  Letter: { width: 612, height: 792 },
} as const;

/** Margins in points (the header and footer sit inside the top and bottom margins). */
export const margins = { top: 70, bottom: 66, left: 66, right: 66 } as const;

function titleBlock(nodes: RootContent[], ctx: LayoutContext): { boxes: Box[]; rest: RootContent[] } {
  const t = ctx.type;
  const first = nodes[0];
  if (!first || first.type !== 'heading' || first.depth !== 1) return { boxes: [], rest: nodes };
  const titleStyle: Style = { face: t.heading('bold'), size: t.size * 2.05, color: t.accent };
  const lines = breakLines(toSpans(first.children, titleStyle, ctx), ctx.fonts, { width: ctx.width, justify: false, leading: 1.18, hyphenate: false });
  const boxes: Box[] = lines.map((l) => ({ height: l.height, spaceBefore: 0, keepWithNext: true, frags: l.pieces.map((p) => ({ x: p.x, y: l.baseline, text: p.text, style: p.style, width: p.width })), rects: [] }));
  if (boxes[0]) boxes[0].anchor = 'title';
  let rest = nodes.slice(1);
  const meta = rest[0];
  if (meta && meta.type === 'paragraph') {
    const metaStyle: Style = { face: t.heading('regular'), size: t.size * 0.9, color: t.muted };
    const ml = breakLines(toSpans(meta.children, metaStyle, ctx), ctx.fonts, { width: ctx.width, justify: false, leading: 1.4, hyphenate: false });
    ml.forEach((l, i) => boxes.push({ height: l.height, spaceBefore: i === 0 ? t.size * 0.5 : 0, keepWithNext: true, frags: l.pieces.map((p) => ({ x: p.x, y: l.baseline, text: p.text, style: p.style, width: p.width })), rects: [] }));
    rest = rest.slice(1);
  }
  boxes.push({ height: 6, spaceBefore: 4, keepWithNext: false, frags: [], rects: [{ x: 0, y: 2, w: ctx.width, h: 1.4, color: t.accent }] });
  return { boxes, rest };
}

function contents(body: readonly Box[], ctx: LayoutContext): Box[] {
  const t = ctx.type;
  const entries = body.filter((b) => b.heading && b.anchor && b.heading.level <= ctx.tocDepth);
  const head: Style = { face: t.heading('bold'), size: t.size * 1.1, color: t.accent };
  const out: Box[] = [];
  const hl = breakLines([{ text: 'Contents', style: head }], ctx.fonts, { width: ctx.width, justify: false, leading: 1.3, hyphenate: false })[0]!;
  out.push({ height: hl.height, spaceBefore: t.size * 1.2, keepWithNext: true, frags: hl.pieces.map((p) => ({ x: p.x, y: hl.baseline, text: p.text, style: p.style, width: p.width })), rects: [] });
  const numberColumn = 28;
  entries.forEach((e, i) => {
    const level = e.heading!.level;
    const indent = (level - 2) * 14;
    const style: Style = { face: level === 2 ? t.heading('regular') : t.body, size: t.size * (level === 2 ? 0.95 : 0.88), color: t.color, goto: e.anchor };
    const lines = breakLines([{ text: e.heading!.title, style }], ctx.fonts, { width: ctx.width - indent - numberColumn - 10, justify: false, leading: 1.35, hyphenate: false });
    lines.forEach((l, k) => {
      const frags = l.pieces.map((p) => ({ x: indent + p.x, y: l.baseline, text: p.text, style: p.style, width: p.width }));
      const box: Box = { height: l.height, spaceBefore: k === 0 && level === 2 && i > 0 ? t.size * 0.25 : 0, keepWithNext: k < lines.length - 1, frags, rects: [] };
      if (k === lines.length - 1) {
        // Dot leaders from the end of the entry to the page-number column.
        const dot = ctx.fonts.width('. ', style.face, style.size);
        const from = indent + l.width + 6;
        const count = Math.max(0, Math.floor((ctx.width - numberColumn - from) / dot));
        if (count > 1) frags.push({ x: ctx.width - numberColumn - count * dot, y: l.baseline, text: '. '.repeat(count).trimEnd(), style: { ...style, color: t.muted, goto: undefined }, width: count * dot });
        box.pageOf = e.anchor;
      }
      out.push(box);
    });
  });
  if (out.length > 1) out[out.length - 1]!.keepWithNext = false;
  out.push({ height: 4, spaceBefore: t.size * 0.8, keepWithNext: false, frags: [], rects: [{ x: 0, y: 1, w: ctx.width, h: 0.5, color: t.muted }] });
  return out;
}

/** Lays out each footnote (small type, number hanging) as its own list of boxes. */
function footnotes(defs: FootnoteDefinition[], ctx: LayoutContext): Map<string, Box[]> {
  const t = ctx.type;
  const small: Style = { face: t.body, size: t.size * 0.82, color: t.color };
  const out = new Map<string, Box[]>();
  for (const d of defs) {
    const n = ctx.notes.get(d.identifier);
    if (n === undefined) continue; // never referenced: nothing points to it
    const inner = layoutBlocks(d.children, { indent: 14, base: small, justify: true }, { ...ctx, type: { ...t, size: small.size, leading: 1.3 } });
    if (!inner[0]) continue;
    inner[0].anchor = `note-${d.identifier}`;
    inner[0].spaceBefore = 0;
    for (const b of inner) b.spaceBefore = Math.min(b.spaceBefore, 2);
    inner[0].frags.unshift({ x: 0, y: inner[0].frags[0]?.y ?? small.size, text: `${n}`, style: { ...small, color: t.accent }, width: ctx.fonts.width(`${n}`, small.face, small.size) });
    out.set(d.identifier, inner);
  }
  return out;
}

function collectNotes(nodes: readonly RootContent[]): { defs: FootnoteDefinition[]; rest: RootContent[] } {
  const defs: FootnoteDefinition[] = [];
  const rest = nodes.filter((n) => (n.type === 'footnoteDefinition' ? (defs.push(n), false) : true));
  return { defs, rest };
}

/** A URI as 7-bit ASCII with the characters that end a PDF literal string percent-encoded. */
function asciiUri(url: string): string {
  return encodeURI(decodeURIComponentSafe(url)).replace(/[()\\]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

function decodeURIComponentSafe(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

function fit(text: string, style: Style, width: number, fonts: FontSet): string {
  if (fonts.width(text, style.face, style.size) <= width) return text;
  let s = text;
  while (s.length > 1 && fonts.width(s + '…', style.face, style.size) > width) s = s.slice(0, -1);
  return s.trimEnd() + '…';
}

/** Typesets a Markdown tree as a PDF. */
export async function markdownToPdf(tree: Root, options: PdfOptions): Promise<Uint8Array> {
  const config = options.config ?? defaultTemplateConfig;
  const size = pageSizes[options.pageSize];
  const fonts = new FontSet(config.fonts.body, options.fonts);
  const type = typographyFor(config);
  const ctx: LayoutContext = { fonts, type, width: size.width - margins.left - margins.right, notes: new Map(), headingCount: 0, tocDepth: config.tocDepth };

  const { defs, rest: withoutNotes } = collectNotes(tree.children);
  const { boxes: title, rest } = titleBlock(withoutNotes, ctx);
  const body = layoutBlocks(rest, { indent: 0, base: { face: type.body, size: type.size, color: type.color }, justify: true }, ctx);
  const notes = footnotes(defs, ctx);
  const toc = config.toc && body.filter((b) => b.heading?.level === 2).length >= 3 ? contents(body, ctx) : [];
  // A line that calls a footnote brings the note to the foot of its page.
  const notesOf = (box: Box) => box.frags.flatMap((f) => (f.style.rise && f.style.goto?.startsWith('note-') ? notes.get(f.style.goto.slice(5)) ?? [] : []));
  const separator: Box = { height: 8, spaceBefore: 0, keepWithNext: false, frags: [], rects: [{ x: 0, y: 3, w: Math.min(120, ctx.width / 3), h: 0.5, color: type.muted }] };
  const pages = paginate([...title, ...toc, ...body], size.height - margins.top - margins.bottom, { notesOf, separator });

  const pdf = new PdfWriter();
  const catalogRef = pdf.alloc();
  const pagesRef = pdf.alloc();
  const pageRefs: PdfRef[] = pages.map(() => pdf.alloc());
  const anchors = new Map<string, { page: number; y: number }>();
  pages.forEach((placed, p) => placed.forEach(({ box, y }) => { if (box.anchor) anchors.set(box.anchor, { page: p, y: size.height - margins.top - y }); }));
  const dest = (anchor: string): PdfValue[] | null => {
    const a = anchors.get(anchor);
    return a ? [pageRefs[a.page]!, name('XYZ'), null, Math.round(Math.min(size.height, a.y + 14) * 100) / 100, null] : null;
  };
  const annotsOf: PdfRef[][] = pages.map(() => []);
  const streams: PageContent[] = pages.map(() => new PageContent());
  const chrome: Style = { face: type.heading('regular'), size: 8, color: type.muted };

  for (let p = 0; p < pages.length; p++) {
    const content = streams[p]!;
    const draw = (text: string, x: number, y: number, style: Style) => {
      const { font, show } = fonts.encode(text, style.face);
      content.text(x, y, font, style.size, show, style.color);
    };
    const annots = annotsOf[p]!;
    const link = (x: number, y: number, w: number, h: number, target: { url?: string; goto?: string }) => {
      const to = target.goto ? dest(target.goto) : null;
      const action: PdfDict | null = target.url
        ? { A: { Type: name('Action'), S: name('URI'), URI: new PdfLiteral(asciiUri(target.url)) } }
        : to ? { Dest: to } : null;
      if (!action) return;
      const r2 = (v: number) => Math.round(v * 100) / 100;
      annots.push(pdf.add({ Type: name('Annot'), Subtype: name('Link'), Rect: [r2(x), r2(y), r2(x + w), r2(y + h)], Border: [0, 0, 0], ...action }));
    };
    for (const { box, y } of pages[p]!) {
      const top = size.height - margins.top - y;
      for (const r of box.rects) content.rect(margins.left + r.x, top - r.y - r.h, r.w, r.h, r.color);
      for (const f of box.frags) {
        const x = margins.left + f.x;
        const base = top - f.y;
        draw(f.text, x, base, f.style);
        if (f.style.link || f.style.goto) link(x, base - f.style.size * 0.25, f.width, f.style.size * 1.1, { url: f.style.link, goto: f.style.goto });
      }
      if (box.pageOf) {
        const target = anchors.get(box.pageOf);
        const label = target ? String(target.page + 1) : '';
        const st: Style = { face: type.heading('regular'), size: type.size * 0.9, color: type.color };
        const w = fonts.width(label, st.face, st.size);
        const base = top - (box.frags[0]?.y ?? box.height * 0.7);
        draw(label, margins.left + ctx.width - w, base, st);
        link(margins.left, base - st.size * 0.25, ctx.width, st.size * 1.2, { goto: box.pageOf });
      }
    }
    if (config.runningHeader) {
      if (p > 0) {
        const text = fit(options.title, chrome, ctx.width, fonts);
        let x = margins.left;
        for (const run of fonts.resolve(text, chrome.face)) {
          draw(run.text, x, size.height - margins.top + 22, { ...chrome, face: run.face });
          x += fonts.width(run.text, run.face, chrome.size);
        }
        content.rect(margins.left, size.height - margins.top + 16, ctx.width, 0.4, type.muted);
      }
      const footer = `Page ${p + 1} of ${pages.length}`;
      const fw = fonts.width(footer, chrome.face, chrome.size);
      draw(footer, margins.left + (ctx.width - fw) / 2, margins.bottom - 30, chrome);
    }
  }
  // Fonts are written once every page is drawn: each subset then holds exactly the glyphs used.
  const resources: PdfDict = { Font: Object.fromEntries(fonts.writeFonts(pdf)) };
  pageRefs.forEach((ref, p) => pdf.set(ref, {
    Type: name('Page'),
    Parent: pagesRef,
    MediaBox: [0, 0, size.width, size.height],
    Resources: resources,
    Contents: pdf.add(new PdfStream({ Filter: name('FlateDecode') }, compress(streams[p]!.toString()))),
    Annots: annotsOf[p]!.length ? annotsOf[p] : undefined,
  }));
  pdf.set(pagesRef, { Type: name('Pages'), Kids: pageRefs, Count: pageRefs.length });

  const outline = addOutline(pdf, pages, pageRefs, size.height);
  pdf.set(catalogRef, {
    Type: name('Catalog'),
    Pages: pagesRef,
    // Viewers show the title, not the file name.
    ViewerPreferences: { DisplayDocTitle: true },
    Lang: new PdfLiteral(options.language ?? 'en'),
    Outlines: outline,
    PageMode: outline ? name('UseOutlines') : undefined,
  });
  const when = new Date(`${options.date}T00:00:00Z`);
  const two = (n: number) => String(n).padStart(2, '0');
  const date = new PdfLiteral(`D:${when.getUTCFullYear()}${two(when.getUTCMonth() + 1)}${two(when.getUTCDate())}${two(when.getUTCHours())}${two(when.getUTCMinutes())}${two(when.getUTCSeconds())}Z`);
  const info = pdf.add({
    Title: new PdfText(options.title),
    Author: new PdfText(options.author),
    Subject: options.subject ? new PdfText(options.subject) : undefined,
    Keywords: options.keywords?.length ? new PdfText(options.keywords.join(' ')) : undefined,
    Creator: new PdfText(options.producer ?? 'Briefwright'),
    Producer: new PdfText(options.producer ?? 'Briefwright'),
    CreationDate: date,
    ModDate: date,
  });
  return pdf.save(catalogRef, info);
}

interface OutlineNode {
  title: string;
  page: number;
  y: number;
  children: OutlineNode[];
}

/** Writes the PDF outline (bookmarks): level-2 headings at the top, deeper ones nested. */
function addOutline(pdf: PdfWriter, pages: Placed[][], pageRefs: PdfRef[], pageHeight: number): PdfRef | undefined {
  const roots: OutlineNode[] = [];
  const stack: { level: number; node: OutlineNode }[] = [];
  pages.forEach((placed, p) => placed.forEach(({ box, y }) => {
    if (!box.heading) return;
    const node: OutlineNode = { title: box.heading.title, page: p, y: Math.round((pageHeight - margins.top - y + 14) * 100) / 100, children: [] };
    while (stack.length && stack[stack.length - 1]!.level >= box.heading.level) stack.pop();
    (stack.length ? stack[stack.length - 1]!.node.children : roots).push(node);
    stack.push({ level: box.heading.level, node });
  }));
  if (roots.length === 0) return undefined;
  const outlinesRef = pdf.alloc();
  const write = (nodes: OutlineNode[], parent: PdfRef): { first: PdfRef; last: PdfRef; count: number } => {
    const refs = nodes.map(() => pdf.alloc());
    let count = nodes.length;
    nodes.forEach((n, i) => {
      const dict: PdfDict = {
        Title: new PdfText(n.title),
        Parent: parent,
        Dest: [pageRefs[n.page]!, name('XYZ'), null, n.y, null],
        Prev: i > 0 ? refs[i - 1] : undefined,
        Next: i < nodes.length - 1 ? refs[i + 1] : undefined,
      };
      if (n.children.length) {
        const sub = write(n.children, refs[i]!);
        dict.First = sub.first;
        dict.Last = sub.last;
        dict.Count = sub.count;
        count += sub.count;
      }
      pdf.set(refs[i]!, dict);
    });
    return { first: refs[0]!, last: refs[refs.length - 1]!, count };
  };
  const top = write(roots, outlinesRef);
  pdf.set(outlinesRef, { Type: name('Outlines'), First: top.first, Last: top.last, Count: top.count });
  return outlinesRef;
}
