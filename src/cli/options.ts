/** Turning CLI flags and the environment into stage options (the clock lives here, not in stages). */
import type { AnalyzeOptions, SynthesizeOptions } from '../model/context.js';
import { defaultAnalyzeOptions, defaultSynthesizeOptions } from '../model/context.js';
import { usageError } from '../model/errors.js';
import { version } from './version.js';

/** Edition date: SOURCE_DATE_EPOCH when set (reproducible builds), else today (UTC). */
export function editionDate(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw usageError(`SOURCE_DATE_EPOCH must be a whole number of seconds, got "${epoch}"`);
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  }
  return new Date().toISOString().slice(0, 10);
}

export function positiveInt(name: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) <= 0) throw usageError(`${name} must be a positive whole number, got "${value}"`);
    return Number(value);
  };
}

export function analyzeOptionsFrom(flags: { summaryWords?: number }): AnalyzeOptions {
  return { ...defaultAnalyzeOptions, summaryWords: flags.summaryWords ?? defaultAnalyzeOptions.summaryWords };
}

export function synthesizeOptionsFrom(flags: { title?: string }, env: NodeJS.ProcessEnv = process.env): SynthesizeOptions {
  return { ...defaultSynthesizeOptions, title: flags.title ?? null, date: editionDate(env), generator: { name: 'briefwright', version } };
}
