/**
 * Multiple-choice items, each with one right answer taken from the named source and three
 * distractors that are real but wrong for the question: statements other sources make (never one
 * the named source also makes on the same point), other actors, other sources, or a changed figure
 * or year. Six forms of stem, picked in turn so that none dominates.
 */
import type { Citation } from '../../model/schema.js';
import { overlap, samePoint, textKey, type Statement } from './facts.js';
import { actorInText, escapePart, mainTheme, passage, roundRobin, shown, sourceName, themeRank, themeText, type HandoutContext, type PassageView } from './context.js';
import { blankYear, datedEvents, figureIn, otherFigures, otherYears, type DatedEvent } from './figures.js';

/** The stem templates, one per way of asking. */
export type McForm = 'mc-statement' | 'mc-recommendation' | 'mc-which-source' | 'mc-figure' | 'mc-date' | 'mc-actor';

/** One option of a multiple-choice item. */
export interface McOption {
  letter: string;
  text: string;
  correct: boolean;
  /** For the key: where a distractor comes from, or why the answer is right (escaped). */
  origin: string;
  /** The statement it is, when it is one (for checks). */
  statementId: string;
  /** Source of the statement it is, when it is one (for checks). */
  sourceId: string;
}

/** A multiple-choice item. */
export interface MultipleChoiceItem {
  form: McForm;
  stem: string;
  options: McOption[];
  /** Letter of the right option. */
  answer: string;
  /** The passage that makes the right option right. */
  support: PassageView;
  /** The source the stem names (or whose statement it quotes). */
  sourceId: string;
  themeId: string | undefined;
  /** Statements used as the answer or as distractors (each is asked about once in a handout). */
  statementIds: string[];
}

interface Draft {
  form: McForm;
  stem: string;
  right: { text: string; origin: string; statementId?: string; sourceId?: string };
  wrong: { text: string; origin: string; statementId?: string; sourceId?: string }[];
  support: Citation;
  sourceId: string;
  themeId: string | undefined;
  statementIds: string[];
}

const letters = ['A', 'B', 'C', 'D'];

/** A small deterministic hash (FNV-1a), to place the right option without a pattern. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * The item with its options lettered. Figures and years read in ascending order; otherwise the
 * answer takes the letter used least so far (`used`, counts per letter), among equals the one a
 * hash of the stem picks, so answers spread over A–D without a pattern.
 */
function finish(ctx: HandoutContext, d: Draft, used: number[]): MultipleChoiceItem {
  const value = (t: string) => Number(t.replace(/[\\,]/g, ''));
  const least = Math.min(...used);
  const free = [0, 1, 2, 3].filter((i) => used[i] === least);
  const at = free[hash(d.stem) % free.length]!;
  const ordered = d.form === 'mc-figure' || d.form === 'mc-date' ? [d.right, ...d.wrong].sort((a, b) => value(a.text) - value(b.text)) : [...d.wrong.slice(0, at), d.right, ...d.wrong.slice(at)];
  const options = ordered.map((o, i) => ({ letter: letters[i]!, text: o.text, correct: o === d.right, origin: o.origin, statementId: o.statementId ?? '', sourceId: o.sourceId ?? '' }));
  const answer = options.find((o) => o.correct)!.letter;
  used[letters.indexOf(answer)]!++;
  return { form: d.form, stem: d.stem, options, answer, support: passage(ctx, d.support), sourceId: d.sourceId, themeId: d.themeId, statementIds: d.statementIds };
}

/** Candidates of a form in an order that spreads sources: each source's best, then each one's second best … */
function spread<T>(items: readonly T[], sourceOf: (x: T) => string, ctx: HandoutContext): T[] {
  const rank = new Map<string, number>();
  return items
    .map((x, i) => {
      const s = sourceOf(x);
      const k = rank.get(s) ?? 0;
      rank.set(s, k + 1);
      return { x, i, k, n: ctx.number.get(s) ?? 0 };
    })
    .sort((a, b) => a.k - b.k || a.n - b.n || a.i - b.i)
    .map(({ x }) => x);
}

/** Statements of other sources that make no point the named source makes, closest in kind, theme and length first. */
function distractors(ctx: HandoutContext, right: Statement, pool: readonly Statement[], n: number, prefer: (s: Statement) => number): Statement[] {
  const own = ctx.all.filter((s) => s.sourceId === right.sourceId);
  const picked: Statement[] = [];
  const candidates = pool
    .filter((s) => s.sourceId !== right.sourceId && !ctx.used.has(s.id) && !ctx.used.has(textKey(s.text)) && !own.some((o) => samePoint(o, s)))
    .map((s, i) => ({ s, i, p: prefer(s), d: Math.abs(s.length - right.length) }))
    .sort((a, b) => b.p - a.p || a.d - b.d || a.i - b.i);
  for (const { s } of candidates) {
    if (picked.length >= n) break;
    // Two distractors making one point would let a student rule both out at once.
    if (picked.some((p) => samePoint(p, s) || p.text === s.text)) continue;
    picked.push(s);
  }
  return picked;
}

const fromOther = (ctx: HandoutContext, s: Statement, label: string) => `${label} by ${sourceName(ctx, s.sourceId)}, not the source named ${passage(ctx, s.citation).cite}`;

function statementItem(ctx: HandoutContext, right: Statement): Draft | null {
  const theme = mainTheme(ctx, right);
  if (!theme) return null;
  const wrong = distractors(ctx, right, ctx.usable.filter((s) => s.kind === 'finding'), 3, (s) => (s.themeIds.includes(theme) ? 1 : 0));
  if (wrong.length < 3) return null;
  return {
    form: 'mc-statement',
    stem: `Which of these statements does ${sourceName(ctx, right.sourceId)} make about ${themeText(ctx, theme)}?`,
    right: { text: shown(ctx, right), origin: 'Stated by the source named', statementId: right.id, sourceId: right.sourceId },
    wrong: wrong.map((s) => ({ text: shown(ctx, s), origin: fromOther(ctx, s, 'Stated'), statementId: s.id, sourceId: s.sourceId })),
    support: right.citation,
    sourceId: right.sourceId,
    themeId: theme,
    statementIds: [right.id, ...wrong.map((s) => s.id), ...[right, ...wrong].map((s) => textKey(s.text))],
  };
}

function recommendationItem(ctx: HandoutContext, right: Statement): Draft | null {
  const actor = right.actors[0];
  const pool = ctx.usable.filter((s) => s.kind === 'recommendation');
  const sameActor = actor ? distractors(ctx, right, pool.filter((s) => s.actors.includes(actor)), 3, () => 0) : [];
  const wrong = sameActor.length >= 3 ? sameActor : distractors(ctx, right, pool, 3, (s) => s.themeIds.filter((t) => right.themeIds.includes(t)).length);
  if (wrong.length < 3) return null;
  const name = sourceName(ctx, right.sourceId);
  return {
    form: 'mc-recommendation',
    stem: sameActor.length >= 3 ? `What does ${name} recommend that ${actorInText(ctx, actor!)} do?` : `Which of these recommendations does ${name} make?`,
    right: { text: shown(ctx, right), origin: 'Recommended by the source named', statementId: right.id, sourceId: right.sourceId },
    wrong: wrong.map((s) => ({ text: shown(ctx, s), origin: fromOther(ctx, s, 'Recommended'), statementId: s.id, sourceId: s.sourceId })),
    support: right.citation,
    sourceId: right.sourceId,
    themeId: mainTheme(ctx, right),
    statementIds: [right.id, ...wrong.map((s) => s.id), ...[right, ...wrong].map((s) => textKey(s.text))],
  };
}

/** "Which source makes this point?": only for a point no other source makes; the other options are sources on the same theme. */
function whichSourceItem(ctx: HandoutContext, right: Statement): Draft | null {
  const sources = ctx.brief.sources;
  if (sources.length < 4) return null;
  if (ctx.all.some((s) => s.sourceId !== right.sourceId && (samePoint(s, right) || overlap(s.words, right.words) >= 0.4))) return null;
  const theme = mainTheme(ctx, right);
  const onTheme = new Set(theme ? ctx.brief.themes.find((t) => t.id === theme)?.sourceIds ?? [] : []);
  const others = sources
    .map((s, i) => ({ id: s.id, i, on: onTheme.has(s.id) ? 1 : 0 }))
    .filter((s) => s.id !== right.sourceId)
    .sort((a, b) => b.on - a.on || a.i - b.i)
    .slice(0, 3);
  const name = (id: string) => sourceName(ctx, id);
  return {
    form: 'mc-which-source',
    stem: `“${shown(ctx, right)}” Which source makes this point?`,
    right: { text: name(right.sourceId), origin: 'The only source that makes this point', sourceId: right.sourceId },
    wrong: others.map((o) => ({ text: name(o.id), origin: 'Discusses the subject but does not make this point', sourceId: o.id })),
    support: right.citation,
    sourceId: right.sourceId,
    themeId: theme,
    statementIds: [right.id, textKey(right.text)],
  };
}

/** "Which figure completes …": a number in a statement, blanked; the others are figures the sources give elsewhere, or changed. */
function figureItem(ctx: HandoutContext, right: Statement): Draft | null {
  const f = figureIn(right.text);
  if (!f) return null;
  const wrong = otherFigures(f, ctx.all.filter((s) => s.id !== right.id).map((s) => s.text), 3);
  if (wrong.length < 3) return null;
  return {
    form: 'mc-figure',
    stem: `${sourceName(ctx, right.sourceId)} writes: “${escapePart(ctx, f.before)}\\_\\_\\_\\_${escapePart(ctx, f.after)}” Which figure fills the gap?`,
    right: { text: ctx.deps.esc(f.value), origin: 'The figure the source gives' },
    wrong: wrong.map((w) => ({ text: ctx.deps.esc(w.value), origin: w.real ? 'A figure the sources give for another point' : 'The source’s figure, changed' })),
    support: right.citation,
    sourceId: right.sourceId,
    themeId: mainTheme(ctx, right),
    statementIds: [right.id, textKey(right.text)],
  };
}

/** "In which year …": an event of the timeline with its year blanked; the others are years of other events. */
function dateItem(ctx: HandoutContext, e: DatedEvent, events: readonly DatedEvent[]): Draft | null {
  const blank = blankYear(e);
  if (!blank) return null;
  const wrong = otherYears(e.year, events.map((x) => x.year), 3);
  if (wrong.length < 3) return null;
  return {
    form: 'mc-date',
    stem: `${sourceName(ctx, e.sourceId)}: “${escapePart(ctx, blank.before)}\\_\\_\\_\\_${escapePart(ctx, blank.after)}” Which year belongs in the gap?`,
    right: { text: String(e.year), origin: 'The year the source gives' },
    wrong: wrong.map((y) => ({ text: String(y), origin: 'The year of another event in the sources' })),
    support: e.citation,
    sourceId: e.sourceId,
    themeId: undefined,
    statementIds: [e.id, textKey(e.text)],
  };
}

/** "Which actor should …": a recommendation's action; the other options are actors the sources advise on other points. */
function actorItem(ctx: HandoutContext, right: Statement, actors: readonly string[]): Draft | null {
  if (right.actors.length !== 1 || actors.length < 4) return null;
  const actor = right.actors[0]!;
  const action = actionOf(ctx, right);
  // An action that names its actor gives the answer away.
  if (!action || action.toLowerCase().includes(actor.toLowerCase())) return null;
  const own = ctx.all.filter((s) => s.sourceId === right.sourceId && s.kind === 'recommendation');
  const wrong = actors.filter((a) => a !== actor && !action.toLowerCase().includes(a.toLowerCase()) && !own.some((s) => s.actors.includes(a) && samePoint(s, right))).slice(0, 3);
  if (wrong.length < 3) return null;
  const cap = (t: string) => t.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  return {
    form: 'mc-actor',
    stem: `${sourceName(ctx, right.sourceId)} says one actor should “${ctx.deps.esc(action)}”. Which actor?`,
    right: { text: cap(actorInText(ctx, actor)), origin: 'The actor the source addresses' },
    wrong: wrong.map((a) => ({ text: cap(actorInText(ctx, a)), origin: 'Advised by the sources, but not to do this' })),
    support: right.citation,
    sourceId: right.sourceId,
    themeId: mainTheme(ctx, right),
    statementIds: [right.id, textKey(right.text)],
  };
}

/** The action of a recommendation as a verb phrase ("integrate with …"), when the model's reads as one. */
function actionOf(ctx: HandoutContext, s: Statement): string | null {
  const r = ctx.brief.recommendations.find((x) => x.id === s.id.split('@')[0]);
  const a = (r?.action ?? '').replace(/^[^\p{L}]+/u, '').replace(/\s+/g, ' ').trim();
  const n = a.split(' ').length;
  if (n < 5 || n > 30 || !/^\p{Ll}/u.test(a) || /^(?:and|or|but|as|only|also|be|a|an|the|to|instead|change)\b/.test(a)) return null;
  // A verb phrase: in the sentence, a modal ("should", "must", "needs to" …) comes right before it.
  const at = s.text.indexOf(a);
  if (at < 0 || !/\b(?:should|must|ought to|needs? to|has to|have to|is expected to|are expected to)\s+$/i.test(s.text.slice(0, at))) return null;
  return a.replace(/[.;,]$/, '');
}

/** The multiple-choice items of a handout (at most `limit`, no form more than `perForm` times). */
export function multipleChoice(ctx: HandoutContext, limit: number, perForm: number): MultipleChoiceItem[] {
  const byRank = (xs: Statement[]) => [...xs].sort((a, b) => themeRank(ctx, mainTheme(ctx, a)) - themeRank(ctx, mainTheme(ctx, b)));
  const findings = spread(byRank(ctx.usable.filter((s) => s.kind === 'finding')), (s) => s.sourceId, ctx);
  const recs = spread(ctx.usable.filter((s) => s.kind === 'recommendation'), (s) => s.sourceId, ctx);
  const advised = new Map<string, number>();
  for (const s of ctx.all) for (const a of s.actors) advised.set(a, (advised.get(a) ?? 0) + 1);
  const actors = [...advised].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en')).map(([a]) => a);
  const events = datedEvents(ctx);
  const eventsSpread = spread(events, (e) => e.sourceId, ctx);
  const forms: (() => Draft | null)[][] = [
    findings.map((s) => () => statementItem(ctx, s)),
    recs.map((s) => () => recommendationItem(ctx, s)),
    [...findings].reverse().map((s) => () => whichSourceItem(ctx, s)),
    spread([...ctx.usable].filter((s) => figureIn(s.text)), (s) => s.sourceId, ctx).map((s) => () => figureItem(ctx, s)),
    recs.map((s) => () => actorItem(ctx, s, actors)),
    eventsSpread.map((e) => () => dateItem(ctx, e, events)),
  ];
  const lettersUsed = [0, 0, 0, 0];
  return roundRobin(forms, limit, perForm, ctx.used).map((d) => finish(ctx, d, lettersUsed));
}
