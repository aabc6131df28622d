/** Worker-thread entry (piscina): one source's per-source work, off the main thread. */
import type { AnalyzeOptions } from '../../model/context.js';
import type { RawFile } from '../../model/document.js';
import { analyzeOne, type TimedSourceResult } from './analyze-one.js';

/** A task: the file and the analyze options. */
export interface AnalyzeTask {
  file: RawFile;
  options: AnalyzeOptions;
}

/** The worker's task function; the result travels back by structured clone. */
export default async function analyzeTask(task: AnalyzeTask): Promise<TimedSourceResult> {
  return analyzeOne(task.file, task.options);
}
