/**
 * `brief build`: sources → model → templates → Markdown, PDF and model.json in the out folder.
 * Settings come from defaults < config file < flags. Per-source work is cached and, for many
 * sources, spread over worker threads; the previous edition's model is kept for "what changed".
 * Heavy modules (stages, renderers) are imported only when a build runs, so `brief --help` and
 * start-up stay fast.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { OutputFormat } from '../../render/index.js';
import type { Brief } from '../../model/schema.js';
import { inputError, usageError } from '../../model/errors.js';
import { positiveInt } from '../options.js';
import { Progress, progressMode, type ProgressSink } from '../progress.js';
import type { BuildFlags, BuildSettings } from '../../config/resolve.js';
import type { StageTimes } from '../workers/analyze-one.js';

const allFormats: readonly OutputFormat[] = ['md', 'pdf', 'html', 'docx', 'json'];

export function parseFormats(value: string): OutputFormat[] {
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const f of list) if (!allFormats.includes(f as OutputFormat)) throw usageError(`unknown format "${f}", expected one of ${allFormats.join(', ')}`);
  return [...new Set(list)] as OutputFormat[];
}

/** Flags of `brief build` (commander's parsed options). */
export interface BuildCommandFlags extends BuildFlags {
  config?: string;
  strict?: boolean;
  quiet?: boolean;
  json?: boolean;
  watch?: boolean;
  workers?: number;
}

/** What a build did, for watch mode, tests and the bench. */
export interface BuildOutcome {
  settings: BuildSettings;
  outputs: string[];
  brief: Brief | null;
  sources: number;
  cached: number;
  analysed: number;
  threads: number;
  /** Wall milliseconds per phase (read, analyze, synthesize, render, write, total) and per-source stage times summed over the sources analysed. */
  times: { phases: Record<string, number>; stages: StageTimes };
  /** The build's diagnostics (warnings, skipped sources), as printed. */
  diagnostics: import('../../model/diagnostics.js').Diagnostic[];
  /** True when nothing had changed since the last build, so nothing was redone or rewritten. */
  upToDate: boolean;
}

/** How a build talks to its caller: the CLI prints and sets the exit code; the API collects. */
export interface BuildHooks {
  /** Where diagnostic lines go (default: stderr). */
  printLine?: (line: string) => void;
  /** Set process.exitCode to 3 when a source was skipped (default: true; the API leaves it alone). */
  setExitCode?: boolean;
}

/** A kept edition: its file and bytes, read now; its model, parsed only when a build needs it. */
export interface PreviousEdition {
  path: string;
  bytes: Buffer;
  /** The parsed model, or null when the file turns out not to be one (the brief is then built without "what changed"). */
  brief(): Brief | null;
}

/** A model's date and shape, from its bytes: files we wrote are read without parsing 10+ MB of JSON. */
function editionDate(bytes: Buffer): { date: string; parsed?: Brief } | null {
  // Our model.json is pretty-printed with "date" among the first top-level keys, and ends with "}\n".
  const head = /^ {2}"date": "(\d{4}-\d{2}-\d{2})",?$/m.exec(bytes.subarray(0, 65536).toString('utf8'));
  if (head && bytes.includes('\n  "findings": [') && bytes.includes('\n  "sources": [') && /}\s*$/.test(bytes.subarray(-16).toString('latin1'))) return { date: head[1]! };
  try {
    const brief = JSON.parse(bytes.toString('utf8')) as Brief;
    if (brief && typeof brief.date === 'string' && Array.isArray(brief.sources) && Array.isArray(brief.findings)) return { date: brief.date, parsed: brief };
  } catch {
    // not a model
  }
  return null;
}

/** The previous edition's model: the newest archived edition older than `date`, or an older out/model.json. */
export function findPreviousEdition(outDir: string, date: string): PreviousEdition | null {
  const candidates: string[] = [];
  const editions = join(outDir, 'editions');
  if (existsSync(editions)) {
    for (const d of readdirSync(editions).sort().reverse()) if (/^\d{4}-\d{2}-\d{2}$/.test(d) && d < date) candidates.push(join(editions, d, 'model.json'));
  }
  candidates.push(join(outDir, 'model.json'));
  for (const p of candidates) {
    if (!existsSync(p)) continue;
    let bytes: Buffer;
    try {
      bytes = readFileSync(p);
    } catch {
      continue;
    }
    // An unreadable old edition is skipped: the brief is still built, without a "what changed" section.
    const found = editionDate(bytes);
    if (!found || found.date >= date) continue;
    let parsed: Brief | null | undefined = found.parsed;
    const brief = (): Brief | null => {
      if (parsed === undefined) {
        try {
          parsed = JSON.parse(bytes.toString('utf8')) as Brief;
        } catch {
          parsed = null;
        }
      }
      return parsed;
    };
    return { path: p, bytes, brief };
  }
  return null;
}

/** Runs one build. Errors are thrown as BriefwrightError; the caller maps them to exit codes. */
export async function runBuild(flags: BuildCommandFlags, progress: Progress, env: NodeJS.ProcessEnv = process.env, hooks: BuildHooks = {}): Promise<BuildOutcome> {
  const t0 = performance.now();
  const [{ findConfig }, { resolveSettings }, { listSelectedSources }, io, report_, { Report }, { version }, { readTemplatesWithCompanions }] = await Promise.all([
    import('../../config/find.js'),
    import('../../config/resolve.js'),
    import('../../config/sources.js'),
    import('../io.js'),
    import('../report.js'),
    import('../../model/diagnostics.js'),
    import('../version.js'),
    import('../template-folder.js'),
  ]);
  const times: BuildOutcome['times'] = { phases: {}, stages: { ingest: 0, structure: 0, analyze: 0 } };
  const lap = (name: string, since: number) => (times.phases[name] = Math.round((performance.now() - since) * 10) / 10);
  const print = hooks.printLine ?? ((line: string) => process.stderr.write(line + '\n'));
  // "Nothing could be built" always throws; "some sources were skipped" is an exit code for the CLI only.
  const exitFor = (r: import('../../model/diagnostics.js').Report, nothingBuilt: boolean) => (hooks.setExitCode === false && !nothingBuilt ? undefined : report_.exitForReport(r, nothingBuilt));

  let t = performance.now();
  // The YAML parser and the schema load only when there is a config file to read.
  const configPath = flags.config ?? findConfig(process.cwd());
  const loaded = configPath ? (await import('../../config/load.js')).loadConfig(configPath) : { config: {}, file: null, dir: process.cwd() };
  const settings = resolveSettings(flags, loaded, env, { name: 'briefwright', version });
  for (const f of settings.formats) {
    if (allFormats.includes(f as OutputFormat)) continue;
    const msg = `unknown format "${f}", expected one of ${allFormats.join(', ')}`;
    throw flags.format !== undefined || !settings.configFile ? usageError(msg) : inputError(settings.configFile, msg);
  }
  const formats = settings.formats as OutputFormat[];
  io.checkOutDir(settings.out, {
    sourcesDir: settings.sources.kind === 'folder' ? settings.sources.dir : undefined,
    projectRoot: loaded.dir,
    fromConfig: flags.out === undefined && loaded.config.out !== undefined,
    allowOutside: loaded.config.allowOutsideOut === true,
    configFile: settings.configFile ?? undefined,
  });
  // A template's companions (the handout's instructor's key) are rendered with it.
  const templateFiles = readTemplatesWithCompanions(settings.templates, settings.templatesDirs);
  const report = new Report();
  const files = io.readSources(listSelectedSources(settings.sources), report);
  const previous = findPreviousEdition(settings.out, settings.synthesize.date);
  // The analyst's metadata sidecars (NAME.meta.yaml beside NAME.pdf), read with the sources.
  const { sidecarPath } = await import('../../config/sidecar-path.js');
  const sidecars = new Map(files.flatMap((f) => {
    const p = sidecarPath(f.path);
    return existsSync(p) ? [[f.path, { path: p, text: readFileSync(p, 'utf8') }] as const] : [];
  }));
  lap('read', t);
  progress.emit({ event: 'start', command: 'build', sources: files.length, config: settings.configFile });

  // Nothing changed since the last build (same program, settings, sources, templates, previous
  // edition; outputs untouched): replay its diagnostics and stop.
  const [{ SourceCache, programCodeHash, sha256 }, stamps] = await Promise.all([import('../../cache/index.js'), import('../../cache/build-stamp.js')]);
  const fontBytes = Object.entries(settings.fonts).map(([k, v]) => [k, typeof v === 'string' && existsSync(v) ? sha256(readFileSync(v)) : v]);
  const inputs = stamps.inputsHash({
    program: version,
    code: programCodeHash('all'),
    settings: { ...settings, configFile: null },
    fonts: fontBytes,
    strict: flags.strict === true,
    files: files.map(({ bytes, ...rest }) => ({ ...rest, sha256: sha256(bytes) })),
    templates: templateFiles,
    sidecars: [...sidecars.values()],
    previous: previous ? sha256(previous.bytes) : null,
  });
  const stamp = settings.cache ? stamps.upToDateStamp(settings.out, inputs) : null;
  if (stamp) {
    const replay = new Report();
    for (const m of stamp.messages) replay.add(m);
    printReport(replay, [], new Map(), progress, report_, print);
    report_.abortIfStrict(replay, flags.strict);
    lap('total', t0);
    const outputs = Object.keys(stamp.outputs).map((n) => join(settings.out, n));
    progress.emit({ event: 'done', ms: times.phases.total, outputs, sources: files.length, cached: files.length, analysed: 0, upToDate: true, phases: times.phases, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) });
    exitFor(replay, false);
    return { settings, outputs, brief: null, sources: files.length, cached: files.length, analysed: 0, threads: 0, times, diagnostics: replay.messages, upToDate: true };
  }

  // Templates are parsed and checked before any source is analysed, so a broken one fails fast.
  const { parseTemplateFiles } = await import('../template-files.js');
  const templates = templateFiles.map(parseTemplateFiles);
  // The reference style's engine is built in another thread while the sources are analysed. A
  // style that cannot be loaded is reported where it always was, after synthesis.
  const { loadCslStyle } = await import('../styles.js');
  let formatReferences: import('../workers/reference-thread.js').ReferenceFormat | null = null;
  try {
    const style = loadCslStyle(settings.referenceStyle, settings.configFile);
    formatReferences = (await import('../workers/reference-thread.js')).startReferenceFormatter(style);
  } catch {
    formatReferences = null;
  }

  // Per-source work: cache, then inline or worker threads.
  t = performance.now();
  let endStage = progress.stage('analyze');
  const { analyzeSources } = await import('../workers/analyze-sources.js');
  const cache = settings.cache ? new SourceCache(settings.cacheDir, version) : null;
  const per = await analyzeSources(files, report, {
    analyze: settings.analyze,
    cache,
    workers: flags.workers ?? 'auto',
    onSource: (e) => progress.emit({ event: 'source', ...e }),
    onCorrupt: (path, reason) => progress.emit({ event: 'cache-corrupt', path, reason }),
  });
  times.stages = per.times;
  endStage(`${files.length} source${files.length === 1 ? '' : 's'}${per.cached ? ` (${per.cached} cached)` : ''}${per.threads ? ` on ${per.threads} threads` : ''}`);
  lap('analyze', t);

  t = performance.now();
  endStage = progress.stage('synthesize');
  const { synthesize } = await import('../../synthesize/index.js');
  let brief: Brief = synthesize(per.analyses, { report }, settings.synthesize);
  if (settings.authors.length > 0) brief = { ...brief, authors: settings.authors };
  // The analyst's overrides win over extraction, and the model (and what changed) records them.
  const { applyAnalystOverrides } = await import('../overrides.js');
  brief = applyAnalystOverrides(brief, settings.overrides, sidecars, report, settings.configFile);
  const previousBrief = previous?.brief() ?? null;
  if (previousBrief) {
    const { diffBriefs, keepThemeLabels } = await import('../../diff/index.js');
    brief = keepThemeLabels(previousBrief, brief);
    brief = { ...brief, changes: { ...diffBriefs(previousBrief, brief), ...(brief.overrides ? { overrides: brief.overrides } : {}) } };
  }
  endStage(`${brief.themes.length} themes, ${brief.findings.length} findings, ${brief.recommendations.length} recommendations`);
  lap('synthesize', t);

  // The sources list: CSL-JSON and BibTeX beside the brief, entries formatted by the CSL style.
  const { referenceList, referenceListWith, referenceFiles } = await import('../../render/reference-list.js');
  const references = formatReferences ? await referenceListWith(brief, formatReferences) : referenceList(brief, loadCslStyle(settings.referenceStyle, settings.configFile));
  for (const m of references.missing) report.info(m.path, undefined, `the reference lacks ${m.fields.join(', ')} (left out of the sources list, references.json and references.bib: the source does not give it; a ${m.path.replace(/\.[^./\\]+$/, '')}.meta.yaml beside it can)`, 'reference-incomplete');

  const texts = new Map(per.analyses.map((a) => [a.doc.source.path, a.doc.source.text]));
  printReport(report, files, texts, progress, report_, print);
  report_.abortIfStrict(report, flags.strict);
  if (brief.sources.length === 0) {
    exitFor(report, true);
    return { settings, outputs: [], brief: null, sources: 0, cached: per.cached, analysed: per.analysed, threads: per.threads, times, diagnostics: report.messages, upToDate: false };
  }

  t = performance.now();
  endStage = progress.stage('render');
  const { render } = await import('../../render/index.js');
  const outputs: { name: string; bytes: Uint8Array }[] = [];
  // Fonts ride along for renderers that read them; the model never knows about pages or fonts.
  // The sources' texts let the HTML reader show each cited passage in its paragraph.
  const sourceTexts = new Map(per.analyses.map((a) => [a.doc.source.id, { text: a.doc.source.text, pageStarts: a.doc.source.pageStarts }]));
  const renderOptions = { formats, pageSize: settings.pageSize, fonts: settings.fonts, limits: settings.shown, sourceTexts, references: references.formatted };
  // Diagnostics of rendering (a cited quote the reader cannot mark) are printed once rendering is done.
  const renderReport = new Report();
  for (const template of templates) {
    for (const o of await render(brief, template, { report: renderReport }, renderOptions)) if (!outputs.some((x) => x.name === o.name)) outputs.push(o);
  }
  outputs.push(...referenceFiles(references));
  printReport(renderReport, files, texts, progress, report_, print);
  for (const m of renderReport.messages) report.add(m);
  endStage(outputs.map((o) => o.name).join(', '));
  lap('render', t);

  t = performance.now();
  endStage = progress.stage('write');
  // This edition's model, kept so the next edition can say what changed, and the build stamp are
  // written in the same locked, all-or-nothing step as the outputs.
  const editionName = join('editions', brief.date, 'model.json');
  const editionJson = JSON.stringify(brief, null, 2) + '\n';
  const bookkeeping: { name: string; bytes: string; internal: true }[] = [{ name: editionName, bytes: editionJson, internal: true }];
  if (settings.cache) {
    const sums: Record<string, string> = Object.fromEntries(outputs.map((o) => [o.name, sha256(o.bytes)]));
    sums[editionName] = sha256(editionJson);
    const stampFile: import('../../cache/build-stamp.js').BuildStamp = { inputs, outputs: sums, messages: report.messages };
    bookkeeping.push({ name: stamps.stampName, bytes: JSON.stringify(stampFile) + '\n', internal: true });
  }
  const written = (await io.writeOutputs(settings.out, [...outputs, ...bookkeeping])).slice(0, outputs.length);
  endStage(settings.out);
  lap('write', t);
  lap('total', t0);
  progress.emit({
    event: 'done', ms: times.phases.total, outputs: written, sources: files.length, cached: per.cached, analysed: per.analysed,
    threads: per.threads, phases: times.phases, stages: roundTimes(per.times), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  });
  exitFor(report, false);
  return { settings, outputs: written, brief, sources: files.length, cached: per.cached, analysed: per.analysed, threads: per.threads, times, diagnostics: report.messages, upToDate: false };
}

const roundTimes = (t: StageTimes): Record<string, number> => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v * 10) / 10]));

/** Diagnostics: stderr lines (only errors with --quiet), plus one event each with --json. */
function printReport(
  report: import('../../model/diagnostics.js').Report,
  files: readonly import('../../model/document.js').RawFile[],
  texts: ReadonlyMap<string, string>,
  progress: Progress,
  r: typeof import('../report.js'),
  print: (line: string) => void,
): void {
  const quiet = progress.mode === 'quiet';
  r.printDiagnostics(report, files, texts, (line) => {
    if (!quiet || /: error: /.test(line)) print(line);
  });
  if (progress.mode === 'json') {
    for (const d of report.messages) {
      if (d.severity === 'info') continue;
      progress.emit({ event: 'diagnostic', severity: d.severity === 'fatal' ? 'error' : d.severity, file: d.file, line: d.line, column: d.column, message: d.message, rule: d.rule });
    }
  }
}

/** The progress reporter of a command: stdout (stderr keeps diagnostics), in the mode the flags ask for. */
export function progressFor(flags: { quiet?: boolean; json?: boolean }, sink: ProgressSink & { isTTY?: boolean } = process.stdout): Progress {
  return new Progress(progressMode(flags, sink.isTTY === true), sink);
}

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('build a brief from a folder of sources')
    .option('-c, --config <file>', 'config file (default: briefwright.config.yaml or .json here)')
    .option('--sources <dir>', 'folder of sources (default: sources, or the config\'s globs)')
    .option('--out <dir>', 'output folder (default: out)')
    .option('--template <names>', 'template(s) to render, comma-separated (default: briefing)')
    .option('--templates <dir>', 'folder of user templates (overrides built-ins)')
    .option('--format <list>', `comma-separated output formats (${allFormats.join(',')})`)
    .option('--title <text>', 'title of the brief')
    .option('--subtitle <text>', 'subtitle of the brief')
    .option('--organisation <text>', 'organisation publishing the brief')
    .option('--edition <date>', 'edition date YYYY-MM-DD (default: SOURCE_DATE_EPOCH or today)')
    .option('--summary-words <n>', 'words per source summary', positiveInt('--summary-words'))
    .option('--themes <n>', 'maximum number of themes', positiveInt('--themes'))
    .option('--key-messages <n>', 'number of key messages', positiveInt('--key-messages'))
    .option('--page-size <size>', 'A4 or Letter')
    .option('--no-cache', 'do not read or write .briefwright-cache/')
    .option('--workers <n>', 'worker threads for per-source work (0: none; default: by source count and cores)', (v: string) => {
      if (!/^\d+$/.test(v)) throw usageError(`--workers must be a whole number, got "${v}"`);
      return Number(v);
    })
    .option('--strict', 'abort without writing anything when a source cannot be used')
    .option('-q, --quiet', 'print nothing but errors')
    .option('--json', 'progress as one JSON object per line')
    .option('-w, --watch', 'rebuild when sources, templates or the config change')
    .action(async (opts: BuildCommandFlags) => {
      // commander sets cache: true unless --no-cache; only an explicit --no-cache should beat the config.
      const flags: BuildCommandFlags = { ...opts, cache: opts.cache === false ? false : undefined };
      const progress = progressFor(flags);
      if (flags.watch) {
        const { watchBuild } = await import('../watch.js');
        await watchBuild(flags, progress);
        return;
      }
      await runBuild(flags, progress);
    });
}
