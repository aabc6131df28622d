/**
 * Which glossary entries and timeline rows a briefing shows when the model holds more than fit:
 * the most important terms (then listed alphabetically), and the happenings most sources tell
 * (then the rest spread over the whole period), listed by date.
 */
import type { GlossaryEntry, TimelineEvent } from '../model/schema.js';

const alphabetical = (a: GlossaryEntry, b: GlossaryEntry) => a.term.localeCompare(b.term, 'en') || a.definition.localeCompare(b.definition, 'en');

/** The `n` most important entries (`importance`, ties by term), in alphabetical order. */
export function glossaryToShow(entries: readonly GlossaryEntry[], n: number): GlossaryEntry[] {
  return [...entries]
    .sort((a, b) => (b.importance ?? 0) - (a.importance ?? 0) || alphabetical(a, b))
    .slice(0, n)
    .sort(alphabetical);
}

/**
 * At most `n` of the rows that read as sentences (reference-list debris, URLs and fragments stay in
 * model.json): first those told by two or more sources (most first), then the others spread evenly
 * over the period rather than the earliest few; in date order.
 */
export function timelineToShow(rows: readonly TimelineEvent[], n: number): TimelineEvent[] {
  const sentenceLike = (text: string) => /^["“]?[\p{Lu}\p{N}]/u.test(text.trim()) && !/https?:|www\.|\*/.test(text);
  const sorted = rows.map((e, i) => ({ e, i })).filter(({ e }) => sentenceLike(e.text)).sort((a, b) => a.e.date.localeCompare(b.e.date) || a.i - b.i);
  const shared = sorted
    .filter(({ e }) => (e.support ?? 1) > 1)
    .sort((a, b) => (b.e.support ?? 1) - (a.e.support ?? 1) || b.e.citations.length - a.e.citations.length || a.i - b.i)
    .slice(0, n);
  const taken = new Set(shared.map(({ i }) => i));
  const rest = sorted.filter(({ i }) => !taken.has(i));
  const room = Math.min(n - shared.length, rest.length);
  const step = Math.max(1, rest.length / Math.max(1, room));
  const spread = [...new Set(Array.from({ length: room }, (_, k) => Math.floor(k * step)))].map((k) => rest[k]!);
  return [...shared, ...spread].sort((a, b) => a.e.date.localeCompare(b.e.date) || a.i - b.i).map(({ e }) => e);
}
