/**
 * The handout's part of the view model: learning objectives, a reading guide per source,
 * multiple-choice, cloze, short-answer and discussion questions (each tied to the objectives it
 * serves, each answer with the passage that supports it) and flashcards. Pure over the model; the
 * student handout prints the questions, the instructor's key the answers.
 */
import type { Brief } from '../../model/schema.js';
import { handoutContext, themeText, type HandoutContext, type HandoutDeps } from './context.js';
import { multipleChoice, type MultipleChoiceItem } from './multiple-choice.js';
import { clozeItems, type ClozeItem } from './cloze.js';
import { discussion, shortAnswers, type OpenQuestion } from './open-questions.js';
import { readingGuides, type ReadingGuide } from './reading-guide.js';
import { flashcards, type Flashcard } from './flashcards.js';

export type { HandoutDeps } from './context.js';
export { flashcardsCsv, unescapeMarkdown } from './flashcards.js';

/** How many of each the handout holds. */
export interface HandoutLimits {
  multipleChoice: number;
  cloze: number;
  shortAnswer: number;
  discussion: number;
  flashcards: number;
}

/** Numbered, with the learning objectives it serves ("2, 6"). */
type Numbered<T> = T & { n: number; objectives: string };

/** The handout view: every string escaped inline Markdown. */
export interface HandoutView {
  objectives: { n: number; text: string }[];
  readingGuide: ReadingGuide[];
  multipleChoice: Numbered<MultipleChoiceItem>[];
  cloze: Numbered<ClozeItem>[];
  shortAnswer: Numbered<OpenQuestion>[];
  discussion: Numbered<OpenQuestion>[];
  /** Cards of `flashcards.csv` (escaped here; the CSV holds the plain text). */
  flashcards: Flashcard[];
  counts: { multipleChoice: number; cloze: number; shortAnswer: number; discussion: number; flashcards: number };
}

/** The learning objectives and, per kind of item, which of them it serves. */
function objectivesOf(ctx: HandoutContext) {
  const texts: string[] = [];
  const byTheme = new Map<string, number>();
  for (const t of ctx.deps.themeOrder.slice(0, 3)) {
    texts.push(`Explain what the sources say about ${themeText(ctx, t)} and the evidence behind it.`);
    byTheme.set(t, texts.length);
  }
  texts.push('Summarise what each source argues, and tell which source makes which point.');
  const summarise = texts.length;
  const advised = new Map<string, number>();
  for (const s of ctx.all) for (const a of s.actors) advised.set(a, (advised.get(a) ?? 0) + 1);
  const audience = [...advised].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en')).slice(0, 3).map(([a]) => ctx.deps.esc(ctx.deps.withArticle(a)));
  let recommend = 0;
  if (audience.length) {
    texts.push(`Identify what the sources recommend, and to whom (${ctx.deps.listed(audience)}).`);
    recommend = texts.length;
  }
  texts.push('Recall the key concepts, figures and dates the sources rely on.');
  const recall = texts.length;
  texts.push('Compare the sources and judge how well each claim is supported.');
  const judge = texts.length;
  const theme = (id: string | undefined) => (id && byTheme.has(id) ? [byTheme.get(id)!] : []);
  const serves = (form: string, themeId: string | undefined): string => {
    const ns =
      form === 'mc-recommendation' || form === 'mc-actor' ? [...theme(themeId), recommend || summarise]
      : form === 'mc-figure' || form === 'mc-date' || form.startsWith('cloze') ? [...theme(themeId), recall]
      : form === 'mc-which-source' ? [summarise, ...theme(themeId)]
      : form.startsWith('mc-') ? (theme(themeId).length ? theme(themeId) : [summarise])
      : form === 'sa-advice' || form === 'd-act' ? [...theme(themeId), ...(recommend ? [recommend] : []), judge]
      : [...theme(themeId), judge];
    return [...new Set(ns)].sort((a, b) => a - b).join(', ');
  };
  return { objectives: texts.map((text, i) => ({ n: i + 1, text })), serves };
}

/** Builds the handout view of a brief. Deterministic for a given brief, deps and limits. */
export function buildHandout(brief: Brief, deps: HandoutDeps, limits: HandoutLimits): HandoutView {
  const ctx = handoutContext(brief, deps);
  const { objectives, serves } = objectivesOf(ctx);
  const number = <T extends { form: string; themeId: string | undefined }>(items: T[]): Numbered<T>[] => items.map((x, i) => ({ ...x, n: i + 1, objectives: serves(x.form, x.themeId) }));
  // No stem template for more than a third of a section's items.
  const mc = number(multipleChoice(ctx, limits.multipleChoice, Math.max(1, Math.floor(limits.multipleChoice / 3))));
  const cloze = number(clozeItems(ctx, limits.cloze, Math.max(1, Math.ceil(limits.cloze / 2))));
  const open = new Set<string>();
  const shortAnswer = number(shortAnswers(ctx, limits.shortAnswer, open));
  const disc = number(discussion(ctx, limits.discussion, open));
  const cards = flashcards(ctx, limits.flashcards).map((c) => ({ front: deps.esc(c.front), back: deps.esc(c.back) }));
  return {
    objectives,
    readingGuide: readingGuides(ctx),
    multipleChoice: mc,
    cloze,
    shortAnswer,
    discussion: disc,
    flashcards: cards,
    counts: { multipleChoice: mc.length, cloze: cloze.length, shortAnswer: shortAnswer.length, discussion: disc.length, flashcards: cards.length },
  };
}
