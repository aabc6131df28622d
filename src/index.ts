/**
 * Briefwright as a library: `build` and `extract` do what `brief build` and `brief extract` do,
 * with the same config file, cache and outputs, but return the model and the files written instead
 * of printing. Paths are taken as the command line takes them: relative to the working folder.
 *
 *   import { build } from 'briefwright';
 *   const { brief, files } = await build({ sources: 'sources', out: 'out', formats: ['md', 'json'] });
 *
 * Failures throw a BriefwrightError whose `kind` maps to the CLI's exit code (`exitCodes`); a source
 * that cannot be read is skipped with a diagnostic (severity "fatal"), as in the CLI.
 * Everything heavy is imported when a function runs, so importing this module is cheap.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Brief, EditionChanges } from './model/schema.js';
import type { Diagnostic } from './model/diagnostics.js';
import type { OutputFormat } from './render/index.js';
import type { ProgressEvent } from './cli/progress.js';
import type { BuildFlags } from './config/resolve.js';

export type { Brief, EditionChanges } from './model/schema.js';
export type { Diagnostic } from './model/diagnostics.js';
export type { OutputFormat } from './render/index.js';
export type { ProgressEvent } from './cli/progress.js';
export { BriefwrightError, exitCodes, type ErrorKind } from './model/errors.js';

/**
 * Options of `build`; each is the `brief build` flag of the same name, and overrides the config file
 * (title, subtitle, organisation, edition date YYYY-MM-DD, summaryWords, themes, keyMessages are
 * the flags' own).
 */
export interface BuildOptions extends Pick<BuildFlags, 'title' | 'subtitle' | 'organisation' | 'edition' | 'summaryWords' | 'themes' | 'keyMessages'> {
  /** Config file (default: briefwright.config.yaml, .yml or .json in the working folder, if any). */
  config?: string;
  /** Folder of sources (default: `sources`, or the config's). */
  sources?: string;
  /** Output folder (default: `out`, or the config's). */
  out?: string;
  /** Templates to render (default: `briefing`). */
  templates?: string[];
  /** Folder of user templates, searched before the built-in ones. */
  templatesDir?: string;
  /** Output formats (default: md, pdf, json). */
  formats?: OutputFormat[];
  pageSize?: 'A4' | 'Letter';
  /** Read and write the per-source cache (default: true, or the config's). */
  cache?: boolean;
  /** Worker threads for per-source work (0: none; default: by source count and cores). */
  workers?: number;
  /** Throw, writing nothing, when a source cannot be used. */
  strict?: boolean;
  /** Environment read for SOURCE_DATE_EPOCH (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Progress events, as `brief build --json` prints them. */
  onProgress?: (event: ProgressEvent) => void;
  /** Diagnostic lines as the CLI prints them (`file:line:column: warning: …`); default: none printed. */
  onDiagnostic?: (line: string) => void;
}

/** What `build` did. */
export interface BuildResult {
  /** The model of this edition (with `changes` when there was a previous edition). */
  brief: Brief;
  /** Paths of the outputs, in the out folder. */
  files: string[];
  /** Warnings and skipped sources (severity "fatal"). */
  diagnostics: Diagnostic[];
  /** True when nothing had changed since the last build: nothing was redone and `files` are as they were. */
  upToDate: boolean;
}

/** Builds the brief: sources → model → outputs written to the out folder. */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const [{ runBuild }, { Progress }] = await Promise.all([import('./cli/commands/build.js'), import('./cli/progress.js')]);
  const onProgress = options.onProgress;
  const progress = new Progress(onProgress ? 'json' : 'quiet', {
    write: (text: string) => {
      for (const line of text.split('\n')) if (line.trim()) onProgress?.(JSON.parse(line) as ProgressEvent);
    },
  });
  const outcome = await runBuild(
    {
      config: options.config,
      sources: options.sources,
      out: options.out,
      template: options.templates?.join(','),
      templates: options.templatesDir,
      format: options.formats?.join(','),
      title: options.title,
      subtitle: options.subtitle,
      organisation: options.organisation,
      edition: options.edition,
      summaryWords: options.summaryWords,
      themes: options.themes,
      keyMessages: options.keyMessages,
      pageSize: options.pageSize,
      cache: options.cache,
      workers: options.workers,
      strict: options.strict,
    },
    progress,
    options.env ?? process.env,
    { printLine: options.onDiagnostic ?? (() => {}), setExitCode: false },
  );
  // An up-to-date build did not rebuild the model: it is the edition kept beside the outputs.
  const brief = outcome.brief ?? (JSON.parse(readFileSync(join(outcome.settings.out, 'editions', outcome.settings.synthesize.date, 'model.json'), 'utf8')) as Brief);
  return { brief, files: outcome.outputs, diagnostics: outcome.diagnostics, upToDate: outcome.upToDate };
}

/** Options of `extract`; each is the `brief extract` flag of the same name. */
export interface ExtractOptions {
  config?: string;
  sources?: string;
  /** Also write the model to this file. */
  output?: string;
  summaryWords?: number;
  cache?: boolean;
  workers?: number;
  strict?: boolean;
  /** Diagnostic lines as the CLI prints them; default: none printed. */
  onDiagnostic?: (line: string) => void;
}

/** What `extract` produced. */
export interface ExtractResult {
  brief: Brief;
  diagnostics: Diagnostic[];
}

/** Extracts the model (themes, findings, recommendations, …) without rendering anything. */
export async function extract(options: ExtractOptions = {}): Promise<ExtractResult> {
  const { runExtract } = await import('./cli/commands/extract.js');
  const { onDiagnostic, ...flags } = options;
  const { brief, diagnostics } = await runExtract(flags, onDiagnostic ?? (() => {}));
  return { brief, diagnostics };
}

/** What changed from one edition's model to another's, matched by content (as `brief diff --format json`). */
export async function diff(previous: Brief, current: Brief): Promise<EditionChanges> {
  const { diffBriefs } = await import('./diff/index.js');
  return diffBriefs(previous, current);
}
