/**
 * `brief extract`: sources → model.json only (stdout by default). Reads the same config as
 * `brief build` and uses the same cache and worker threads; heavy modules load only when it runs.
 */
import type { Command } from 'commander';
import type { Brief } from '../../model/schema.js';
import type { Diagnostic } from '../../model/diagnostics.js';
import { exitCodes, usageError } from '../../model/errors.js';
import { positiveInt } from '../options.js';

/** Flags of `brief extract` (also the options of the API's `extract`). */
export interface ExtractFlags {
  config?: string;
  sources?: string;
  output?: string;
  summaryWords?: number;
  strict?: boolean;
  cache?: boolean;
  workers?: number;
}

/** What an extraction produced: the model, and the diagnostics (already printed through `printLine`). */
export interface ExtractOutcome {
  brief: Brief;
  diagnostics: Diagnostic[];
  /** True when a source could not be used (it was skipped; the CLI exits 3). */
  skipped: boolean;
}

/**
 * Runs one extraction and returns the model; writes it to `flags.output` when given. Throws a
 * BriefwrightError when nothing could be read, or with `strict` when a source could not be used.
 */
export async function runExtract(flags: ExtractFlags, printLine: (line: string) => void = (l) => process.stderr.write(l + '\n')): Promise<ExtractOutcome> {
  const [{ loadConfig }, { resolveSettings }, { listSelectedSources }, io, r, { Report }, { version }, { analyzeSources }, { SourceCache }, { synthesize }] = await Promise.all([
    import('../../config/load.js'),
    import('../../config/resolve.js'),
    import('../../config/sources.js'),
    import('../io.js'),
    import('../report.js'),
    import('../../model/diagnostics.js'),
    import('../version.js'),
    import('../workers/analyze-sources.js'),
    import('../../cache/index.js'),
    import('../../synthesize/index.js'),
  ]);
  const settings = resolveSettings({ sources: flags.sources, summaryWords: flags.summaryWords, cache: flags.cache === false ? false : undefined }, loadConfig(flags.config), process.env, { name: 'briefwright', version });
  const report = new Report();
  const files = io.readSources(listSelectedSources(settings.sources), report);
  const per = await analyzeSources(files, report, {
    analyze: settings.analyze,
    cache: settings.cache ? new SourceCache(settings.cacheDir, version) : null,
    workers: flags.workers ?? 'auto',
  });
  let brief = synthesize(per.analyses, { report }, settings.synthesize);
  if (settings.authors.length > 0) brief = { ...brief, authors: settings.authors };
  r.printDiagnostics(report, files, new Map(per.analyses.map((a) => [a.doc.source.path, a.doc.source.text])), printLine);
  r.abortIfStrict(report, flags.strict);
  if (brief.sources.length === 0) r.exitForReport(report, true);
  if (flags.output) io.writeAtomic(flags.output, JSON.stringify(brief, null, 2) + '\n');
  return { brief, diagnostics: report.messages, skipped: report.hasFatal };
}

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('extract the model (themes, findings, recommendations…) as JSON')
    .option('-c, --config <file>', 'config file (default: briefwright.config.yaml or .json here)')
    .option('--sources <dir>', 'folder of sources (default: sources, or the config\'s globs)')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--summary-words <n>', 'words per source summary', positiveInt('--summary-words'))
    .option('--no-cache', 'do not read or write .briefwright-cache/')
    .option('--workers <n>', 'worker threads for per-source work (0: none)', (v: string) => {
      if (!/^\d+$/.test(v)) throw usageError(`--workers must be a whole number, got "${v}"`);
      return Number(v);
    })
    .option('--strict', 'abort without writing anything when a source cannot be used')
    .action(async (opts: ExtractFlags) => {
      const { brief, skipped } = await runExtract(opts);
      if (!opts.output) process.stdout.write(JSON.stringify(brief, null, 2) + '\n');
      if (skipped) process.exitCode = exitCodes.input;
    });
}
