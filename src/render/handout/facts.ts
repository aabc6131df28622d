/**
 * The statements a handout can ask about: each finding and recommendation of the model as one
 * citable statement of one source, with the words that tell whether two statements make the same
 * point. Questions are built only from these, so every answer has a passage to cite.
 */
import type { Brief, Citation } from '../../model/schema.js';

/** One source's statement (a finding or a recommendation), as the model gives it. */
export interface Statement {
  id: string;
  kind: 'finding' | 'recommendation';
  /** The statement as a sentence (first letter capitalised), raw text (not escaped). */
  text: string;
  sourceId: string;
  /** The citation in `sourceId` that supports it. */
  citation: Citation;
  themeIds: string[];
  /** Canonical actors a recommendation addresses (empty for findings). */
  actors: string[];
  /** Ids of statements the model says make the same point (merged or agreeing items). */
  agrees: Set<string>;
  /** Content words, for telling whether two statements make the same point. */
  words: Set<string>;
  /** Words in `text`. */
  length: number;
}

// Words that carry no point of their own: function words and the commonest verbs of report prose.
const stop = new Set(
  ('a an the and or but nor of in on at to for from by with without into onto over under about as than then that this these those which who whom whose what when where why how ' +
    'is are was were be been being has have had do does did will would shall should can could may might must ought need needs it its they them their there here ' +
    'not no also more most less least very much many such other others both each all any some one two three between within across after before since while ' +
    'per via upon so thus hence however well only even still yet ever again further already our we us you your he she his her i my')
    .split(' '),
);

/** The content words of a text: lower-cased, without function words or short tokens. */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (w.length < 3 || stop.has(w)) continue;
    // A plural and its singular are one word for this purpose.
    out.add(w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);
  }
  return out;
}

/** Share of the smaller set's words the two sets have in common (0–1). */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.min(a.size, b.size);
}

/**
 * Whether two statements make the same point: the model says so (merged or agreeing items), or
 * most of the words of the shorter one are in the other. Used to keep a distractor from being a
 * second right answer.
 */
export function samePoint(a: Statement, b: Statement): boolean {
  if (a.id === b.id || a.agrees.has(b.id) || b.agrees.has(a.id)) return true;
  return overlap(a.words, b.words) >= 0.5;
}

/** A statement capitalised as a sentence. */
export const asSentence = (text: string): string => text.replace(/^\p{Ll}/u, (c) => c.toUpperCase()).replace(/\s+/g, ' ').trim();

/** Every finding and recommendation of the brief as one statement per citing source. */
export function statementsOf(brief: Brief): Statement[] {
  const groups = new Map<string, Set<string>>();
  for (const a of brief.agreements ?? []) for (const id of a.ids) groups.set(id, new Set([...(groups.get(id) ?? []), ...a.ids]));
  const out: Statement[] = [];
  const add = (kind: Statement['kind'], item: { id: string; text: string; citations: Citation[]; themeIds: string[]; agreesWith?: string[] }, actors: string[]) => {
    const text = asSentence(item.text);
    const agrees = new Set([...(item.agreesWith ?? []), ...(groups.get(item.id) ?? [])]);
    // A merged item stated by several sources is one statement per source, each with its own passage.
    // Each source's passage is the one of its citations closest in wording to the statement.
    const words = contentWords(text);
    const best = new Map<string, { c: Citation; o: number }>();
    for (const c of item.citations) {
      const o = overlap(words, contentWords(c.quote));
      const b = best.get(c.sourceId);
      if (!b || o > b.o) best.set(c.sourceId, { c, o });
    }
    let k = 0;
    for (const [sourceId, { c }] of best) {
      out.push({ id: k++ === 0 ? item.id : `${item.id}@${sourceId}`, kind, text, sourceId, citation: c, themeIds: item.themeIds, actors, agrees, words, length: text.split(/\s+/).length });
    }
  };
  for (const f of brief.findings) add('finding', f, []);
  for (const r of brief.recommendations) add('recommendation', r, r.actors?.length ? r.actors : r.actor ? [r.actor] : []);
  return out;
}

/**
 * Whether a statement can stand in a question: a whole sentence of reasonable length that does not
 * lean on one the handout does not show, holds no URL or leftover markup, and is not a table caption.
 */
export function askable(s: Statement, standsAlone: (text: string) => boolean): boolean {
  return s.length >= 8 && s.length <= 45 && /^[\p{Lu}\p{N}“"]/u.test(s.text) && /[.!?]["”’)]?$/.test(s.text) && !/https?:|www\.|\*\*|\bTable \d|\bFigure \d|\?$/.test(s.text) && standsAlone(s.text);
}

/** A key for a sentence's wording, so two items never rest on one sentence (a finding and a dated event may share it). */
export const textKey = (text: string): string => `text:${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim().slice(0, 120)}`;
