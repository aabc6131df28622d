/**
 * `brief eval`: scores keyphrases and summaries on a data set laid out like `nus/`, beside
 * baselines; on a policy-report data set (docs/ and gold/*.json) scores metadata, recommendations,
 * key findings and furniture leaks against the gold (eval-policy.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { inputError } from '../../model/errors.js';
import { evaluate, formatEvalTable, type EvalDocument } from '../../eval/run.js';
import { positiveInt } from '../options.js';
import { isPolicyDataset, runPolicyEval } from './eval-policy.js';
import { runSynthesisEval } from './eval-synthesis.js';

function readIfExists(path: string): string | null {
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

/** Titles from meta.tsv (column `title`), when the data set has one. */
function readTitles(dir: string): Map<string, string> {
  const titles = new Map<string, string>();
  const meta = readIfExists(join(dir, 'meta.tsv'));
  if (!meta) return titles;
  const [head, ...rows] = meta.split('\n');
  const cols = head.split('\t');
  const idCol = cols.indexOf('id');
  const titleCol = cols.indexOf('title');
  if (idCol < 0 || titleCol < 0) return titles;
  for (const row of rows) {
    const cells = row.split('\t');
    if (cells[idCol] && cells[titleCol]) titles.set(cells[idCol], cells[titleCol].trim());
  }
  return titles;
}

/** Reads docs/, keys/, abstract/ and body/ of a data set folder, sorted by id (numerically when possible). */
export function readDataset(dir: string, limit?: number): EvalDocument[] {
  const docsDir = join(dir, 'docs');
  if (!existsSync(docsDir)) throw inputError(dir, 'expected a data set folder with docs/ (and keys/, abstract/, body/)');
  const titles = readTitles(dir);
  const ids = readdirSync(docsDir)
    .filter((n) => n.endsWith('.txt'))
    .map((n) => n.slice(0, -4))
    .sort((a, b) => (/^\d+$/.test(a) && /^\d+$/.test(b) ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0));
  return ids.slice(0, limit ?? ids.length).map((id) => {
    const keys = readIfExists(join(dir, 'keys', `${id}.txt`));
    const abstract = readIfExists(join(dir, 'abstract', `${id}.txt`));
    const body = readIfExists(join(dir, 'body', `${id}.txt`));
    return {
      id,
      text: readFileSync(join(docsDir, `${id}.txt`), 'utf8'),
      keys: keys === null ? null : keys.split('\n').map((k) => k.trim()).filter(Boolean),
      abstract: abstract && abstract.trim() ? abstract : null,
      body: body && body.trim() ? body : null,
      title: titles.get(id),
    };
  });
}

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('score keyphrases (P/R/F1 at 5 and 10) and summaries (ROUGE) on a data set, beside baselines; or metadata, recommendations and findings on a policy-report set (docs/ + gold/)')
    .requiredOption('--dataset <dir>', 'data set folder with docs/, keys/, abstract/ and body/, or docs/ and gold/*.json')
    .option('--limit <n>', 'only the first n documents', positiveInt('--limit'))
    .option('--model <file>', 'policy set: score this model.json instead of extracting one')
    .option('--json', 'policy set: print one JSON line per document and the totals (as score.mjs does)')
    .option('--synthesis <gold.json>', "score the folder's agreements and disagreements against an analyst's list (e.g. --dataset sources --synthesis tests/fixtures/synthesis/bundled-gold.json)")
    .action(async (opts) => {
      if (opts.synthesis) return runSynthesisEval(opts.dataset, opts.synthesis);
      if (isPolicyDataset(opts.dataset)) return runPolicyEval(opts.dataset, { model: opts.model, json: opts.json });
      const docs = readDataset(opts.dataset, opts.limit);
      const result = await evaluate(docs, { now: () => performance.now() });
      process.stdout.write(formatEvalTable(result, opts.dataset) + '\n');
      if (result.analysisMs !== null) {
        const analysed = docs.length + result.summaryDocuments;
        const seconds = result.analysisMs / 1000;
        process.stdout.write(`\nSpeed: ingest+structure+analysis features of ${docs.length} full texts and ${result.summaryDocuments} bodies in ${seconds.toFixed(1)} s = ${(docs.length / seconds).toFixed(1)} docs/s (${(analysed / seconds).toFixed(1)} texts/s)\n`);
      }
    });
}
