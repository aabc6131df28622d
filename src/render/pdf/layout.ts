/**
 * Block layout: the Markdown tree becomes a flat list of boxes (one per line of text, table row or
 * rule), each knowing its height, the space above it and whether it must stay on the same page
 * as the next box. Pagination then places boxes on pages honouring those keeps, which is how
 * headings stay with what follows and paragraphs avoid widows and orphans.
 */
import type { BlockContent, DefinitionContent, List, ListItem, PhrasingContent, RootContent, Table } from 'mdast';
import { isSafeUrl } from '../escape.js';
import type { TemplateConfig } from '../templates.js';
import type { Face, FontSet } from './fonts.js';
import { breakLines, type Line, type Rgb, type Span, type Style } from './text.js';

/** Text placed in a box: `y` is the baseline, measured down from the box's top. */
export interface Frag {
  x: number;
  y: number;
  text: string;
  style: Style;
  width: number;
}

/** A filled rectangle (rules, quote bars, table shading); `y` is its top, down from the box's top. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
  color: Rgb;
}

/** One unit of pagination. */
export interface Box {
  height: number;
  spaceBefore: number;
  keepWithNext: boolean;
  frags: Frag[];
  rects: Rect[];
  /** Anchor id defined at the top of this box (headings, notes). */
  anchor?: string;
  /** A heading to list in the PDF outline and contents. */
  heading?: { level: number; title: string };
  /** Draw the page number of this anchor right-aligned (contents entries). */
  pageOf?: string;
  /** Start a new page before this box. */
  breakBefore?: boolean;
  /** A table row: the table's header row, repeated at the top of a page the row starts. */
  header?: Box;
}

/** Typographic settings derived from the template. */
export interface Typography {
  body: Face;
  heading: (weight: 'bold' | 'regular') => Face;
  size: number;
  leading: number;
  color: Rgb;
  accent: Rgb;
  muted: Rgb;
  link: Rgb;
}

/** Builds the typography for a template's configuration. */
export function typographyFor(config: TemplateConfig): Typography {
  return {
    body: { family: config.fonts.body, weight: 'regular', slant: 'normal' },
    heading: (weight) => ({ family: config.fonts.heading, weight, slant: 'normal' }),
    size: config.fontSize,
    leading: 1.38,
    color: [0.1, 0.1, 0.12],
    accent: [0.09, 0.23, 0.42],
    muted: [0.38, 0.38, 0.42],
    link: [0.08, 0.3, 0.62],
  };
}

/** State shared while laying out one document. */
export interface LayoutContext {
  fonts: FontSet;
  type: Typography;
  /** Content width in points. */
  width: number;
  /** Footnote identifier → display number (in order of first reference). */
  notes: Map<string, number>;
  /** Heading counter for anchor ids. */
  headingCount: number;
  /** Deepest heading level in the outline. */
  tocDepth: number;
}

interface BlockEnv {
  indent: number;
  base: Style;
  justify: boolean;
}

const withFace = (style: Style, change: Partial<Face>): Style => ({ ...style, face: { ...style.face, ...change } });

/** Plain text of phrasing content (for outline titles and table measuring). */
export function plainText(nodes: readonly (PhrasingContent | RootContent)[]): string {
  return nodes.map((n) => ('value' in n && typeof n.value === 'string' ? n.value : 'children' in n ? plainText(n.children as PhrasingContent[]) : '')).join('');
}

/** Flattens inline Markdown into styled spans. */
export function toSpans(nodes: readonly PhrasingContent[], style: Style, ctx: LayoutContext): Span[] {
  const out: Span[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case 'text': out.push({ text: n.value.replace(/[\r\n]+/g, ' '), style }); break;
      case 'emphasis': out.push(...toSpans(n.children, withFace(style, { slant: style.face.slant === 'italic' ? 'normal' : 'italic' }), ctx)); break;
      case 'strong': out.push(...toSpans(n.children, withFace(style, { weight: 'bold' }), ctx)); break;
      case 'delete': out.push(...toSpans(n.children, style, ctx)); break;
      case 'inlineCode': out.push({ text: n.value, style: { ...withFace(style, { family: 'mono' }), size: style.size * 0.92 } }); break;
      case 'break': out.push({ text: '\n', style }); break;
      case 'link':
        out.push(...toSpans(n.children, isSafeUrl(n.url) ? { ...style, link: n.url, color: ctx.type.link } : style, ctx));
        break;
      case 'footnoteReference': {
        const id = n.identifier;
        if (!ctx.notes.has(id)) ctx.notes.set(id, ctx.notes.size + 1);
        out.push({ text: String(ctx.notes.get(id)), style: { ...style, size: style.size * 0.62, rise: style.size * 0.36, goto: `note-${id}`, color: ctx.type.link } });
        break;
      }
      case 'image': out.push({ text: `[${n.alt ?? 'image'}]`, style }); break;
      case 'imageReference': out.push({ text: `[${n.alt ?? 'image'}]`, style }); break;
      case 'linkReference': out.push(...toSpans(n.children, style, ctx)); break;
      case 'html': out.push({ text: n.value, style }); break;
      default: break;
    }
  }
  return out;
}

function linesToBoxes(lines: Line[], indent: number, spaceBefore: number, keepAll: boolean): Box[] {
  const n = lines.length;
  return lines.map((line, i) => ({
    height: line.height,
    spaceBefore: i === 0 ? spaceBefore : 0,
    // Orphans: the first line keeps with the second; widows: the last two stay together.
    keepWithNext: keepAll || (n > 1 && (i === 0 || i === n - 2)),
    frags: line.pieces.map((p) => ({ x: indent + p.x, y: line.baseline - (p.style.rise ?? 0), text: p.text, style: p.style, width: p.width })),
    rects: [],
  }));
}

function paragraphBoxes(spans: Span[], env: BlockEnv, ctx: LayoutContext, spaceBefore: number): Box[] {
  const lines = breakLines(spans, ctx.fonts, { width: ctx.width - env.indent, justify: env.justify, leading: ctx.type.leading, hyphenate: env.justify });
  return linesToBoxes(lines, env.indent, spaceBefore, false);
}

/** Lays out block content (the children of the root, a list item or a block quote). */
export function layoutBlocks(nodes: readonly (RootContent | BlockContent | DefinitionContent)[], env: BlockEnv, ctx: LayoutContext): Box[] {
  const out: Box[] = [];
  const t = ctx.type;
  const para = t.size * 0.62;
  for (const [i, node] of nodes.entries()) {
    switch (node.type) {
      case 'paragraph': {
        const boxes = paragraphBoxes(toSpans(node.children, env.base, ctx), env, ctx, para);
        // A paragraph of a line or two under a heading introduces what follows ("Discussed by 5 of 5
        // sources"): it goes to the next page with it rather than end a page under its heading.
        if (nodes[i - 1]?.type === 'heading' && boxes.length <= 2 && nodes[i + 1]) boxes[boxes.length - 1]!.keepWithNext = true;
        out.push(...boxes);
        break;
      }
      case 'heading': {
        const level = Math.max(2, node.depth);
        const size = level === 2 ? t.size * 1.42 : level === 3 ? t.size * 1.1 : t.size;
        const style: Style = { face: t.heading('bold'), size, color: level <= 3 ? t.accent : t.color };
        const lines = breakLines(toSpans(node.children, style, ctx), ctx.fonts, { width: ctx.width - env.indent, justify: false, leading: 1.25, hyphenate: false });
        const boxes = linesToBoxes(lines, env.indent, level === 2 ? t.size * 1.5 : t.size * 1.05, true);
        const id = `h${++ctx.headingCount}`;
        if (boxes[0]) {
          boxes[0].anchor = id;
          // The outline goes one level deeper than the contents page, at least to `###`.
          if (level <= Math.max(ctx.tocDepth, 3)) boxes[0].heading = { level, title: plainText(node.children).trim() };
        }
        if (level === 2 && boxes.length) {
          const last = boxes[boxes.length - 1]!;
          last.rects.push({ x: env.indent, y: last.height + 1.5, w: ctx.width - env.indent, h: 0.6, color: t.accent });
          last.height += 3;
        }
        out.push(...boxes);
        break;
      }
      case 'list':
        out.push(...listBoxes(node, env, ctx));
        break;
      case 'blockquote': {
        const inner = layoutBlocks(node.children, { indent: env.indent + 14, base: { ...withFace(env.base, { slant: 'italic' }), color: t.muted }, justify: false }, ctx);
        inner.forEach((b) => b.rects.push({ x: env.indent + 3, y: 0, w: 1.6, h: b.height, color: [0.75, 0.78, 0.84] }));
        if (inner[0]) inner[0].spaceBefore = para;
        out.push(...inner);
        break;
      }
      case 'table':
        out.push(...tableBoxes(node, env, ctx));
        break;
      case 'thematicBreak':
        out.push({ height: t.size, spaceBefore: para, keepWithNext: false, frags: [], rects: [{ x: env.indent, y: t.size / 2, w: ctx.width - env.indent, h: 0.5, color: t.muted }] });
        break;
      case 'code': {
        const style: Style = { ...withFace(env.base, { family: 'mono', slant: 'normal' }), size: t.size * 0.88 };
        const spans: Span[] = [{ text: node.value.replace(/\n/g, '\n'), style }];
        const lines = breakLines(spans, ctx.fonts, { width: ctx.width - env.indent, justify: false, leading: 1.3, hyphenate: false });
        out.push(...linesToBoxes(lines, env.indent, para, false));
        break;
      }
      case 'html':
        out.push(...paragraphBoxes([{ text: node.value, style: env.base }], env, ctx, para));
        break;
      default:
        // Footnote definitions are laid out as notes at the end; definitions have no output.
        break;
    }
  }
  return out;
}

function listBoxes(list: List, env: BlockEnv, ctx: LayoutContext): Box[] {
  const out: Box[] = [];
  const t = ctx.type;
  const start = list.start ?? 1;
  const labelWidth = list.ordered ? ctx.fonts.width(`${start + list.children.length - 1}.`, env.base.face, env.base.size) + 6 : t.size * 1.2;
  list.children.forEach((item: ListItem, i) => {
    const label = list.ordered ? `${start + i}.` : env.indent > 0 ? '◦' : '•';
    const inner = layoutBlocks(item.children, { ...env, indent: env.indent + labelWidth }, ctx);
    if (inner.length === 0) return;
    const first = inner[0]!;
    const baseline = first.frags[0]?.y ?? t.size;
    const lw = ctx.fonts.width(label, env.base.face, env.base.size);
    const labelStyle: Style = { ...env.base, color: list.ordered ? env.base.color : t.accent };
    // Numbers align right against the text; bullets sit at the indent.
    first.frags.unshift({ x: list.ordered ? env.indent + labelWidth - 5 - lw : env.indent + 1, y: baseline, text: label, style: labelStyle, width: lw });
    first.spaceBefore = i === 0 ? t.size * 0.5 : list.spread ? t.size * 0.5 : t.size * 0.22;
    out.push(...inner);
  });
  return out;
}

function tableBoxes(table: Table, env: BlockEnv, ctx: LayoutContext): Box[] {
  const t = ctx.type;
  const size = t.size * 0.86;
  const pad = 4;
  const cellStyle: Style = { ...env.base, face: { ...env.base.face, slant: 'normal' }, size, color: t.color };
  const headStyle: Style = { face: t.heading('bold'), size, color: t.accent };
  const rows = table.children;
  const cols = Math.max(...rows.map((r) => r.children.length));
  const avail = ctx.width - env.indent;
  // Natural and minimum widths per column from the cells' text.
  const natural = new Array<number>(cols).fill(0);
  const minimum = new Array<number>(cols).fill(0);
  rows.forEach((row, ri) => row.children.forEach((cell, ci) => {
    const style = ri === 0 ? headStyle : cellStyle;
    const text = plainText(cell.children);
    natural[ci] = Math.max(natural[ci]!, ctx.fonts.width(text, style.face, style.size) + 2 * pad);
    for (const w of text.split(/\s+/)) minimum[ci] = Math.max(minimum[ci]!, Math.min(ctx.fonts.width(w, style.face, style.size) + 2 * pad, avail / cols));
  }));
  let widths: number[];
  const sumNat = natural.reduce((a, b) => a + b, 0);
  const sumMin = minimum.reduce((a, b) => a + b, 0);
  if (sumNat <= avail) widths = natural.map((w) => w + (avail - sumNat) * (w / sumNat));
  else if (sumMin >= avail) widths = minimum.map((w) => (w * avail) / sumMin);
  else {
    const flex = natural.map((w, i) => w - minimum[i]!);
    const sumFlex = flex.reduce((a, b) => a + b, 0) || 1;
    widths = minimum.map((w, i) => w + ((avail - sumMin) * flex[i]!) / sumFlex);
  }
  const boxes: Box[] = [];
  rows.forEach((row, ri) => {
    const frags: Frag[] = [];
    let x = env.indent;
    let height = 0;
    const cells = row.children.map((cell, ci) => {
      const lines = breakLines(toSpans(cell.children, ri === 0 ? headStyle : cellStyle, ctx), ctx.fonts, { width: widths[ci]! - 2 * pad, justify: false, leading: 1.3, hyphenate: true });
      const h = lines.reduce((s, l) => s + l.height, 0) + 2 * pad;
      height = Math.max(height, h);
      return lines;
    });
    cells.forEach((lines, ci) => {
      let y = pad;
      for (const l of lines) {
        for (const p of l.pieces) frags.push({ x: x + pad + p.x, y: y + l.baseline - (p.style.rise ?? 0), text: p.text, style: p.style, width: p.width });
        y += l.height;
      }
      x += widths[ci]!;
    });
    const rects: Rect[] = [{ x: env.indent, y: height - 0.4, w: avail, h: 0.4, color: [0.78, 0.8, 0.85] }];
    if (ri === 0) rects.unshift({ x: env.indent, y: 0, w: avail, h: height, color: [0.93, 0.95, 0.98] });
    // The header row keeps with the first data row, which keeps with the second.
    boxes.push({ height, spaceBefore: ri === 0 ? t.size * 0.7 : 0, keepWithNext: ri <= 1 && rows.length > 2 ? true : ri === 0, frags, rects, header: ri > 0 ? boxes[0] : undefined });
  });
  return boxes;
}

/** A box placed on a page; `y` is the distance from the content area's top to the box's top. */
export interface Placed {
  box: Box;
  y: number;
}

/** Footnotes for pagination: the note boxes a box calls, and the rule above them. */
export interface FootnoteOptions {
  notesOf: (box: Box) => Box[];
  separator: Box;
}

/**
 * Places boxes on pages of `height` points. A chain of boxes linked by `keepWithNext` moves to
 * the next page as a whole when it does not fit (unless it is taller than a page). Footnotes
 * go to the foot of the page of their first call, and the space they take is reserved as soon
 * as the calling line is placed.
 */
export function paginate(boxes: readonly Box[], height: number, footnotes?: FootnoteOptions): Placed[][] {
  const pages: Placed[][] = [[]];
  let y = 0;
  let notes: Box[] = [];
  const placedNotes = new Set<Box>();
  const notesHeight = (list: Box[]) => (list.length ? footnotes!.separator.height + list.reduce((h, b) => h + b.spaceBefore + b.height, 0) : 0);
  const finish = () => {
    // Notes stack upwards from the bottom of the content area.
    let ny = height - notesHeight(notes);
    if (notes.length) {
      pages[pages.length - 1]!.push({ box: footnotes!.separator, y: ny });
      ny += footnotes!.separator.height;
    }
    for (const b of notes) {
      ny += b.spaceBefore;
      pages[pages.length - 1]!.push({ box: b, y: ny });
      ny += b.height;
    }
  };
  const newPage = () => { finish(); pages.push([]); y = 0; notes = []; };
  const callsOf = (box: Box) => (footnotes ? footnotes.notesOf(box).filter((b) => !placedNotes.has(b) && !notes.includes(b)) : []);
  for (let i = 0; i < boxes.length; i++) {
    const box = boxes[i]!;
    if (box.breakBefore && pages[pages.length - 1]!.length > 0) newPage();
    const before = (k: number) => (k === i && y === 0 ? 0 : boxes[k]!.spaceBefore);
    const startsChain = i === 0 || !boxes[i - 1]!.keepWithNext || y === 0;
    if (startsChain && y > 0) {
      let chain = 0;
      const chainCalls: Box[] = [];
      for (let k = i; k < boxes.length; k++) {
        chain += before(k) + boxes[k]!.height;
        for (const c of callsOf(boxes[k]!)) if (!chainCalls.includes(c)) chainCalls.push(c);
        if (!boxes[k]!.keepWithNext) break;
      }
      if (y + chain + notesHeight([...notes, ...chainCalls]) > height && chain <= height) newPage();
    }
    const calls = callsOf(box);
    const fits = () => y + box.spaceBefore + box.height + notesHeight([...notes, ...calls]) <= height;
    if (y > 0 && !fits()) newPage();
    if (y === 0 && box.header && pages.length > 1) {
      // A table continues on a new page: repeat its header row first.
      pages[pages.length - 1]!.push({ box: { ...box.header, anchor: undefined, heading: undefined }, y });
      y += box.header.height;
    }
    if (y > 0) y += box.spaceBefore;
    pages[pages.length - 1]!.push({ box, y });
    y += box.height;
    for (const c of calls) { notes.push(c); placedNotes.add(c); }
  }
  finish();
  return pages;
}
