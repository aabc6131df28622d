/**
 * The pipeline as a programmatic API: ingest → structure → analyze → synthesize. Pure apart from
 * what the caller hands in (file bytes, options); the CLI does the I/O around it.
 */
import type { RawFile, SourceAnalysis, StructuredSource } from './model/document.js';
import type { AnalyzeOptions, StageContext, SynthesizeOptions } from './model/context.js';
import type { Brief } from './model/schema.js';
import { ingest } from './ingest/index.js';
import { structure } from './structure/index.js';
import { analyze } from './analyze/index.js';
import { synthesize } from './synthesize/index.js';

export interface PipelineOptions {
  analyze: AnalyzeOptions;
  synthesize: SynthesizeOptions;
}

/** Per-source work: bytes → analysis, or null when the source could not be read. */
export async function analyzeFile(file: RawFile, ctx: StageContext, options: AnalyzeOptions): Promise<SourceAnalysis | null> {
  const source = await ingest(file, ctx);
  if (!source) return null;
  const doc: StructuredSource = structure(source, ctx);
  return analyze(doc, ctx, options);
}

/** The whole model from a set of files, in the order given (callers sort for determinism). */
export async function buildModel(files: readonly RawFile[], ctx: StageContext, options: PipelineOptions): Promise<{ brief: Brief; analyses: SourceAnalysis[] }> {
  const analyses: SourceAnalysis[] = [];
  for (const file of files) {
    const a = await analyzeFile(file, ctx, options.analyze);
    if (a) analyses.push(a);
  }
  return { brief: synthesize(analyses, ctx, options.synthesize), analyses };
}
