/** `brief build`: sources → model → template → Markdown, PDF and model.json in the out folder. */
import type { Command } from 'commander';
import { Report } from '../../model/diagnostics.js';
import { buildModel } from '../../pipeline.js';
import { render, type OutputFormat } from '../../render/index.js';
import { usageError } from '../../model/errors.js';
import { checkOutDir, listSources, readSources, writeOutputs } from '../io.js';
import { loadTemplate } from '../template-files.js';
import { analyzeOptionsFrom, positiveInt, synthesizeOptionsFrom } from '../options.js';
import { abortIfStrict, printDiagnostics, exitForReport } from '../report.js';

const allFormats: readonly OutputFormat[] = ['md', 'pdf', 'json'];

export function parseFormats(value: string): OutputFormat[] {
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const f of list) if (!allFormats.includes(f as OutputFormat)) throw usageError(`unknown format "${f}", expected one of ${allFormats.join(', ')}`);
  return [...new Set(list)] as OutputFormat[];
}

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('build a brief from a folder of sources')
    .option('--sources <dir>', 'folder of sources', 'sources')
    .option('--out <dir>', 'output folder', 'out')
    .option('--template <name>', 'template to render', 'briefing')
    .option('--templates <dir>', 'folder of user templates (overrides built-ins)')
    .option('--format <list>', 'comma-separated output formats (md,pdf,json)', 'md,pdf,json')
    .option('--title <text>', 'title of the brief')
    .option('--summary-words <n>', 'words per source summary', positiveInt('--summary-words'))
    .option('--page-size <size>', 'A4 or Letter', 'A4')
    .option('--strict', 'abort without writing anything when a source cannot be used')
    .action(async (opts) => {
      const formats = parseFormats(opts.format);
      if (opts.pageSize !== 'A4' && opts.pageSize !== 'Letter') throw usageError(`--page-size must be A4 or Letter, got "${opts.pageSize}"`);
      checkOutDir(opts.out, { sourcesDir: opts.sources });
      const template = loadTemplate(opts.template, opts.templates ? [opts.templates] : []);
      const report = new Report();
      const files = readSources(listSources(opts.sources), report);
      const { brief, analyses } = await buildModel(files, { report }, { analyze: analyzeOptionsFrom(opts), synthesize: synthesizeOptionsFrom(opts) });
      printDiagnostics(report, files, new Map(analyses.map((a) => [a.doc.source.path, a.doc.source.text])));
      abortIfStrict(report, opts.strict);
      if (brief.sources.length === 0) return exitForReport(report, true);
      const outputs = await render(brief, template, { report }, { formats, pageSize: opts.pageSize });
      // Render everything first, then write: a failure above leaves earlier outputs untouched.
      await writeOutputs(opts.out, outputs);
      exitForReport(report, false);
    });
}
