/**
 * Render timing: renders a built model (default `out/model.json`, from `make brief`) through a
 * template into each format several times in one process and prints the median wall-clock and
 * CPU time per format. The first run (fonts parsed, code compiled) is reported separately.
 *
 *   node dist/bench/render.js [model.json] [template] [runs]
 *
 * With `cold` as the run count it renders md, pdf and json once, as a build does, and prints the
 * cost of loading the render code and of that one cold render (run it in fresh processes).
 */
import { readFileSync } from 'node:fs';
import type { OutputFormat } from '../src/render/index.js';
import { Report } from '../src/model/diagnostics.js';

const [modelPath = 'out/model.json', name = 'briefing', runsArg = '5'] = process.argv.slice(2);
const brief = JSON.parse(readFileSync(modelPath, 'utf8'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (c: NodeJS.CpuUsage) => Math.round((c.user + c.system) / 1000);

const i0 = process.cpuUsage();
const w0 = performance.now();
const { render } = await import('../src/render/index.js');
const { loadTemplate } = await import('../src/cli/template-files.js');
const importCpu = ms(process.cpuUsage(i0));
const importWall = Math.round(performance.now() - w0);
const template = loadTemplate(name);

if (runsArg === 'cold') {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const files = await render(brief, template, { report: new Report() }, { formats: ['md', 'pdf', 'json'] });
  const cpu = ms(process.cpuUsage(c0));
  const bytes = files.map((f) => `${f.format} ${f.bytes.length} B`).join(', ');
  console.log(`${name} md+pdf+json cold: import ${importWall} ms wall ${importCpu} ms CPU; render ${Math.round(performance.now() - t0)} ms wall ${cpu} ms CPU (${bytes})`);
} else {
  const runs = Math.max(1, Number(runsArg));
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
        console.log(`${name}.${format}: first run ${Math.round(performance.now() - t0)} ms wall, ${ms(c)} ms CPU`);
        continue;
      }
      wall.push(performance.now() - t0);
      cpu.push(ms(c));
    }
    console.log(`${name}.${format}:${pages} median of ${runs}: ${Math.round(median(wall))} ms wall, ${Math.round(median(cpu))} ms CPU`);
  }
}
