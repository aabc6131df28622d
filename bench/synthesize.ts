/**
 * Times the synthesize stage alone, in process, on the bench corpora (the bundled papers, then
 * synthetic sources recombined from their paragraphs). The per-source analyses are computed once
 * per size and kept (structured-clone) under the work folder, keyed by a hash of the analyser's
 * code, so repeated runs measure synthesis only.
 *
 *   node dist/bench/synthesize.js [--sizes 5,50,500] [--runs 5] [--work DIR] [--profile SIZE] [--stale] [--dump DIR]
 *
 * `--stale` reuses analyses kept by an earlier analyser (others' edits to analysis would otherwise
 * force minutes of re-analysis while iterating on synthesis); `--dump DIR` writes each size's brief
 * as JSON, to check that a faster synthesis still gives the same model.
 *
 * Prints, per size, the median and each run's wall and CPU (user+sys) milliseconds of `synthesize`,
 * and the ratio of the largest size to the one ten times smaller when both are measured.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serialize, deserialize } from 'node:v8';
import { Session } from 'node:inspector/promises';
import { readPapers, writeCorpus } from './corpus.js';
import { analyzeFile } from '../src/pipeline.js';
import { synthesize } from '../src/synthesize/index.js';
import { programCodeHash } from '../src/cache/index.js';
import { Report } from '../src/model/diagnostics.js';
import { defaultAnalyzeOptions, defaultSynthesizeOptions, type SynthesizeOptions } from '../src/model/context.js';
import type { SourceAnalysis } from '../src/model/document.js';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

interface Args {
  sizes: number[];
  runs: number;
  work: string;
  profile: number | null;
  stale: boolean;
  dump: string | null;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { sizes: [5, 50, 500], runs: 5, work: '/tmp/briefwright-bench-synthesize', profile: null, stale: false, dump: null };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i + 1];
    switch (argv[i]) {
      case '--sizes': a.sizes = v.split(',').map(Number); i++; break;
      case '--runs': a.runs = Number(v); i++; break;
      case '--work': a.work = v; i++; break;
      case '--profile': a.profile = Number(v); i++; break;
      case '--stale': a.stale = true; break;
      case '--dump': a.dump = v; i++; break;
      default: throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  return a;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The analyses of a corpus of `size` sources, from the kept file when the analyser is unchanged. */
async function analysesOf(size: number, work: string, stale: boolean): Promise<SourceAnalysis[]> {
  const kept = join(work, `analyses-${size}-${programCodeHash('analysis').slice(0, 16)}.bin`);
  if (existsSync(kept)) return deserialize(readFileSync(kept)) as SourceAnalysis[];
  const older = readdirSync(work)
    .filter((n) => n.startsWith(`analyses-${size}-`))
    .sort((a, b) => statSync(join(work, a)).mtimeMs - statSync(join(work, b)).mtimeMs || (a < b ? -1 : 1));
  if (stale && older.length) return deserialize(readFileSync(join(work, older[older.length - 1]))) as SourceAnalysis[];
  const dir = join(work, `corpus-${size}`);
  writeCorpus(readPapers(join(root, 'sources')), size, dir);
  const analyses: SourceAnalysis[] = [];
  const t = performance.now();
  for (const name of readdirSync(dir).sort()) {
    const a = await analyzeFile({ path: join(dir, name), bytes: readFileSync(join(dir, name)) }, { report: new Report() }, defaultAnalyzeOptions);
    if (a) analyses.push(a);
  }
  process.stderr.write(`analysed ${size} sources in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  writeFileSync(kept, serialize(analyses));
  return analyses;
}

const options: SynthesizeOptions = { ...defaultSynthesizeOptions, date: '2024-01-01', generator: { name: 'briefwright', version: 'bench' } };

/** Wall and CPU milliseconds of one synthesis. */
function timeOnce(analyses: SourceAnalysis[]): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  synthesize(analyses, { report: new Report() }, options);
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  mkdirSync(args.work, { recursive: true });
  const medians = new Map<number, number>();
  for (const size of args.sizes) {
    const analyses = await analysesOf(size, args.work, args.stale);
    const runs = Array.from({ length: args.runs }, () => timeOnce(analyses));
    const cpu = median(runs.map((r) => r.cpu));
    medians.set(size, cpu);
    if (args.dump) {
      mkdirSync(args.dump, { recursive: true });
      writeFileSync(join(args.dump, `brief-${size}.json`), JSON.stringify(synthesize(analyses, { report: new Report() }, options), null, 1) + '\n');
    }
    console.log(`${String(size).padStart(4)} sources: synthesize median ${median(runs.map((r) => r.wall)).toFixed(1)} ms wall, ${cpu.toFixed(1)} ms cpu  (runs cpu: ${runs.map((r) => r.cpu.toFixed(0)).join(' ')})`);
  }
  for (const size of args.sizes) {
    const small = medians.get(size / 10);
    if (small) console.log(`${size} / ${size / 10}: ${(medians.get(size)! / small).toFixed(2)}x`);
  }
  if (args.profile) {
    const analyses = await analysesOf(args.profile, args.work, args.stale);
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    timeOnce(analyses);
    const { profile } = await session.post('Profiler.stop');
    const file = join(args.work, `synthesize-${args.profile}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log(`profile: ${file}`);
  }
}

await main();
