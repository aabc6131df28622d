/**
 * A reading guide per source: where its findings are, what to look for (the themes it says most
 * about, the actors it advises) and two or three questions to read with; the key points to the
 * passage that answers each.
 */
import { textKey, type Statement } from './facts.js';
import { actorInText, passage, shown, sourceName, themeRank, themeText, type HandoutContext, type PassageView } from './context.js';

/** A reading question and, for the key, the passage that answers it. */
export interface GuideQuestion {
  question: string;
  /** The source's statement that answers it (escaped). */
  answer: string;
  support: PassageView;
}

/** The guide to one source. */
export interface ReadingGuide {
  n: number;
  /** "Alam and Mustafa (Source 3)". */
  name: string;
  title: string;
  /** What to look for (escaped). */
  lookFor: string;
  questions: GuideQuestion[];
}

const sectionName = (s: string) => (/^\d+(\.\d+)*$/.test(s) ? `section ${s}` : `the “${s}” section`);


/** The reading guide of each source, in source order. */
export function readingGuides(ctx: HandoutContext): ReadingGuide[] {
  return ctx.brief.sources.map((src, i) => {
    const mine = ctx.all.filter((s) => s.sourceId === src.id);
    // Passages no question of the handout prints, so the guide's answers stay in the key.
    const free = (s: Statement) => !ctx.used.has(s.id) && !ctx.used.has(textKey(s.text));
    const usable = ctx.usable.filter((s) => s.sourceId === src.id && free(s));
    // The themes it says most about, strongest theme first among equals.
    const count = new Map<string, number>();
    for (const s of mine) for (const t of s.themeIds) if (ctx.deps.themeInText.has(t)) count.set(t, (count.get(t) ?? 0) + 1);
    const themes = [...count].sort((a, b) => b[1] - a[1] || themeRank(ctx, a[0]) - themeRank(ctx, b[0])).map(([t]) => t);
    // Where its findings are: the sections most of them come from.
    const sections = new Map<string, number>();
    for (const s of mine) if (s.kind === 'finding' && s.citation.section) sections.set(s.citation.section, (sections.get(s.citation.section) ?? 0) + 1);
    const where = [...sections].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en')).slice(0, 2).map(([s]) => ctx.deps.esc(sectionName(s.replace(/\s+/g, ' ').trim())));
    const advised = new Map<string, number>();
    for (const s of mine) for (const a of s.actors) advised.set(a, (advised.get(a) ?? 0) + 1);
    const actors = [...advised].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en')).map(([a]) => a);
    const about = themes.slice(0, 2).map((t) => themeText(ctx, t));
    const lookFor = [
      about.length ? `Look for what it says about ${about[0]}${about[1] ? `, then about ${about[1]}` : ''}.` : 'Look for its main argument.',
      actors.length ? `Note what it asks of ${ctx.deps.listed(actors.slice(0, 2).map((a) => actorInText(ctx, a)))}.` : '',
      where.length ? `Most of its findings are in ${ctx.deps.listed(where)}.` : '',
    ].filter(Boolean).join(' ');

    const questions: GuideQuestion[] = [];
    const ask = (question: string, s: Statement | undefined) => {
      if (s && !questions.some((q) => q.support.citation === s.citation)) questions.push({ question, answer: shown(ctx, s), support: passage(ctx, s.citation) });
    };
    const pick = (list: Statement[], theme?: string) => list.find((s) => !theme || s.themeIds.includes(theme)) ?? undefined;
    const findings = [...usable.filter((s) => s.kind === 'finding'), ...mine.filter((s) => s.kind === 'finding' && !usable.includes(s) && free(s))];
    if (themes[0]) ask(`What does it conclude about ${themeText(ctx, themes[0])}?`, pick(findings, themes[0]));
    const recs = [...usable, ...mine.filter(free)].filter((s) => s.kind === 'recommendation');
    if (actors[0]) ask(`What does it ask ${actorInText(ctx, actors[0])} to do, and on what grounds?`, recs.find((s) => s.actors.includes(actors[0]!)));
    else if (recs[0]) ask('What does it recommend, and on what grounds?', recs[0]);
    const second = themes.find((t) => t !== themes[0] && findings.some((s) => s.themeIds.includes(t) && !questions.some((q) => q.support.citation === s.citation)));
    if (second) ask(`How does its account of ${themeText(ctx, second)} compare with the other sources’?`, findings.find((s) => s.themeIds.includes(second) && !questions.some((q) => q.support.citation === s.citation)));
    if (questions.length < 2) ask('What is its main finding, and what evidence does it give?', findings.find((s) => !questions.some((q) => q.support.citation === s.citation)) ?? mine.find(free));
    return { n: i + 1, name: sourceName(ctx, src.id), title: ctx.deps.titles.get(src.id) ?? ctx.deps.esc(src.title), lookFor, questions: questions.slice(0, 3) };
  });
}

