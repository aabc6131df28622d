/**
 * Option parsers shared by the commands. Settings themselves (defaults < config < flags, the edition
 * date from SOURCE_DATE_EPOCH) are resolved once, in src/config/resolve.ts.
 */
import type { AnalyzeOptions, SynthesizeOptions } from '../model/context.js';
import { usageError } from '../model/errors.js';
import { defaultAnalyzeOptions, defaultSynthesizeOptions } from '../model/context.js';
import { editionDateFromEnv } from '../config/resolve.js';
import { version } from './version.js';

/** Edition date: SOURCE_DATE_EPOCH when set (reproducible builds), else today (UTC). */
export function editionDate(env: NodeJS.ProcessEnv = process.env): string {
  return editionDateFromEnv(env);
}

/** A commander parser for a positive whole number; `name` is the flag, for the error message. */
export function positiveInt(name: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) <= 0) throw usageError(`${name} must be a positive whole number, got "${value}"`);
    return Number(value);
  };
}

/** Analyze options from flags alone (no config file), for commands that take none. */
export function analyzeOptionsFrom(flags: { summaryWords?: number }): AnalyzeOptions {
  return { ...defaultAnalyzeOptions, summaryWords: flags.summaryWords ?? defaultAnalyzeOptions.summaryWords };
}

/** Synthesize options from flags alone (no config file), for commands that take none. */
export function synthesizeOptionsFrom(flags: { title?: string }, env: NodeJS.ProcessEnv = process.env): SynthesizeOptions {
  return { ...defaultSynthesizeOptions, title: flags.title ?? null, date: editionDate(env), generator: { name: 'briefwright', version } };
}
