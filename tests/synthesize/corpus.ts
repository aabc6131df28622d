/**
 * Test helpers: the bundled papers run through ingest → structure → analyze (→ synthesize), the
 * gold answers in tests/fixtures/gold, and precision/recall against them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../../src/ingest/index.js';
import { structure } from '../../src/structure/index.js';
import { analyze } from '../../src/analyze/index.js';
import { synthesize } from '../../src/synthesize/index.js';
import { Report } from '../../src/model/diagnostics.js';
import { defaultAnalyzeOptions, defaultSynthesizeOptions } from '../../src/model/context.js';
import type { SourceAnalysis } from '../../src/model/document.js';
import type { Brief } from '../../src/model/schema.js';
import { acronymKey } from '../../src/analyze/glossary.js';
import { buildModel } from '../../src/pipeline.js';

/** How much an analyst would want a recommendation in a brief; the rule is in each gold file's `_importance`. */
export type Importance = 'high' | 'medium' | 'low';
export interface GoldRecommendation {
  quote: string;
  actors?: string[];
  optional?: boolean;
  importance?: Importance;
}
export interface Gold {
  source: string;
  recommendations: GoldRecommendation[];
  acronyms: { short: string; long: string[] }[];
  events?: { date: string; quote: string; optional?: boolean }[];
}

const root = process.cwd();

/** Every gold file, by source file name. */
export function loadGold(): Gold[] {
  const dir = join(root, 'tests/fixtures/gold');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Gold);
}

/** Analyse the bundled sources (all of them, in name order). */
export async function analyzeSources(dir = join(root, 'sources')): Promise<SourceAnalysis[]> {
  const out: SourceAnalysis[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
    const ctx = { report: new Report() };
    const source = await ingest({ path: `sources/${f}`, bytes: readFileSync(join(dir, f)) }, ctx);
    if (!source) throw new Error(`could not read ${f}`);
    out.push(analyze(structure(source, ctx), ctx, defaultAnalyzeOptions));
  }
  return out;
}

/** The model of every file of a folder (name order; `keep` filters names), built with fixed options. */
export async function buildFolder(dir: string, keep: (name: string) => boolean = () => true, date = '2024-01-01'): Promise<{ brief: Brief; analyses: SourceAnalysis[] }> {
  const files = readdirSync(dir)
    .filter((f) => f !== 'README.md' && keep(f))
    .sort()
    .map((f) => ({ path: join(dir, f), bytes: readFileSync(join(dir, f)) }));
  return buildModel(files, { report: new Report() }, { analyze: defaultAnalyzeOptions, synthesize: { ...defaultSynthesizeOptions, date, generator: { name: 'briefwright', version: 'test' } } });
}

/** The brief of a set of analyses with fixed options. */
export function briefOf(analyses: SourceAnalysis[]): Brief {
  return synthesize(analyses, { report: new Report() }, { ...defaultSynthesizeOptions, date: '2024-01-01', generator: { name: 'test', version: '0' } });
}

/** Where an exact quote lies in a text (whitespace runs may differ), or null. */
export function locate(text: string, quote: string): { start: number; end: number } | null {
  const at = text.indexOf(quote);
  if (at >= 0) return { start: at, end: at + quote.length };
  const re = new RegExp(quote.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'));
  const m = re.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => {
  const o = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return o > 0 && o >= 0.5 * Math.min(a.end - a.start, b.end - b.start);
};

/** Counts of a precision/recall measurement. */
export interface Score {
  tp: number;
  predicted: number;
  gold: number;
  precision: number;
  recall: number;
}
export const scoreOf = (tpPred: number, predicted: number, tpGold: number, gold: number): Score => ({
  tp: tpGold,
  predicted,
  gold,
  precision: predicted ? tpPred / predicted : 1,
  recall: gold ? tpGold / gold : 1,
});

/** Recommendations against the gold: predictions matching only optional gold items count neither way. */
export function scoreRecommendations(a: SourceAnalysis, gold: Gold): Score & { actorAgree: number; actorTotal: number; misses: string[]; extras: string[]; optionalHits: number; optionalTotal: number } {
  const text = a.doc.source.text;
  const items = gold.recommendations.map((g) => ({ ...g, span: locate(text, g.quote) }));
  for (const g of items) if (!g.span) throw new Error(`gold quote not in ${gold.source}: ${g.quote.slice(0, 60)}`);
  const required = items.filter((g) => !g.optional);
  let tpPred = 0;
  let counted = 0;
  let optionalHits = 0;
  const extras: string[] = [];
  for (const r of a.recommendations) {
    const hits = items.filter((g) => overlaps(r, g.span!));
    if (hits.length && hits.every((g) => g.optional)) optionalHits++;
    if (hits.some((g) => !g.optional)) {
      tpPred++;
      counted++;
    } else if (!hits.length) {
      counted++;
      extras.push(r.text);
    }
  }
  let tpGold = 0;
  let actorAgree = 0;
  let actorTotal = 0;
  const misses: string[] = [];
  for (const g of required) {
    const r = a.recommendations.find((x) => overlaps(x, g.span!));
    if (!r) {
      misses.push(g.quote);
      continue;
    }
    tpGold++;
    if (g.actors) {
      actorTotal++;
      const got = [...(r.actors ?? (r.actor ? [r.actor] : []))].sort().join('|');
      if (got === [...g.actors].sort().join('|')) actorAgree++;
    }
  }
  return { ...scoreOf(tpPred, counted, tpGold, required.length), actorAgree, actorTotal, misses, extras, optionalHits, optionalTotal: items.length - required.length };
}

/**
 * Recommendations against the high- and medium-importance gold items (issue 22's target for the
 * bundled papers). Recall = high+medium items (not optional) a prediction covers / all of them.
 * Precision = predictions covering ANY gold item (high, medium, low or optional) / all predictions:
 * finding a real but low-importance recommendation is no error, so only predictions that match no
 * gold item at all count against precision. Unlike scoreRecommendations, a prediction covering only
 * optional items counts here as correct (it is a recommendation the reader marked, if a borderline one).
 */
export function scoreImportantRecommendations(a: SourceAnalysis, gold: Gold): Score & { misses: { quote: string; importance: Importance }[]; extras: string[] } {
  const text = a.doc.source.text;
  const items = gold.recommendations.map((g) => ({ ...g, span: locate(text, g.quote) }));
  for (const g of items) if (!g.span) throw new Error(`gold quote not in ${gold.source}: ${g.quote.slice(0, 60)}`);
  for (const g of items) if (!g.importance) throw new Error(`gold item without importance in ${gold.source}: ${g.quote.slice(0, 60)}`);
  const important = items.filter((g) => !g.optional && g.importance !== 'low');
  let tpPred = 0;
  const extras: string[] = [];
  for (const r of a.recommendations) {
    if (items.some((g) => overlaps(r, g.span!))) tpPred++;
    else extras.push(r.text);
  }
  const misses = important.filter((g) => !a.recommendations.some((r) => overlaps(r, g.span!))).map((g) => ({ quote: g.quote, importance: g.importance! }));
  return { ...scoreOf(tpPred, a.recommendations.length, important.length - misses.length, important.length), misses, extras };
}

const longKey = (s: string) => s.toLowerCase().replace(/['’]s\b/g, '').replace(/[^\p{L}\p{N}]+/gu, '');

/** Acronym definitions: distinct (short form, long form) pairs found vs. the gold's. */
export function scoreAcronyms(a: SourceAnalysis, gold: Gold): Score & { wrong: string[]; missed: string[] } {
  const pred = new Map<string, string>();
  for (const t of a.terms) if ((t as { kind?: string }).kind !== 'concept') pred.set(`${acronymKey(t.term)}=${longKey(t.definition)}`, `${t.term} = ${t.definition}`);
  const goldPairs = gold.acronyms.map((g) => ({ key: acronymKey(g.short), longs: g.long.map(longKey), label: `${g.short} = ${g.long[0]}` }));
  const matches = (key: string, long: string, g: (typeof goldPairs)[number]) => key === g.key && g.longs.some((l) => l === long || (long.length > 3 && (l.includes(long) || long.includes(l))));
  let tpPred = 0;
  const wrong: string[] = [];
  for (const [k, label] of pred) {
    const [key, long] = k.split('=');
    if (goldPairs.some((g) => matches(key, long, g))) tpPred++;
    else wrong.push(label);
  }
  let tpGold = 0;
  const missed: string[] = [];
  for (const g of goldPairs) {
    if ([...pred.keys()].some((k) => matches(k.split('=')[0], k.split('=')[1], g))) tpGold++;
    else missed.push(g.label);
  }
  return { ...scoreOf(tpPred, pred.size, tpGold, goldPairs.length), wrong, missed };
}

/** Dated events: a gold event is found when an event with its date covers its quote. */
export function scoreEvents(a: SourceAnalysis, gold: Gold): Score & { missed: string[]; extras: string[] } {
  const text = a.doc.source.text;
  const items = (gold.events ?? []).map((g) => ({ ...g, span: locate(text, g.quote) }));
  for (const g of items) if (!g.span) throw new Error(`gold event quote not in ${gold.source}: ${g.quote.slice(0, 60)}`);
  const hit = (e: { date: string; start: number; end: number }, g: (typeof items)[number]) => e.date === g.date && e.start <= g.span!.end && g.span!.start <= e.end;
  let tpPred = 0;
  let counted = 0;
  const extras: string[] = [];
  for (const e of a.events) {
    const hits = items.filter((g) => hit(e, g));
    if (hits.some((g) => !g.optional)) {
      tpPred++;
      counted++;
    } else if (!hits.length) {
      counted++;
      extras.push(`${e.date} ${e.text}`);
    }
  }
  const required = items.filter((g) => !g.optional);
  const missed = required.filter((g) => !a.events.some((e) => hit(e, g))).map((g) => `${g.date} ${g.quote}`);
  return { ...scoreOf(tpPred, counted, required.length - missed.length, required.length), missed, extras };
}

/** Micro-average of scores. */
export function total(scores: Score[]): Score {
  const predicted = scores.reduce((s, x) => s + x.predicted, 0);
  const gold = scores.reduce((s, x) => s + x.gold, 0);
  const tpPred = scores.reduce((s, x) => s + x.precision * x.predicted, 0);
  const tpGold = scores.reduce((s, x) => s + x.recall * x.gold, 0);
  return scoreOf(Math.round(tpPred), predicted, Math.round(tpGold), gold);
}
