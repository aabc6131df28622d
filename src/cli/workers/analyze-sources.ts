/**
 * Per-source work for a whole build: each source comes from the cache when it can, the rest are
 * analysed inline or, when there are many, in worker threads (piscina) across the cores. Results
 * and diagnostics are gathered in the order of the files, so the outcome is the same whichever
 * way each source was done.
 */
import { availableParallelism } from 'node:os';
import type { AnalyzeOptions } from '../../model/context.js';
import type { Report } from '../../model/diagnostics.js';
import type { RawFile, SourceAnalysis } from '../../model/document.js';
import type { SourceCache } from '../../cache/index.js';
import { analyzeOne, type StageTimes, type TimedSourceResult } from './analyze-one.js';
import { analyzeInLanes } from './lanes.js';

/** Use worker threads from this many uncached sources on (below it, thread start-up costs more than it saves). */
export const defaultWorkerThreshold = 8;

/** The cache keeps at least this many entries (or three per source of the build) before pruning the least recently used. */
export const cacheEntriesKept = 200;

/** What happened to one source, for progress display. */
export interface SourceEvent {
  path: string;
  index: number;
  done: number;
  total: number;
  from: 'cache' | 'analysis';
}

export interface AnalyzeSourcesOptions {
  analyze: AnalyzeOptions;
  cache?: SourceCache | null;
  /** 'auto' (threads from `threshold` uncached sources, when there is more than one core), 0 for none, or a thread count. */
  workers?: 'auto' | number;
  threshold?: number;
  onSource?: (e: SourceEvent) => void;
  /** Called when a cache entry failed its check and is recomputed. */
  onCorrupt?: (path: string, reason: string) => void;
}

export interface AnalyzeSourcesResult {
  analyses: SourceAnalysis[];
  /** Per-stage milliseconds summed over the sources analysed (not those from the cache). */
  times: StageTimes;
  cached: number;
  analysed: number;
  corrupt: number;
  /** Worker threads used (0: inline). */
  threads: number;
}

/** How many threads to use for `misses` uncached sources. */
export function threadCount(misses: number, workers: 'auto' | number, threshold: number, cores: number = availableParallelism()): number {
  if (workers === 0 || misses === 0) return 0;
  if (workers === 'auto') return misses >= threshold && cores > 1 ? Math.min(cores, misses) : 0;
  return Math.min(workers, misses);
}

/** Analyses `files`, appending each source's diagnostics to `report` in file order. */
export async function analyzeSources(files: readonly RawFile[], report: Report, options: AnalyzeSourcesOptions): Promise<AnalyzeSourcesResult> {
  const results: (TimedSourceResult | { analysis: SourceAnalysis | null; messages: Report['messages']; times?: undefined })[] = new Array(files.length);
  const keys: string[] = [];
  const misses: number[] = [];
  let corrupt = 0;
  let done = 0;
  const total = files.length;
  const cache = options.cache ?? null;
  files.forEach((file, i) => {
    if (!cache) {
      misses.push(i);
      return;
    }
    const key = cache.keyOf(file, options.analyze);
    keys[i] = key;
    const found = cache.get(key);
    if (found.status === 'hit') {
      results[i] = found.result;
      options.onSource?.({ path: file.path, index: i, done: ++done, total, from: 'cache' });
      return;
    }
    if (found.status === 'corrupt') {
      corrupt++;
      options.onCorrupt?.(file.path, found.reason);
    }
    misses.push(i);
  });

  const threads = threadCount(misses.length, options.workers ?? 'auto', options.threshold ?? defaultWorkerThreshold);
  const finish = (i: number, r: TimedSourceResult): void => {
    results[i] = r;
    if (cache) {
      try {
        cache.put(keys[i], { analysis: r.analysis, messages: r.messages });
      } catch {
        // A cache that cannot be written (read-only checkout, full disk) only costs time next build.
      }
    }
    options.onSource?.({ path: files[i].path, index: i, done: ++done, total, from: 'analysis' });
  };
  if (threads === 0) {
    for (const i of misses) finish(i, await analyzeOne(files[i], options.analyze));
  } else {
    await analyzeInLanes(files, misses, threads, options.analyze, finish);
  }

  if (cache && misses.length > 0) {
    try {
      cache.prune(new Set(keys), Math.max(cacheEntriesKept, 3 * files.length));
    } catch {
      // pruning is housekeeping; a failure must not fail the build
    }
  }

  const analyses: SourceAnalysis[] = [];
  const times: StageTimes = { ingest: 0, structure: 0, analyze: 0 };
  for (const r of results) {
    for (const m of r.messages) report.add(m);
    if (r.analysis) analyses.push(r.analysis);
    if (r.times) {
      times.ingest += r.times.ingest;
      times.structure += r.times.structure;
      times.analyze += r.times.analyze;
    }
  }
  return { analyses, times, cached: files.length - misses.length, analysed: misses.length, corrupt, threads };
}
