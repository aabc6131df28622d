/** `brief extract`: sources → model.json only (stdout by default). */
import type { Command } from 'commander';
import { Report } from '../../model/diagnostics.js';
import { buildModel } from '../../pipeline.js';
import { listSources, readSources, writeAtomic } from '../io.js';
import { analyzeOptionsFrom, positiveInt, synthesizeOptionsFrom } from '../options.js';
import { abortIfStrict, exitForReport, printDiagnostics } from '../report.js';

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('extract the model (themes, findings, recommendations…) as JSON')
    .option('--sources <dir>', 'folder of sources', 'sources')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--summary-words <n>', 'words per source summary', positiveInt('--summary-words'))
    .option('--strict', 'abort without writing anything when a source cannot be used')
    .action(async (opts) => {
      const report = new Report();
      const files = readSources(listSources(opts.sources), report);
      const { brief, analyses } = await buildModel(files, { report }, { analyze: analyzeOptionsFrom(opts), synthesize: synthesizeOptionsFrom(opts) });
      printDiagnostics(report, files, new Map(analyses.map((a) => [a.doc.source.path, a.doc.source.text])));
      abortIfStrict(report, opts.strict);
      if (brief.sources.length === 0) return exitForReport(report, true);
      const json = JSON.stringify(brief, null, 2) + '\n';
      if (opts.output) writeAtomic(opts.output, json);
      else process.stdout.write(json);
      exitForReport(report, false);
    });
}
