/**
 * `brief eval` on a policy-report data set (docs/ of PDFs or other sources, gold/*.json): extracts
 * the model as `brief extract` does (no cache) — or reads one given with --model — and scores it
 * against the gold files by the data set's rules (src/eval/policy-score.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inputError } from '../../model/errors.js';
import type { PolicyGold, ScoredModel } from '../../eval/policy-score.js';

/** Is the folder a policy-report data set: gold/*.json beside docs/? */
export function isPolicyDataset(dir: string): boolean {
  const gold = join(dir, 'gold');
  return existsSync(gold) && existsSync(join(dir, 'docs')) && readdirSync(gold).some((f) => f.endsWith('.json'));
}

/** The gold files of a policy data set, in file-name order (files without a `file` key are skipped). */
export function readPolicyGold(dir: string): PolicyGold[] {
  const gold = join(dir, 'gold');
  return readdirSync(gold)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      try {
        return JSON.parse(readFileSync(join(gold, f), 'utf8')) as PolicyGold;
      } catch (e) {
        throw inputError(join(gold, f), `expected a JSON gold file (${(e as Error).message.split('\n')[0]})`);
      }
    })
    .filter((g) => typeof g.file === 'string');
}

/** Extract the model of the data set's docs/ the way `brief extract --no-cache` does. */
export async function extractModel(docsDir: string, workers: number | 'auto'): Promise<ScoredModel> {
  const [{ loadConfig }, { resolveSettings }, { listSelectedSources }, io, { Report }, { version }, { analyzeSources }, { synthesize }] = await Promise.all([
    import('../../config/load.js'),
    import('../../config/resolve.js'),
    import('../../config/sources.js'),
    import('../io.js'),
    import('../../model/diagnostics.js'),
    import('../version.js'),
    import('../workers/analyze-sources.js'),
    import('../../synthesize/index.js'),
  ]);
  const settings = resolveSettings({ sources: docsDir, cache: false }, loadConfig(undefined), process.env, { name: 'briefwright', version });
  const report = new Report();
  const files = io.readSources(listSelectedSources(settings.sources), report);
  const per = await analyzeSources(files, report, { analyze: settings.analyze, cache: null, workers });
  return synthesize(per.analyses, { report }, settings.synthesize) as unknown as ScoredModel;
}

/** Run the evaluation and print per-document figures and totals (a table, or score.mjs's JSON lines). */
export async function runPolicyEval(dir: string, opts: { model?: string; json?: boolean; workers?: number }): Promise<void> {
  const golds = readPolicyGold(dir);
  const { scorePolicy, formatPolicyTable } = await import('../../eval/policy-score.js');
  let model: ScoredModel;
  if (opts.model) {
    try {
      model = JSON.parse(readFileSync(opts.model, 'utf8')) as ScoredModel;
    } catch (e) {
      throw inputError(opts.model, `expected a model.json written by brief extract (${(e as Error).message.split('\n')[0]})`);
    }
  } else model = await extractModel(join(dir, 'docs'), opts.workers ?? 'auto');
  const { rows, totals } = scorePolicy(model, golds);
  if (opts.json) process.stdout.write([...rows, totals].map((r) => JSON.stringify(r)).join('\n') + '\n');
  else process.stdout.write(formatPolicyTable(rows, totals, dir) + '\n');
}
