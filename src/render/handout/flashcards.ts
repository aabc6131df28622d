/**
 * Flashcards for study: the glossary, each source's key findings per theme, its recommendations
 * per actor and the dated events, one card each (front: a question, back: the answer and whose it
 * is). Written as `flashcards.csv`, quoted CSV (RFC 4180) with the header lines Anki reads.
 */
import { mainTheme, sourceNameRaw, type HandoutContext } from './context.js';
import { blankYear, datedEvents } from './figures.js';

/** One card, raw text (the view escapes it). */
export interface Flashcard {
  front: string;
  back: string;
}

/** The cards of a handout, at most `limit`, fronts unique. */
export function flashcards(ctx: HandoutContext, limit: number): Flashcard[] {
  const cards: Flashcard[] = [];
  const fronts = new Set<string>();
  const add = (front: string, back: string) => {
    const f = front.replace(/\s+/g, ' ').trim();
    if (cards.length >= limit || fronts.has(f.toLowerCase())) return;
    fronts.add(f.toLowerCase());
    cards.push({ front: f, back: back.replace(/\s+/g, ' ').trim() });
  };
  const where = (sourceId: string) => sourceNameRaw(ctx, sourceId);

  const glossary = [...ctx.brief.glossary].sort((a, b) => a.term.localeCompare(b.term, 'en'));
  for (const g of glossary) {
    const front = g.kind === 'acronym' || /^[\p{Lu}\d-]+s?$/u.test(g.term) ? `What does ${g.term} stand for?` : `What is meant by “${g.term}”?`;
    add(front, `${g.definition} — ${where(g.citations[0]!.sourceId)}`);
  }

  // One finding per source and theme, strongest theme first, sources taking turns.
  const findings = ctx.usable.filter((s) => s.kind === 'finding');
  const perTheme: { front: string; back: string }[] = [];
  for (const t of ctx.deps.themeOrder) {
    for (const src of ctx.brief.sources) {
      const f = findings.find((s) => s.sourceId === src.id && mainTheme(ctx, s) === t);
      if (f) perTheme.push({ front: `What does ${where(src.id)} conclude about ${ctx.deps.themeInText.get(t)}?`, back: `${f.text} — ${where(src.id)}` });
    }
  }
  for (const c of perTheme.slice(0, 12)) add(c.front, c.back);

  const advised = new Map<string, number>();
  for (const s of ctx.all) for (const a of s.actors) advised.set(a, (advised.get(a) ?? 0) + 1);
  const actors = [...advised].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en')).map(([a]) => a);
  let recCards = 0;
  for (const a of actors.slice(0, 6)) {
    for (const src of ctx.brief.sources) {
      const r = ctx.usable.find((s) => s.kind === 'recommendation' && s.sourceId === src.id && s.actors[0] === a);
      if (r && recCards < 10) {
        add(`What does ${where(src.id)} recommend that ${ctx.deps.withArticle(a)} do?`, `${r.text} — ${where(src.id)}`);
        recCards++;
      }
    }
  }

  // Dated events spread over the whole period, one per year before a second of any year.
  const firstOfYear = new Set<string>();
  const events = datedEvents(ctx, true)
    .sort((a, b) => a.year - b.year)
    .map((e) => ({ e, again: firstOfYear.has(String(e.year)) ? 1 : (firstOfYear.add(String(e.year)), 0) }))
    .sort((a, b) => a.again - b.again || a.e.year - b.e.year)
    .map(({ e }) => e);
  for (let k = 0; k < Math.min(10, events.length); k++) {
    const e = events[k]!;
    const b = blankYear(e);
    if (b) add(`In which year? ${b.before}____${b.after}`, `${e.year} — ${where(e.sourceId)}`);
  }
  return cards;
}

/** A CSV field, always quoted, inner quotes doubled (RFC 4180). */
const field = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * Cards as CSV that Anki imports without settings: header lines naming the separator, that fields
 * are plain text, and the two columns; then one quoted `front,back` record per line, CRLF-ended.
 */
export function flashcardsCsv(cards: readonly Flashcard[]): string {
  const lines = ['#separator:Comma', '#html:false', '#columns:Front,Back', ...cards.map((c) => `${field(c.front)},${field(c.back)}`)];
  return lines.join('\r\n') + '\r\n';
}

/** Undoes the view's Markdown escaping (a backslash before a construct character), for the CSV. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\`*_[\]<>!|~&#$.)+=-])/g, '$1');
}
