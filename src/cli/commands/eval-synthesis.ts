/**
 * `brief eval --dataset <folder> --synthesis <gold.json>`: builds the model of a folder of sources
 * and scores its agreements and disagreements against an analyst's list of exact quotes
 * (src/eval/synthesis.ts; the bundled papers' list is tests/fixtures/synthesis/bundled-gold.json).
 */
import { readFileSync } from 'node:fs';
import { inputError } from '../../model/errors.js';
import type { SynthesisGold, PrecisionRecall } from '../../eval/synthesis.js';

/** One line of figures. */
function line(label: string, x: PrecisionRecall): string {
  return `  ${label.padEnd(14)} precision ${x.precision.toFixed(2)}  recall ${x.recall.toFixed(2)}  (${x.found} found, ${x.matched} of ${x.gold} gold matched)`;
}

/** Build the folder's model as `brief extract --no-cache` does and print the synthesis figures. */
export async function runSynthesisEval(dir: string, goldPath: string): Promise<void> {
  let gold: SynthesisGold;
  try {
    gold = JSON.parse(readFileSync(goldPath, 'utf8')) as SynthesisGold;
  } catch (e) {
    throw inputError(goldPath, `expected an analyst's list of agreements and disagreements (${(e as Error).message.split('\n')[0]})`);
  }
  const [{ loadConfig }, { resolveSettings }, { listSelectedSources }, io, { Report }, { version }, { analyzeSources }, { synthesize }, { scoreSynthesis }] = await Promise.all([
    import('../../config/load.js'),
    import('../../config/resolve.js'),
    import('../../config/sources.js'),
    import('../io.js'),
    import('../../model/diagnostics.js'),
    import('../version.js'),
    import('../workers/analyze-sources.js'),
    import('../../synthesize/index.js'),
    import('../../eval/synthesis.js'),
  ]);
  const settings = resolveSettings({ sources: dir, cache: false }, loadConfig(undefined), process.env, { name: 'briefwright', version });
  const report = new Report();
  const files = io.readSources(listSelectedSources(settings.sources), report);
  const per = await analyzeSources(files, report, { analyze: settings.analyze, cache: null, workers: 'auto' });
  const brief = synthesize(per.analyses, { report }, settings.synthesize);
  const texts = new Map(per.analyses.map((a) => [a.doc.source.id, a.doc.source.text]));
  let f;
  try {
    f = scoreSynthesis(brief, gold, texts);
  } catch (e) {
    throw inputError(goldPath, (e as Error).message);
  }
  process.stdout.write(`Synthesis of ${dir} (${per.analyses.length} sources) against ${goldPath}\n${line('agreements', f.agreements)}\n${line('disagreements', f.disagreements)}\n`);
}
