/**
 * One source's per-source work (ingest → structure → analyze), with its own diagnostics sink and
 * the time each stage took. The same steps as `analyzeFile` in `src/pipeline.ts` (a test checks
 * they agree), split so `make bench` can report time per stage. Used inline and by the worker.
 */
import type { AnalyzeOptions } from '../../model/context.js';
import { Report } from '../../model/diagnostics.js';
import type { RawFile } from '../../model/document.js';
import type { SourceResult } from '../../cache/index.js';
import { ingest } from '../../ingest/index.js';
import { structure } from '../../structure/index.js';
import { analyze } from '../../analyze/index.js';

/** Milliseconds spent per stage on one source. */
export interface StageTimes {
  ingest: number;
  structure: number;
  analyze: number;
}

/** A source's result plus how long it took. */
export interface TimedSourceResult extends SourceResult {
  times: StageTimes;
}

/** Runs the per-source stages on one file. */
export async function analyzeOne(file: RawFile, options: AnalyzeOptions): Promise<TimedSourceResult> {
  const report = new Report();
  const ctx = { report };
  const times: StageTimes = { ingest: 0, structure: 0, analyze: 0 };
  let t = performance.now();
  const source = await ingest(file, ctx);
  times.ingest = performance.now() - t;
  if (!source) return { analysis: null, messages: report.messages, times };
  t = performance.now();
  const doc = structure(source, ctx);
  times.structure = performance.now() - t;
  t = performance.now();
  const analysis = analyze(doc, ctx, options);
  times.analyze = performance.now() - t;
  return { analysis, messages: report.messages, times };
}
