/**
 * How well the themes of a folder of sources hold their findings (`src/eval/themes.ts`): the
 * separation of findings within and across themes and the share naming a theme's phrase, with
 * the themes' labels and source counts.
 *
 *   node dist/bench/themes.js [folder] [folder…]   (default: sources/)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildModel } from '../src/pipeline.js';
import { Report } from '../src/model/diagnostics.js';
import { defaultAnalyzeOptions, defaultSynthesizeOptions } from '../src/model/context.js';
import { themeFigures } from '../src/eval/themes.js';

for (const dir of process.argv.length > 2 ? process.argv.slice(2) : ['sources']) {
  const files = readdirSync(dir)
    .filter((f) => /\.(txt|md)$/.test(f) && f !== 'README.md')
    .sort()
    .map((f) => ({ path: join(dir, f), bytes: readFileSync(join(dir, f)) }));
  const t0 = performance.now();
  const { brief } = await buildModel(files, { report: new Report() }, { analyze: defaultAnalyzeOptions, synthesize: { ...defaultSynthesizeOptions, date: '2024-01-01', generator: { name: 'briefwright', version: 'bench' } } });
  const f = themeFigures(brief);
  console.log(`${resolve(dir)}: ${files.length} sources in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`  separation ${f.separation.toFixed(2)}, naming ${f.naming.toFixed(3)}, findings under a theme ${f.placed} of ${f.findings}`);
  for (const t of brief.themes) console.log(`  - ${t.label} (${t.sourceIds.length} sources, ${t.findingIds.length} findings)`);
}
