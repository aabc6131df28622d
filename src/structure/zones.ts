/**
 * Document zones: which part of a report each passage belongs to — cover, contents, foreword,
 * executive summary, key findings (highlights, key points, key judgements boxes), abstract,
 * introduction, methods, literature review, body, conclusions, recommendations, author bios,
 * acknowledgements, references, notes, annexes, signatories, glossary, imprint. Later stages use
 * them to decide where findings, recommendations and key messages may come from.
 *
 * How a zone is read, most trusted first:
 *   - position and layout: a run of lines ending in non-decreasing page numbers near the front is
 *     the contents, whatever its heading; the document's abstract (found by the front-matter
 *     reader) is the abstract; the text before the first heading is the cover;
 *   - headings: a heading whose words name a zone opens it (zone-names.ts), and a sub-heading
 *     that names nothing stays in the zone of the heading above it (by level); a heading naming
 *     the document's own title opens the cover (a title page);
 *   - wording, where a part has no telling heading: a part that opens by presenting a person
 *     ("Jane Doe is a senior fellow at …") is a bio; notices ("© 2024", "Published in 2024 by",
 *     ISBN, licence lines) are the imprint; the lines after a letter's "Sincerely," are signatories.
 *
 * API for analyzers (pure): {@link zonesOf} computes the zones of a structured source, and
 * {@link zoneAt} / {@link zoneKindAt} answer which zone an offset lies in (binary search over the
 * zones, which cover the text in order without overlap). Zones are written to model.json per source.
 */
import type { Paragraph, Span, StructuredSource } from '../model/document.js';
import type { Zone, ZoneKind } from '../model/schema.js';
import { headingCandidate } from './headings.js';
import { plainOf, toLines } from './lines.js';
import { headingWords, zoneOfHeading } from './zone-names.js';

export type { Zone, ZoneKind } from '../model/schema.js';
export { zoneOfHeading } from './zone-names.js';

/** What zonesOf reads of a structured source. */
export type ZoneInput = Pick<StructuredSource, 'source' | 'metadata' | 'sections' | 'paragraphs' | 'references'>;

/** Zones whose text is about the document or its makers, not its subject: no finding, advice or key message comes from them. */
export const APART_ZONES: ReadonlySet<ZoneKind> = new Set<ZoneKind>(['cover', 'contents', 'bios', 'acknowledgements', 'references', 'notes', 'glossary', 'imprint', 'signatories']);

/** Zones in which a report states its own headline findings, most telling first. */
export const SUMMARY_ZONES: readonly ZoneKind[] = ['key-findings', 'executive-summary', 'abstract', 'conclusions'];

/** Zones printed as a box or a front part under a short label of their own. */
const BOXES: ReadonlySet<ZoneKind> = new Set<ZoneKind>(['key-findings', 'executive-summary', 'contents', 'bios', 'acknowledgements', 'foreword', 'signatories', 'abstract']);

/** Boxes whose label may stand over a title of their own ("SHORT SUMMARY" above "Towards a human-centred approach …"). */
const LABELS: ReadonlySet<ZoneKind> = new Set<ZoneKind>(['key-findings', 'executive-summary', 'abstract']);

/** Zones that may follow a reference list as its sub-headings; any other name there is an entry's words. */
const BACK_MATTER: ReadonlySet<ZoneKind> = new Set<ZoneKind>(['annexes', 'bios', 'acknowledgements', 'imprint', 'signatories', 'glossary', 'notes', 'references']);

/** A heading where a zone may begin. */
interface Boundary {
  at: number;
  title: string;
  /** Level of the heading, or null when nothing says (a plain line naming a zone). */
  level: number | null;
  named: ZoneKind | null;
}

/** A stretch of text with one zone, before adjacent stretches are merged. */
interface Piece extends Span {
  kind: ZoneKind;
  heading?: string;
  /** True when the kind came from an enclosing heading or is the default, not from this piece's own heading. */
  inherited: boolean;
}

/** The zones of one source, in order, covering its text. Pure. */
export function zonesOf(doc: ZoneInput): Zone[] {
  const text = doc.source.text;
  if (!text.length) return [];
  const boundaries = boundariesOf(doc);
  let pieces = piecesOf(doc, boundaries);
  pieces = byWording(doc, pieces);
  const abstract = doc.metadata.abstractSpan;
  // the abstract the front-matter reader found, where no heading already says what that text is
  const labelled = abstract && (!(doc.source.pageStarts?.length) || /\babstract\b|\bsummary\b/i.test(text.slice(Math.max(0, abstract.start - 300), abstract.start + 20)));
  if (abstract && labelled && abstract.end > abstract.start && pieces.some((p) => p.start <= abstract.start && abstract.start < p.end && (p.kind === 'cover' || p.kind === 'body'))) pieces = paint(pieces, abstract.start, abstract.end, 'abstract');
  for (const run of contentsRuns(doc, boundaries)) pieces = paint(pieces, run.start, run.end, 'contents', run.heading);
  if (doc.references.length && !pieces.some((p) => p.kind === 'references')) {
    const first = doc.references[0];
    pieces = paint(pieces, first.start, Math.max(...doc.references.map((r) => r.end)), 'references');
  }
  return merge(pieces, text).map((p) => ({ kind: p.kind, start: p.start, end: p.end, page: pageOf(doc, p.start), ...(p.heading ? { heading: p.heading } : {}) }));
}

const memo = new WeakMap<object, Zone[]>();

/** The zones of a source: those structure stored, else computed once per source. */
export function zonesFor(doc: ZoneInput & { zones?: Zone[] }): Zone[] {
  if (doc.zones) return doc.zones;
  let z = memo.get(doc);
  if (!z) memo.set(doc, (z = zonesOf(doc)));
  return z;
}

/** The zone the offset lies in, or null outside the text. */
export function zoneAt(doc: ZoneInput & { zones?: Zone[] }, offset: number): Zone | null {
  const zones = zonesFor(doc);
  let lo = 0;
  let hi = zones.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const z = zones[mid];
    if (offset < z.start) hi = mid - 1;
    else if (offset >= z.end) lo = mid + 1;
    else return z;
  }
  return null;
}

/** The kind of zone the offset lies in ('body' outside every zone). */
export function zoneKindAt(doc: ZoneInput & { zones?: Zone[] }, offset: number): ZoneKind {
  return zoneAt(doc, offset)?.kind ?? 'body';
}

function pageOf(doc: ZoneInput, offset: number): number | null {
  const starts = doc.source.pageStarts;
  if (!starts?.length) return null;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Section headings, and lines naming a zone that structure did not make a section (a "Key Points" box read as the title). */
function boundariesOf(doc: ZoneInput): Boundary[] {
  const out: Boundary[] = doc.sections.map((s) => {
    let named = zoneOfHeading(s.heading);
    // structure checked that the list under it is one (a "Sources" column of a table is not)
    if (s.kind === 'references' && !named) named = 'references';
    if (named === 'references' && s.kind !== 'references' && s.kind !== 'notes') named = null;
    return { at: s.headingStart, title: s.heading, level: s.level, named };
  });
  // Once an organisation presents itself in the back half ("About the OECD"), a part headed by its
  // name after that ("OECD Legal Instruments") is more of its notice, not the report's content.
  let presenter: RegExp | null = null;
  for (const b of out) {
    const about = b.named === 'imprint' && b.at > doc.source.text.length / 2 ? /^[Aa]bout\s+(?:[Tt]he\s+)?(\p{Lu}[\p{L}&.’'-]*(?:\s+\p{Lu}[\p{L}&.’'-]*){0,3})$/u.exec(b.title.trim()) : null;
    if (about) presenter = new RegExp(`(?:^|\\s)${about[1]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\s|$)`, 'u');
    else if (presenter && !b.named && presenter.test(b.title)) b.named = 'imprint';
  }
  const starts = new Set(out.map((b) => b.at));
  for (const line of toLines(doc.source.text)) {
    if (line.role === 'blank' || line.text.length > 80 || starts.has(line.start)) continue;
    const c = headingCandidate(line.text);
    if (!c) continue;
    const named = zoneOfHeading(c.title);
    if (!named || named === 'references' || named === 'notes') continue;
    // a plain line ("Data collection" in a diagram) is believed only when it names a box or front part
    if (c.strength === 'plain' && !BOXES.has(named)) continue;
    out.push({ at: line.start, title: c.title, level: c.strength === 'markdown' ? c.level : null, named });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** One piece per heading; a heading naming no zone takes the zone of the nearest enclosing heading. */
function piecesOf(doc: ZoneInput, boundaries: readonly Boundary[]): Piece[] {
  const text = doc.source.text;
  const title = headingWords(doc.metadata.title ?? '');
  const pieces: Piece[] = [];
  const firstAt = boundaries.length ? boundaries[0].at : text.length;
  if (firstAt > 0) {
    // before the first heading: the title page, unless the source is prose without headings
    const paginated = (doc.source.pageStarts?.length ?? 0) > 1;
    const short = firstAt <= Math.max(1500, text.length * 0.15) || (paginated && firstAt <= (doc.source.pageStarts![1] ?? 0));
    pieces.push({ start: 0, end: firstAt, kind: short ? 'cover' : 'body', inherited: true });
  }
  const open: { level: number; kind: ZoneKind }[] = [];
  // A named heading with nothing under it before the next heading ("SHORT SUMMARY" over the
  // summary's own title) labels what follows: the next heading that names nothing is inside it.
  let label: ZoneKind | null = null;
  boundaries.forEach((b, i) => {
    const end = i + 1 < boundaries.length ? boundaries[i + 1].at : text.length;
    if (end <= b.at) return;
    const labelled = label;
    label = null;
    // A line of a pull quote or a sentence broken across lines read as a heading ("Education is,",
    // "at its heart, students …"): it opens nothing, the text goes on in the zone it is in.
    if (!b.named && pieces.length && cutSentence(b.title)) {
      pieces.push({ start: b.at, end, kind: pieces[pieces.length - 1].kind, inherited: true });
      return;
    }
    let kind: ZoneKind;
    let inherited = false;
    const parent = b.level === null ? undefined : [...open].reverse().find((o) => o.level < b.level!);
    if (b.named && !(parent && (parent.kind === 'references' || parent.kind === 'notes') && !BACK_MATTER.has(b.named))) kind = b.named;
    else if (namesTitle(b.title, title) && b.at < Math.max(2000, text.length * 0.1)) kind = 'cover';
    else if (labelled) {
      kind = labelled;
      inherited = true;
    } else {
      kind = parent && parent.kind !== 'cover' ? parent.kind : 'body';
      inherited = true;
    }
    if (b.named && LABELS.has(b.named) && !/\S/.test(text.slice(headingLineEnd(text, b.at), end))) label = b.named;
    // a heading naming a zone ends the zones above it: "Introduction" after a "Highlights" box is not inside the box
    if (b.named) for (let k = open.length - 1; k >= 0; k--) if (open[k].kind !== 'body' && open[k].kind !== b.named) open.splice(k, 1);
    if (b.level !== null) {
      while (open.length && open[open.length - 1].level >= b.level) open.pop();
      open.push({ level: b.level, kind });
    }
    pieces.push({ start: b.at, end, kind, heading: b.title, inherited });
  });
  return pieces;
}

/** End of the line a heading starts on. */
function headingLineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl;
}

/**
 * A "heading" that is a piece of a sentence: it opens in lower case, or ends in a comma or a word
 * that cannot end a title ("Education is,", "about human", "‘if’ but rather").
 */
function cutSentence(title: string): boolean {
  const t = title.trim();
  return /^[‘'“"(]?\p{Ll}/u.test(t) || /[,;]$/.test(t) || /\b(?:is|are|was|were|the|a|an|of|to|and|or|but|rather|than|its|their|that|which|with|by|for|in|on|at)$/i.test(t);
}

/** Does a heading print the document's title (or the first line of it, when the title runs over lines)? */
function namesTitle(heading: string, title: string): boolean {
  if (!title) return false;
  const h = headingWords(heading);
  return h === title || (h.split(' ').length >= 3 && (title.startsWith(`${h} `) || h.startsWith(`${title} `)));
}

/** A person presented: "Jane Doe is a senior fellow at …", "Dr. Ali Khan is Director of …". */
const bioOpening = /^(?:(?:dr|prof|professor|mr|ms|mrs|sir|dame)\.?\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|van|von|da|del|al|bin|ibn)){1,4},?\s+(?:is|was|has been|serves as|works as|currently serves as)\s+(?:\S+\s+){0,6}?(?:fellow|director|professor|lecturer|researcher|research(?:er)? associate|associate|founder|co-?founder|partner|analyst|head|chief|editor|consultant|advis[eo]r|specialist|scholar|chair|chairman|chairperson|dean|manager|officer|coordinator|co-ordinator|president|vice-president|student|candidate|member|economist|scientist|journalist|author|expert|lead|leader|principal|programme|program|executive|secretary|convenor|practitioner)\b/u;

/** Notices printed on a document: copyright, licence, ISBN, publication and disclaimer lines. */
const notice = /^(?:©|\(c\)\s|copyright\b|published (?:in \d{4} )?by\b|isbn\b|issn\b|all rights reserved|this (?:publication|work|report) is (?:available|licensed)|the designations employed|the (?:ideas|views|opinions) (?:and opinions )?expressed|cover (?:photo|image|design)|photo credits?|printed (?:in|by)\b|design(?:ed)? (?:and layout )?by\b|layout\b.*\bby\b|suggested citation|please cite)/i;

/** A disclaimer of views, wherever it stands in its paragraph ("… do not necessarily reflect the official views of …"). */
const disclaimer = /\bdo(?:es)? not necessarily (?:reflect|represent|constitute)\b/i;

/** Paragraphs of a piece. */
function paragraphsIn(doc: ZoneInput, p: Span): Paragraph[] {
  return doc.paragraphs.filter((x) => x.start >= p.start && x.start < p.end);
}

/** Parts read by their wording: bios and imprint where no heading names them, signatories after a letter's closing. */
function byWording(doc: ZoneInput, pieces: Piece[]): Piece[] {
  const text = doc.source.text;
  let out = pieces.map((p) => {
    if (p.kind !== 'body' && p.kind !== 'cover' && p.kind !== 'imprint') return p;
    const paras = paragraphsIn(doc, p);
    if (!paras.length) return p;
    if (bioOpening.test(paras[0].text.slice(0, 400))) return { ...p, kind: 'bios' as ZoneKind };
    const notices = paras.filter((x) => notice.test(x.text)).length;
    if (p.kind === 'body' && notices >= Math.max(1, paras.length / 2)) return { ...p, kind: 'imprint' as ZoneKind };
    return p;
  });
  // Paragraphs near the front or back that present a person or print a notice, inside a part with no telling heading.
  const front = Math.min(text.length * 0.15, (doc.source.pageStarts?.[2] ?? text.length * 0.15));
  const back = text.length * 0.8;
  for (const para of doc.paragraphs) {
    if (para.start > front && para.start < back) continue;
    const here = out.find((p) => p.start <= para.start && para.start < p.end);
    if (!here || (here.kind !== 'body' && here.kind !== 'cover')) continue;
    if (bioOpening.test(para.text.slice(0, 400))) out = paint(out, para.start, para.end, 'bios');
    else if (notice.test(para.text)) out = paint(out, para.start, para.end, 'imprint');
  }
  // A page of notices (the imprint behind a cover, a back page): where two or more of a front or
  // back page's paragraphs are notices, and a third of them or more, its other paragraphs (a
  // citation line, an address, "for access to …") are imprint too.
  const starts = doc.source.pageStarts ?? [];
  for (let pg = 0; pg < starts.length && starts.length > 3; pg++) {
    if (pg > 2 && pg < starts.length - 2) continue;
    const paras = doc.paragraphs.filter((x) => x.start >= starts[pg] && x.start < (starts[pg + 1] ?? text.length));
    const notices = paras.filter((x) => notice.test(x.text) || disclaimer.test(x.text)).length;
    if (notices < 2 || notices < paras.length / 3) continue;
    for (const para of paras) {
      // (the cover page itself keeps its title and opening text in the cover)
      const kind = out.find((p) => p.start <= para.start && para.start < p.end)?.kind;
      if (kind === 'body' || (kind === 'cover' && pg > 0)) out = paint(out, para.start, para.end, 'imprint');
    }
  }
  // A letter's closing: the names under "Sincerely," are its signatories, to the end of that part.
  const closing = /^(?:(?:yours )?sincerely|yours (?:faithfully|truly)|respectfully(?: yours)?|signed|with (?:kind |best )?regards|in solidarity)[,:]?$/i;
  for (const line of toLines(text)) {
    if (line.role === 'blank' || line.start < text.length * 0.5 || !closing.test(plainOf(line.text))) continue;
    const here = out.find((p) => p.start <= line.start && line.start < p.end);
    if (here && (here.kind === 'body' || here.kind === 'conclusions' || here.kind === 'recommendations')) out = paint(out, line.start, here.end, 'signatories');
    break;
  }
  return out;
}

/** A contents line: words, then a page number (after dot leaders or spaces). */
const contentsLine = /^(?:[\p{L}\p{N}"“‘'(].*?\p{L}.*?)(?:\s*(?:\.\s?){2,}|…+|\s)\s*(\d{1,3})$/u;

/**
 * `contentsLine` on a line, tried only when the line ends in a digit: its two lazy runs make a
 * failing match quadratic in the line's length, and most lines (long paragraphs) fail at the end.
 */
function contentsMatch(t: string): RegExpExecArray | null {
  const last = t.charCodeAt(t.length - 1);
  return last >= 48 && last <= 57 ? contentsLine.exec(t) : null;
}

/**
 * Runs of contents lines near the front: four or more lines ending in page numbers that mostly do
 * not decrease, with at most two other lines between them (a wrapped entry, a part title).
 */
export function contentsLineRuns(text: string, pageStarts: readonly number[] | undefined): Span[] {
  const limit = Math.max(text.length * 0.4, pageStarts?.[Math.min(8, pageStarts.length - 1)] ?? 0);
  const lines = toLines(text).filter((l) => l.role !== 'blank' && l.start < limit);
  const runs: Span[] = [];
  let i = 0;
  while (i < lines.length) {
    const m = contentsMatch(plainOf(lines[i].text));
    if (!m) { i++; continue; }
    const hits = [{ line: lines[i], page: Number(m[1]) }];
    let j = i + 1;
    let gap = 0;
    for (; j < lines.length && gap <= 2; j++) {
      const t = plainOf(lines[j].text);
      const mm = contentsMatch(t);
      if (mm) { hits.push({ line: lines[j], page: Number(mm[1]) }); gap = 0; }
      else if (/^\d{1,3}$/.test(t)) continue; // a page number printed on its own line
      else gap++;
    }
    if (hits.length >= 4) {
      let rising = 0;
      for (let k = 1; k < hits.length; k++) if (hits[k].page >= hits[k - 1].page) rising++;
      if (rising >= 0.75 * (hits.length - 1)) runs.push({ start: hits[0].line.start, end: hits[hits.length - 1].line.end });
    }
    i = Math.max(i + 1, hits.length >= 4 ? lines.indexOf(hits[hits.length - 1].line) + 1 : i + 1);
  }
  return runs;
}

/** Whether a line is a contents entry: words, then a page number. */
export function isContentsLine(text: string): boolean {
  return contentsMatch(plainOf(text)) !== null;
}

/** Runs of contents lines, each with the "Contents" heading just above it, which belongs to it. */
function contentsRuns(doc: ZoneInput, boundaries: readonly Boundary[]): (Span & { heading?: string })[] {
  return contentsLineRuns(doc.source.text, doc.source.pageStarts).map((run) => {
    const named = boundaries.filter((b) => b.named === 'contents' && b.at < run.start && run.start - b.at < 400).pop();
    return named ? { start: named.at, end: run.end, heading: named.title } : run;
  });
}

/** Give [start, end) the zone `kind`, splitting the pieces it overlaps. */
function paint(pieces: readonly Piece[], start: number, end: number, kind: ZoneKind, heading?: string): Piece[] {
  const out: Piece[] = [];
  let placed = false;
  for (const p of pieces) {
    if (p.end <= start || p.start >= end) { if (p.start >= end && !placed) { out.push({ start, end, kind, inherited: !heading, ...(heading ? { heading } : {}) }); placed = true; } out.push(p); continue; }
    if (p.start < start) out.push({ ...p, end: start });
    if (!placed) { out.push({ start, end, kind, inherited: !heading, ...(heading ? { heading } : p.start >= start && p.heading ? { heading: p.heading } : {}) }); placed = true; }
    if (p.end > end) out.push({ ...p, start: end, heading: undefined, inherited: true });
  }
  if (!placed) out.push({ start, end, kind, inherited: !heading, ...(heading ? { heading } : {}) });
  return out.filter((p) => p.end > p.start);
}

/** Adjacent pieces of one kind become one zone unless the later one opens with a heading of its own that names the zone. */
function merge(pieces: readonly Piece[], textOfPieces: string): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    // white space between two painted paragraphs is not a part of its own
    if (last && !p.heading && !/\S/.test(textOfPieces.slice(p.start, p.end))) { last.end = p.end; continue; }
    if (last && last.kind === p.kind && (p.inherited || p.kind === 'body') && last.end >= p.start) {
      last.end = Math.max(last.end, p.end);
      if (!last.heading && p.heading) last.heading = p.heading;
    } else out.push({ ...p });
  }
  return out.map(({ heading, ...rest }) => ({ ...rest, ...(heading ? { heading } : {}) }));
}
