/**
 * Agreements and disagreements of a folder of sources scored against an analyst's list
 * (src/eval/synthesis.ts), with the build time of the model.
 *
 *   node dist/bench/synthesis.js [folder] [gold.json] [--show]
 *   (default: sources/ and tests/fixtures/synthesis/bundled-gold.json)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel } from '../src/pipeline.js';
import { Report } from '../src/model/diagnostics.js';
import { defaultAnalyzeOptions, defaultSynthesizeOptions } from '../src/model/context.js';
import { scoreSynthesis, type SynthesisGold } from '../src/eval/synthesis.js';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const show = process.argv.includes('--show');
const dir = args[0] ?? 'sources';
const gold = JSON.parse(readFileSync(args[1] ?? 'tests/fixtures/synthesis/bundled-gold.json', 'utf8')) as SynthesisGold;
const files = readdirSync(dir)
  .filter((f) => /\.(txt|md)$/.test(f) && f !== 'README.md')
  .sort()
  .map((f) => ({ path: join(dir, f), bytes: readFileSync(join(dir, f)) }));
const report = new Report();
const t0 = performance.now();
const { brief, analyses } = await buildModel(files, { report }, { analyze: defaultAnalyzeOptions, synthesize: { ...defaultSynthesizeOptions, date: '2024-01-01', generator: { name: 'briefwright', version: 'bench' } } });
const seconds = (performance.now() - t0) / 1000;
const texts = new Map(analyses.map((a) => [a.doc.source.id, a.doc.source.text]));
const f = scoreSynthesis(brief, gold, texts);
const pr = (x: { precision: number; recall: number; found: number; gold: number }) => `precision ${x.precision.toFixed(2)} recall ${x.recall.toFixed(2)} (${x.found} found, ${x.gold} gold)`;
console.log(`${dir}: ${files.length} sources, model in ${seconds.toFixed(1)} s`);
console.log(`  agreements    ${pr(f.agreements)}`);
console.log(`  disagreements ${pr(f.disagreements)}`);
if (show) {
  for (const a of brief.agreements ?? []) console.log(`\nA [${a.sourceIds.length}] ${a.claim}\n${(a.citations ?? []).map((c) => `   - ${c.sourceId.slice(0, 6)}: ${c.quote.replace(/\s+/g, ' ').slice(0, 160)}`).join('\n')}`);
  for (const d of brief.disagreements ?? []) console.log(`\nD ${d.point}\n${d.positions.map((p) => `   * ${p.summary.slice(0, 80)}: ${p.citations.map((c) => c.sourceId.slice(0, 6) + ' ' + c.quote.replace(/\s+/g, ' ').slice(0, 120)).join(' | ')}`).join('\n')}`);
}
