/**
 * Settings of one build: defaults < config file < command-line flags, merged once here so every
 * command sees the same answer. Pure: the environment and the loaded config are handed in.
 */
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { AnalyzeOptions, SynthesizeOptions } from '../model/context.js';
import { defaultAnalyzeOptions, defaultSynthesizeOptions } from '../model/context.js';
import { usageError } from '../model/errors.js';
import type { LoadedConfig } from './load.js';
import type { FontsConfig } from './schema.js';
import { isCalendarDate } from './dates.js';

/** Flags a command may pass; undefined means "not given" (so the config file applies). */
export interface BuildFlags {
  sources?: string;
  out?: string;
  template?: string;
  templates?: string;
  format?: string;
  title?: string;
  subtitle?: string;
  organisation?: string;
  edition?: string;
  summaryWords?: number;
  themes?: number;
  keyMessages?: number;
  pageSize?: string;
  /** commander's `--no-cache` gives `cache: false`. */
  cache?: boolean;
}

/** Where sources come from: every source file in one folder, or globs below a base folder. */
export type SourceSelection =
  | { kind: 'folder'; dir: string }
  | { kind: 'globs'; base: string; include: string[]; exclude: string[] };

/** The CSL style the sources list is formatted with unless the config names another (shipped in `styles/`). */
export const defaultReferenceStyle = 'apa';

export interface BuildSettings {
  sources: SourceSelection;
  out: string;
  templates: string[];
  /** User template folders, searched before the built-in ones. */
  templatesDirs: string[];
  formats: string[];
  /** Page size when set by flag or config; else each template's own default. */
  pageSize?: 'A4' | 'Letter';
  /** Font files resolved against the config folder. */
  fonts: FontsConfig;
  authors: string[];
  /**
   * How much of a list the brief shows, where the user set it (flag or config): it overrides each
   * template's own limit, which applies otherwise (the one-pager shows fewer key messages).
   */
  shown: { keyMessages?: number; summaryWords?: number };
  analyze: AnalyzeOptions;
  synthesize: SynthesizeOptions;
  cache: boolean;
  cacheDir: string;
  configFile: string | null;
  /** CSL style of the sources list: a shipped style's name or a `.csl` path. */
  referenceStyle: string;
  /** The analyst's overrides from the config (empty when none). */
  overrides: { drop: string[]; pin: string[]; themes: Record<string, string> };
}

/** Built-in defaults of settings that are not stage options. */
export const defaultBuildSettings = {
  sources: 'sources',
  out: 'out',
  templates: ['briefing'],
  formats: ['md', 'pdf', 'json'],
  cacheDir: '.briefwright-cache',
};

/** Edition date: SOURCE_DATE_EPOCH when set (reproducible builds), else today (UTC). */
export function editionDateFromEnv(env: NodeJS.ProcessEnv, now: () => Date = () => new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    // Up to the last second of year 9999: an edition date has four digits of year.
    if (!/^\d+$/.test(epoch) || Number(epoch) > 253402300799) throw usageError(`SOURCE_DATE_EPOCH must be a whole number of seconds up to year 9999, got "${epoch}"`);
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  }
  return now().toISOString().slice(0, 10);
}

function list(value: string): string[] {
  return [...new Set(value.split(',').map((s) => s.trim()).filter(Boolean))];
}

/** The object without its undefined fields (so spreading it over defaults keeps them). */
function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Merge defaults, the config file and flags. `cwd` makes config-relative paths usable from the CLI. */
export function resolveSettings(
  flags: BuildFlags,
  loaded: LoadedConfig,
  env: NodeJS.ProcessEnv,
  generator: { name: string; version: string },
  cwd: string = process.cwd(),
): BuildSettings {
  const c = loaded.config;
  // Paths in the config are relative to the config file; shown relative to the working folder.
  const fromConfig = (p: string): string => {
    const abs = isAbsolute(p) ? p : resolve(loaded.dir, p);
    return relative(cwd, abs) || '.';
  };

  let sources: SourceSelection;
  if (flags.sources !== undefined) sources = { kind: 'folder', dir: flags.sources };
  else if (typeof c.sources === 'string') sources = { kind: 'folder', dir: fromConfig(c.sources) };
  else if (c.sources && c.sources.include) sources = { kind: 'globs', base: relative(cwd, loaded.dir) || '.', include: c.sources.include, exclude: c.sources.exclude ?? [] };
  else if (c.sources) sources = { kind: 'globs', base: relative(cwd, loaded.dir) || '.', include: [`${defaultBuildSettings.sources}/**/*`], exclude: c.sources.exclude ?? [] };
  else sources = { kind: 'folder', dir: loaded.file ? fromConfig(defaultBuildSettings.sources) : defaultBuildSettings.sources };

  const pageSize = flags.pageSize ?? c.pageSize;
  if (pageSize !== undefined && pageSize !== 'A4' && pageSize !== 'Letter') throw usageError(`--page-size must be A4 or Letter, got "${pageSize}"`);

  const fonts: FontsConfig = {};
  for (const [k, v] of Object.entries(c.fonts ?? {})) (fonts as Record<string, unknown>)[k] = typeof v === 'string' ? fromConfig(v) : v;

  const templatesDirs: string[] = [];
  if (flags.templates !== undefined) templatesDirs.push(flags.templates);
  if (c.templatesDir !== undefined) templatesDirs.push(fromConfig(c.templatesDir));

  const out = flags.out ?? (c.out !== undefined ? fromConfig(c.out) : loaded.file ? fromConfig(defaultBuildSettings.out) : defaultBuildSettings.out);
  const analyze: AnalyzeOptions = {
    ...defaultAnalyzeOptions,
    summaryWords: flags.summaryWords ?? c.summaryWords ?? defaultAnalyzeOptions.summaryWords,
    // Aliases are matched lower-cased; the canonical name keeps its case.
    actorAliases: Object.fromEntries(Object.entries({ ...defaultAnalyzeOptions.actorAliases, ...(c.actorAliases ?? {}) }).map(([k, v]) => [k.toLowerCase(), v]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
  const synthesize: SynthesizeOptions = {
    ...defaultSynthesizeOptions,
    title: flags.title ?? c.title ?? null,
    subtitle: flags.subtitle ?? c.subtitle ?? null,
    organisation: flags.organisation ?? c.organisation ?? null,
    themes: flags.themes ?? c.themes ?? defaultSynthesizeOptions.themes,
    // The config's edition beats SOURCE_DATE_EPOCH (which `make` always sets); a flag beats both.
    date: flags.edition ?? c.edition ?? editionDateFromEnv(env),
    generator,
  };
  if (flags.edition !== undefined && !isCalendarDate(flags.edition)) throw usageError(`--edition must be a date as YYYY-MM-DD, got "${flags.edition}"`);

  return {
    sources,
    out,
    templates: flags.template !== undefined ? list(flags.template) : c.templates ?? defaultBuildSettings.templates,
    templatesDirs,
    formats: flags.format !== undefined ? list(flags.format) : c.formats ?? defaultBuildSettings.formats,
    pageSize,
    fonts,
    authors: c.authors ?? [],
    shown: definedOnly({ keyMessages: flags.keyMessages ?? c.keyMessages, summaryWords: flags.summaryWords ?? c.summaryWords }),
    analyze,
    synthesize,
    cache: flags.cache ?? c.cache ?? true,
    cacheDir: loaded.file ? fromConfig(defaultBuildSettings.cacheDir) : join(defaultBuildSettings.cacheDir),
    configFile: loaded.file,
    referenceStyle: c.references?.style ? (/\.csl$/i.test(c.references.style) ? fromConfig(c.references.style) : c.references.style) : defaultReferenceStyle,
    overrides: { drop: c.overrides?.drop ?? [], pin: c.overrides?.pin ?? [], themes: c.overrides?.themes ?? {} },
  };
}
