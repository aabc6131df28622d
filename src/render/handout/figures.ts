/**
 * Figures and years in the sources' sentences, for items that blank one out ("the loan share rose
 * … to ____ percent"): where the figure is, and plausible wrong values (figures the sources give
 * for other points, or the figure changed), never one that would also be right.
 */
import type { Citation } from '../../model/schema.js';
import type { HandoutContext } from './context.js';

/** A figure in a sentence: its value as printed, its unit, and the text either side of it. */
export interface Figure {
  value: string;
  num: number;
  unit: string;
  before: string;
  after: string;
}

const figureRe = /(?<![\p{L}\p{N}.,/-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?=\s*(%|percent\b|per cent\b|million\b|billion\b|months?\b|days\b|weeks\b|years\b|times\b))/gu;

const unitOf = (u: string) => (u === '%' || u === 'per cent' ? 'percent' : u.replace(/s$/, ''));
const parse = (v: string) => Number(v.replace(/,/g, ''));

/** All figures in a text, in order. */
function figuresIn(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(figureRe)) {
    const num = parse(m[1]!);
    out.push({ value: m[1]!, num, unit: unitOf(m[2]!), before: text.slice(0, m.index!), after: text.slice(m.index! + m[1]!.length) });
  }
  return out;
}

/** The figure of a sentence to ask about: one with a unit, not a year, printed once in the sentence. */
export function figureIn(text: string): Figure | null {
  const all = figuresIn(text);
  return all.find((f) => !(f.num >= 1900 && f.num <= 2099 && !/,/.test(f.value)) && f.num > 0 && all.filter((g) => g.value === f.value).length === 1) ?? null;
}

/** Prints a value as the right answer is printed (same decimals, thousands separators). */
function like(f: Figure, v: number): string {
  const decimals = /\.(\d+)$/.exec(f.value)?.[1]?.length ?? 0;
  const s = v.toFixed(decimals);
  return /,/.test(f.value) ? Number(s).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }) : s;
}

/**
 * Wrong values for a figure: the same unit's figures the sources give elsewhere, nearest in size
 * first, then the figure changed (halved, half again, doubled …). Never the right value.
 */
export function otherFigures(f: Figure, texts: readonly string[], n: number): { value: string; real: boolean }[] {
  const seen = new Set([f.num]);
  const real: number[] = [];
  for (const t of texts) for (const g of figuresIn(t)) if (g.unit === f.unit && !seen.has(g.num) && g.num > 0 && g.num / f.num <= 4 && f.num / g.num <= 4) { seen.add(g.num); real.push(g.num); }
  real.sort((a, b) => Math.abs(Math.log(a / f.num)) - Math.abs(Math.log(b / f.num)) || a - b);
  const out = real.slice(0, n).map((v) => ({ value: like(f, v), real: true }));
  const cap = f.unit === 'percent' ? 100 : Infinity;
  for (const factor of [0.5, 1.5, 2, 0.75, 1.25, 3]) {
    if (out.length >= n) break;
    const v = Number(like(f, f.num * factor).replace(/,/g, ''));
    if (v <= 0 || v > cap || seen.has(v)) continue;
    seen.add(v);
    out.push({ value: like(f, v), real: false });
  }
  return out.length >= n ? out : [];
}

/** An event of the timeline whose sentence prints its year once: for items that blank the year. */
export interface DatedEvent {
  id: string;
  year: number;
  text: string;
  sourceId: string;
  citation: Citation;
}

/** The timeline's events that read as whole sentences and (unless `all`) are not shown elsewhere in the student handout. */
export function datedEvents(ctx: HandoutContext, all = false): DatedEvent[] {
  const shown = (all ? [] : ctx.deps.visible).map((v) => v.toLowerCase().replace(/\s+/g, ' '));
  const out: DatedEvent[] = [];
  const texts = new Set<string>();
  ctx.brief.timeline.forEach((e, i) => {
    const m = /^(\d{4})(?:-|$)/.exec(e.date);
    const text = e.text.replace(/\s+/g, ' ').trim();
    const words = text.split(' ').length;
    if (!m || texts.has(text) || words < 8 || words > 45) return;
    if (!/^[\p{Lu}“"]/u.test(text) || !/[.!?]["”’)]?$/.test(text) || /https?:|www\.|\*\*/.test(text) || !ctx.deps.standsAlone(text)) return;
    if ((text.match(new RegExp(`\\b${m[1]}\\b`, 'g')) ?? []).length !== 1 || shown.some((v) => v.includes(text.toLowerCase().slice(0, 60)))) return;
    texts.add(text);
    out.push({ id: `E${i + 1}`, year: Number(m[1]), text, sourceId: e.citations[0]!.sourceId, citation: e.citations[0]! });
  });
  return out;
}

/** The event's sentence either side of its year. */
export function blankYear(e: DatedEvent): { before: string; after: string } | null {
  const m = new RegExp(`\\b${e.year}\\b`).exec(e.text);
  return m ? { before: e.text.slice(0, m.index), after: e.text.slice(m.index + 4) } : null;
}

/** Years of other events, nearest first; years either side when the sources give too few. */
export function otherYears(year: number, years: readonly number[], n: number): number[] {
  const real = [...new Set(years)].filter((y) => y !== year && Math.abs(y - year) <= 30).sort((a, b) => Math.abs(a - year) - Math.abs(b - year) || a - b);
  const out = real.slice(0, n);
  for (const d of [1, -1, 2, -2, 3, -3, 5, -5]) if (out.length < n && !out.includes(year + d)) out.push(year + d);
  return out;
}
