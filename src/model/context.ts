/** What every stage receives besides its input: a diagnostics sink and read-only options. */
import type { Report } from './diagnostics.js';

export interface StageContext {
  report: Report;
}

/** Options of the analyze stage (per source). */
export interface AnalyzeOptions {
  /** Length of the extractive summary, in words. */
  summaryWords: number;
  /** Actor aliases: lower-cased alias → canonical actor ("islamabad" → "Pakistan"). Merged over the built-in table. */
  actorAliases: Readonly<Record<string, string>>;
  /** How many keyphrases to keep per source. */
  keyphrases: number;
}

export const defaultAnalyzeOptions: Readonly<AnalyzeOptions> = {
  summaryWords: 200,
  actorAliases: {},
  keyphrases: 15,
};

/** Options of the synthesize stage (across sources). */
export interface SynthesizeOptions {
  title: string | null;
  subtitle: string | null;
  organisation: string | null;
  /** Edition date, ISO `YYYY-MM-DD`. */
  date: string;
  /** Maximum number of themes. */
  themes: number;
  generator: { name: string; version: string };
}

/** The title of a brief its user did not name; each template then shows its own ("Student handout"). */
export const untitled = 'Briefing note';

export const defaultSynthesizeOptions: Readonly<Omit<SynthesizeOptions, 'date' | 'generator'>> = {
  title: null,
  subtitle: null,
  organisation: null,
  themes: 6,
};
