/**
 * What every handout builder shares: the model's statements, how sources, themes and actors read
 * in a question, and the passages answers cite. Text from sources is escaped here, once, so the
 * questions are view-model strings (escaped inline Markdown) like the rest of the view.
 */
import type { Brief, Citation } from '../../model/schema.js';
import { askable, statementsOf, type Statement } from './facts.js';

/** What the view model lends the handout (kept as functions so this folder imports nothing from it). */
export interface HandoutDeps {
  /** Escapes source text as inline Markdown. */
  esc: (text: string) => string;
  /** Whether a sentence reads on its own (no pronoun or "these" leaning on a sentence not shown). */
  standsAlone: (text: string) => boolean;
  /** A name as it reads inside a sentence ("the United States"), raw. */
  withArticle: (name: string) => string;
  /** Items as a reader lists them ("A, B and C"). */
  listed: (items: readonly (string | number)[]) => string;
  /** Theme id → its label inside a sentence, raw ("regional security and …", "the Afghan Taliban"). */
  themeInText: ReadonlyMap<string, string>;
  /** Theme ids, strongest first (the view's order). */
  themeOrder: readonly string[];
  /** A citation's label, `3 §“Abstract”` (escaped). */
  citeLabel: (c: Citation) => string;
  /** Source id → its title as the view shows it (escaped). */
  titles: ReadonlyMap<string, string>;
  /** Raw texts the student handout shows elsewhere (glossary, timeline): no question may be answered by them. */
  visible: readonly string[];
}

/** The shared state of one handout build. */
export interface HandoutContext {
  brief: Brief;
  deps: HandoutDeps;
  /** Every statement of the model. */
  all: Statement[];
  /** Statements a question may quote. */
  usable: Statement[];
  /** Source id → 1-based number. */
  number: ReadonlyMap<string, number>;
  /** Statement ids already asked about (one question per statement across the handout). */
  used: Set<string>;
}

/** Builds the context; statements a student could read elsewhere in the handout are not usable. */
export function handoutContext(brief: Brief, deps: HandoutDeps): HandoutContext {
  const all = statementsOf(brief);
  const shown = deps.visible.map((v) => v.toLowerCase().replace(/\s+/g, ' '));
  const usable = all.filter((s) => askable(s, deps.standsAlone) && !shown.some((v) => v.includes(s.text.toLowerCase().slice(0, 60))));
  return { brief, deps, all, usable, number: new Map(brief.sources.map((s, i) => [s.id, i + 1])), used: new Set() };
}

/** How a question names a source (escaped): "Source 3 (Alam and Mustafa)", or "Source 3" when it has no authors; always singular. */
export function sourceName(ctx: HandoutContext, sourceId: string): string {
  return ctx.deps.esc(sourceNameRaw(ctx, sourceId));
}

/** A theme's label inside a sentence (escaped). */
export const themeText = (ctx: HandoutContext, themeId: string): string => ctx.deps.esc(ctx.deps.themeInText.get(themeId) ?? '');

/** {@link sourceName}, raw text (for flashcards). */
export function sourceNameRaw(ctx: HandoutContext, sourceId: string): string {
  const n = ctx.number.get(sourceId) ?? 0;
  const s = ctx.brief.sources.find((x) => x.id === sourceId);
  const names = (s?.authors ?? []).map((a) => a.replace(/^(?:(?:dr|prof|professor|mr|mrs|ms|sir)\.?\s+)+/i, '').trim()).filter(Boolean);
  const surname = (a: string) => a.split(/\s+/).pop() ?? a;
  const short = names.length > 2 ? `${surname(names[0]!)} et al.` : names.map(surname).join(' and ');
  return short ? `Source ${n} (${short})` : `Source ${n}`;
}

/** A passage as the key prints it: where it is (source, section, page) and the quoted words. */
export interface PassageView {
  /** `Source 3 §“Abstract”, p. 7` */
  where: string;
  /** Bracketed reference as elsewhere in the brief: `[3 §“Abstract”]`. */
  cite: string;
  /** 1-based page of a paginated source, else 0. */
  page: number;
  /** The quoted passage (escaped), at most 80 words. */
  quote: string;
  /** The model's citation, unchanged (for checks against the source). */
  citation: Citation;
}

/** The passage view of a citation. */
export function passage(ctx: HandoutContext, c: Citation): PassageView {
  const label = ctx.deps.citeLabel(c);
  const page = c.page ?? 0;
  const w = c.quote.replace(/\s+/g, ' ').trim().split(' ');
  const quote = ctx.deps.esc(w.length > 80 ? w.slice(0, 80).join(' ') + ' …' : w.join(' '));
  return { where: `Source ${label}${page ? `, p. ${page}` : ''}`, cite: `[${label}]`, page, quote, citation: c };
}

/** Part of a sentence, escaped, keeping the spaces at its ends (the text either side of a gap). */
export function escapePart(ctx: HandoutContext, part: string): string {
  const e = ctx.deps.esc(part);
  return `${/^\s/.test(part) && e ? ' ' : ''}${e}${/\s$/.test(part) && e ? ' ' : ''}`;
}

/**
 * A statement's text as an option or quotation (escaped), without its in-text citations
 * ("(Afzal 2022)"): a reference only one option carries would point to the answer.
 */
export const shown = (ctx: HandoutContext, s: Statement): string => ctx.deps.esc(withoutReferences(s.text));

/** A sentence without parenthesised author-year references. */
export const withoutReferences = (text: string): string => text.replace(/\s*\((?:[^()]*?\s)?(?:1[89]|20)\d\d[a-z]?(?:[,;][^()]*)?\)/g, '').replace(/\s+([.,;:])/g, '$1');

/** An actor inside a sentence (escaped): "the United States", "contributor governments". */
export const actorInText = (ctx: HandoutContext, actor: string): string => ctx.deps.esc(ctx.deps.withArticle(actor));

/** Rank of a theme (0 = strongest); themes the view does not show come last. */
export function themeRank(ctx: HandoutContext, themeId: string | undefined): number {
  const i = themeId ? ctx.deps.themeOrder.indexOf(themeId) : -1;
  return i < 0 ? 1e6 : i;
}

/** The strongest theme a statement belongs to that the view shows, if any. */
export function mainTheme(ctx: HandoutContext, s: Statement): string | undefined {
  return [...s.themeIds].filter((t) => ctx.deps.themeInText.has(t)).sort((a, b) => themeRank(ctx, a) - themeRank(ctx, b))[0];
}

/**
 * Picks items round-robin over their forms, so no form (stem template) dominates: each round takes
 * the next candidate of every form in turn that can still be built (its statements not asked about
 * yet), until `limit` items or no candidate is left. A form gives at most `perForm` items.
 * Candidates are built when reached, so their distractors avoid statements already used.
 */
export function roundRobin<T extends { statementIds: string[] }>(byForm: readonly (() => T | null)[][], limit: number, perForm: number, used: Set<string>): T[] {
  const out: T[] = [];
  const next = byForm.map(() => 0);
  const taken = byForm.map(() => 0);
  let progress = true;
  while (out.length < limit && progress) {
    progress = false;
    for (let f = 0; f < byForm.length && out.length < limit; f++) {
      const list = byForm[f]!;
      if (taken[f]! >= perForm) continue;
      while (next[f]! < list.length) {
        const item = list[next[f]!++]!();
        if (!item || item.statementIds.some((id) => used.has(id))) continue;
        for (const id of item.statementIds) used.add(id);
        out.push(item);
        taken[f]!++;
        progress = true;
        break;
      }
    }
  }
  return out;
}
