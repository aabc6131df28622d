/**
 * `brief eval` without the I/O: given the documents of a keyphrase/summary data set (read by the
 * CLI), runs our analysis and the baselines through the real pipeline (ingest → structure →
 * analyze features → corpus ranking) and returns macro-averaged scores.
 */
import type { CandidateStats, StructuredSource } from '../model/document.js';
import type { StageContext } from '../model/context.js';
import { Report } from '../model/diagnostics.js';
import { ingest } from '../ingest/index.js';
import { structure } from '../structure/index.js';
import { collectCandidates } from '../analyze/keyphrases.js';
import { rankKeyphrases } from '../analyze/rank-keyphrases.js';
import { summarize } from '../analyze/summary.js';
import { matchAtK } from './keyphrase-match.js';
import { rouge, rougeTokens, type Prf } from './rouge.js';
import { firstPhrases, leadSummary, lexRankSummary, tfidfPhrases } from './baselines.js';

/** One document of a data set laid out like `nus/` (docs/, keys/, abstract/, body/). */
export interface EvalDocument {
  id: string;
  /** Full text (docs/<id>.txt). */
  text: string;
  /** Gold keyphrases, or null when the data set has none for this document. */
  keys: string[] | null;
  /** Author abstract and the rest of the paper, or null when they could not be split. */
  abstract: string | null;
  body: string | null;
  /** Title when the data set lists one (meta.tsv); it stands in for the title of the body. */
  title?: string;
}

export interface KeyphraseScores {
  at5: Prf;
  at10: Prf;
}

export interface RougeScores {
  r1: number;
  r2: number;
  rl: number;
}

export interface SystemScores {
  name: string;
  keyphrases: KeyphraseScores | null;
  summary: RougeScores | null;
}

export interface EvalResult {
  documents: number;
  keyphraseDocuments: number;
  summaryDocuments: number;
  systems: SystemScores[];
  /** Time spent structuring and analysing the full texts and bodies, when a clock was given. */
  analysisMs: number | null;
}

export interface EvalOptions {
  /** Milliseconds clock, injected by the CLI (stages stay clock-free). */
  now?: () => number;
  /** Progress callback (documents done, total). */
  progress?: (done: number, total: number) => void;
}

/** Diagnostics about the data set's texts are collected and dropped: eval reports scores only. */
const quietContext = (): StageContext => ({ report: new Report() });

async function structured(id: string, path: string, text: string, title: string | undefined, ctx: StageContext): Promise<StructuredSource | null> {
  const source = await ingest({ path, bytes: new TextEncoder().encode(text) }, ctx);
  if (!source) return null;
  if (title) source.declared = { ...source.declared, title };
  return structure(source, ctx);
}

function meanPrf(xs: readonly Prf[]): Prf {
  const n = Math.max(1, xs.length);
  return { p: xs.reduce((a, x) => a + x.p, 0) / n, r: xs.reduce((a, x) => a + x.r, 0) / n, f: xs.reduce((a, x) => a + x.f, 0) / n };
}

/** Evaluates ours and the baselines on a data set. */
export async function evaluate(docs: readonly EvalDocument[], options: EvalOptions = {}): Promise<EvalResult> {
  const ctx = quietContext();
  const t0 = options.now?.() ?? 0;
  const withKeys: { doc: EvalDocument; candidates: CandidateStats }[] = [];
  const summaries: { doc: EvalDocument; body: StructuredSource; budget: number; ours: string }[] = [];
  let done = 0;
  for (const d of docs) {
    const full = await structured(d.id, `docs/${d.id}.txt`, d.text, d.title, ctx);
    if (full && d.keys) withKeys.push({ doc: d, candidates: collectCandidates(full) });
    if (d.abstract && d.body) {
      const body = await structured(d.id, `body/${d.id}.txt`, d.body, d.title, ctx);
      const budget = rougeTokens(d.abstract).length;
      if (body && budget > 0) {
        const ours = summarize(body, { summaryWords: budget }).map((s) => s.text).join(' ');
        summaries.push({ doc: d, body, budget, ours });
      }
    }
    options.progress?.(++done, docs.length);
  }
  const ranked = rankKeyphrases(withKeys.map((x) => x.candidates), { limit: 10 });
  const analysisMs = options.now ? options.now() - t0 : null;

  const keyScores = (predict: (i: number) => string[]): KeyphraseScores | null => {
    if (!withKeys.length) return null;
    const at5: Prf[] = [];
    const at10: Prf[] = [];
    withKeys.forEach((x, i) => {
      const p = predict(i);
      at5.push(matchAtK(p, x.doc.keys!, 5));
      at10.push(matchAtK(p, x.doc.keys!, 10));
    });
    return { at5: meanPrf(at5), at10: meanPrf(at10) };
  };
  const sumScores = (make: (i: number) => string): RougeScores | null => {
    if (!summaries.length) return null;
    let r1 = 0, r2 = 0, rl = 0;
    summaries.forEach((s, i) => {
      const r = rouge(make(i), s.doc.abstract!, s.budget);
      r1 += r.r1.f;
      r2 += r.r2.f;
      rl += r.rl.f;
    });
    const n = summaries.length;
    return { r1: r1 / n, r2: r2 / n, rl: rl / n };
  };
  const tfidf = tfidfPhrases(withKeys.map((x) => x.candidates), 10);
  return {
    documents: docs.length,
    keyphraseDocuments: withKeys.length,
    summaryDocuments: summaries.length,
    analysisMs,
    systems: [
      { name: 'lead (first phrases / lead sentences)', keyphrases: keyScores((i) => firstPhrases(withKeys[i].candidates, 10)), summary: sumScores((i) => leadSummary(summaries[i].body, summaries[i].budget)) },
      { name: 'TF-IDF phrases / LexRank', keyphrases: keyScores((i) => tfidf[i]), summary: sumScores((i) => lexRankSummary(summaries[i].body, summaries[i].budget)) },
      { name: 'briefwright', keyphrases: keyScores((i) => ranked[i].map((k) => k.text)), summary: sumScores((i) => summaries[i].ours) },
    ],
  };
}

/** The result as a plain-text table. */
export function formatEvalTable(r: EvalResult, label: string): string {
  const f = (x: number) => x.toFixed(3);
  const pad = (s: string, n: number) => s.padEnd(n);
  const w = Math.max(...r.systems.map((s) => s.name.length), 8) + 2;
  const lines: string[] = [];
  lines.push(`${label}: ${r.documents} documents; keyphrases on ${r.keyphraseDocuments}, summaries on ${r.summaryDocuments}`);
  lines.push('');
  lines.push('Keyphrases (lower-cased, Porter-stemmed exact match; macro-averaged over documents)');
  lines.push(`${pad('system', w)}  P@5    R@5    F1@5   P@10   R@10   F1@10`);
  for (const s of r.systems) {
    if (!s.keyphrases) continue;
    const k = s.keyphrases;
    lines.push(`${pad(s.name, w)}  ${f(k.at5.p)}  ${f(k.at5.r)}  ${f(k.at5.f)}  ${f(k.at10.p)}  ${f(k.at10.r)}  ${f(k.at10.f)}`);
  }
  lines.push('');
  lines.push('Summaries of body/ against abstract/ (ROUGE F1; lower-cased, Porter-stemmed tokens; cut to the abstract\'s length)');
  lines.push(`${pad('system', w)}  R-1    R-2    R-L`);
  for (const s of r.systems) {
    if (!s.summary) continue;
    lines.push(`${pad(s.name, w)}  ${f(s.summary.r1)}  ${f(s.summary.r2)}  ${f(s.summary.rl)}`);
  }
  return lines.join('\n');
}
