/**
 * Render timing: renders a built model (default `out/model.json`, from `make brief`) through a
 * template into each format several times in one process and prints the median wall-clock and
 * CPU time per format. The first run (fonts parsed, code compiled) is reported separately.
 *
 *   node dist/bench/render.js [model.json] [template] [runs]
 */
import { readFileSync } from 'node:fs';
import { render, type OutputFormat } from '../src/render/index.js';
import { loadTemplate } from '../src/cli/template-files.js';
import { Report } from '../src/model/diagnostics.js';

const [modelPath = 'out/model.json', name = 'briefing', runsArg = '5'] = process.argv.slice(2);
const runs = Math.max(1, Number(runsArg));
const brief = JSON.parse(readFileSync(modelPath, 'utf8'));
const template = loadTemplate(name);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const format of ['pdf', 'md', 'html', 'docx'] as OutputFormat[]) {
  const wall: number[] = [];
  const cpu: number[] = [];
  let pages = '';
  for (let i = 0; i <= runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const [file] = await render(brief, template, { report: new Report() }, { formats: [format] });
    const c = process.cpuUsage(c0);
    if (format === 'pdf' && file) pages = ` ${(new TextDecoder('latin1').decode(file.bytes).match(/\/Type \/Page\b/g) ?? []).length} pages,`;
    if (i === 0) {
      console.log(`${name}.${format}: first run ${Math.round(performance.now() - t0)} ms`);
      continue;
    }
    wall.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  console.log(`${name}.${format}:${pages} median of ${runs}: ${Math.round(median(wall))} ms wall, ${Math.round(median(cpu))} ms CPU`);
}
