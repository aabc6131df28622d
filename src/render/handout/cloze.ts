/**
 * Cloze items: a source's sentence with a key concept (a theme's keyphrase) or the year of an
 * event blanked out. The sentence is the source's own, so the answer is its cited passage.
 */
import { contentWords, textKey } from './facts.js';
import { escapePart, mainTheme, passage, roundRobin, sourceName, type HandoutContext, type PassageView } from './context.js';
import { blankYear, datedEvents } from './figures.js';

/** The two kinds of gap. */
export type ClozeForm = 'cloze-concept' | 'cloze-date';

/** A sentence with one gap. */
export interface ClozeItem {
  form: ClozeForm;
  /** Who wrote it: "Alam and Mustafa (Source 3)". */
  source: string;
  /** The sentence with the gap as `\_\_\_\_` (escaped). */
  text: string;
  /** What fills the gap (escaped). */
  answer: string;
  support: PassageView;
  sourceId: string;
  themeId: string | undefined;
  statementIds: string[];
}

const gap = '\\_\\_\\_\\_\\_\\_';
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Key concepts: the themes' keyphrases, strongest theme first, phrases in lower case (concepts) before names. */
function concepts(ctx: HandoutContext): { phrase: string; themeId: string }[] {
  const out: { phrase: string; themeId: string; k: number; t: number; name: number }[] = [];
  // Actors are who the sources advise, not concepts to learn.
  const seen = new Set<string>(ctx.all.flatMap((s) => s.actors.map((a) => a.toLowerCase())));
  ctx.deps.themeOrder.forEach((id, t) => {
    const theme = ctx.brief.themes.find((x) => x.id === id);
    theme?.keyphrases.forEach((p, k) => {
      const key = p.toLowerCase();
      // A concept has a word of substance; a bare acronym or a one-letter word is no gap to fill.
      if (seen.has(key) || p.length < 6 || contentWords(p).size === 0 || /^[\p{Lu}\d-]+$/u.test(p)) return;
      seen.add(key);
      out.push({ phrase: p, themeId: id, k, t, name: /^\p{Lu}/u.test(p) ? 1 : 0 });
    });
  });
  return out.sort((a, b) => a.name - b.name || a.k - b.k || a.t - b.t).map(({ phrase, themeId }) => ({ phrase, themeId }));
}

function conceptItem(ctx: HandoutContext, phrase: string, themeId: string): ClozeItem | null {
  const re = new RegExp(`(?<![\\p{L}\\p{N}-])${escapeRe(phrase)}(?![\\p{L}\\p{N}-])`, 'giu');
  // The source whose sentence is used rotates: the least used source among those that have one.
  const uses = new Map<string, number>();
  for (const id of ctx.used) {
    const s = ctx.all.find((x) => x.id === id);
    if (s) uses.set(s.sourceId, (uses.get(s.sourceId) ?? 0) + 1);
  }
  const candidates = ctx.usable
    .filter((s) => !ctx.used.has(s.id) && !ctx.used.has(textKey(s.text)) && (s.text.match(re) ?? []).length === 1 && s.themeIds.includes(themeId))
    .sort((a, b) => (uses.get(a.sourceId) ?? 0) - (uses.get(b.sourceId) ?? 0) || Math.abs(a.length - 25) - Math.abs(b.length - 25));
  const s = candidates[0] ?? ctx.usable.find((x) => !ctx.used.has(x.id) && !ctx.used.has(textKey(x.text)) && (x.text.match(re) ?? []).length === 1);
  if (!s) return null;
  const m = new RegExp(re.source, 'iu').exec(s.text)!;
  return {
    form: 'cloze-concept',
    source: sourceName(ctx, s.sourceId),
    text: `${escapePart(ctx, s.text.slice(0, m.index))}${gap}${escapePart(ctx, s.text.slice(m.index + m[0].length))}`,
    answer: ctx.deps.esc(m[0]),
    support: passage(ctx, s.citation),
    sourceId: s.sourceId,
    themeId: mainTheme(ctx, s),
    statementIds: [s.id, textKey(s.text)],
  };
}

/** The cloze items of a handout: concepts and dates in turn, at most `limit`. */
export function clozeItems(ctx: HandoutContext, limit: number, perForm: number): ClozeItem[] {
  const events = datedEvents(ctx);
  // Dates spread over the period: every k-th event of the chronological list.
  const byDate = [...events].sort((a, b) => a.year - b.year);
  const step = Math.max(1, Math.floor(byDate.length / Math.max(1, perForm)));
  const spreadDates = [...byDate.filter((_, i) => i % step === 0), ...byDate.filter((_, i) => i % step !== 0)];
  const forms: (() => ClozeItem | null)[][] = [
    concepts(ctx).map(({ phrase, themeId }) => () => conceptItem(ctx, phrase, themeId)),
    spreadDates.map((e) => () => {
      const b = blankYear(e);
      if (!b) return null;
      return {
        form: 'cloze-date' as const,
        source: sourceName(ctx, e.sourceId),
        text: `${escapePart(ctx, b.before)}${gap}${escapePart(ctx, b.after)}`,
        answer: String(e.year),
        support: passage(ctx, e.citation),
        sourceId: e.sourceId,
        themeId: undefined,
        statementIds: [e.id, textKey(e.text)],
      };
    }),
  ];
  return roundRobin(forms, limit, perForm, ctx.used);
}
