/**
 * `make bench`: builds corpora of 5, 50 and 500 sources (the bundled papers, then synthetic sources
 * recombined from their paragraphs) with the real CLI, Node start included, and reports per size:
 * wall time per phase, per-source stage time, sources/s, MB/s, peak RSS and the no-change rebuild
 * time; then times `brief extract` over the eval set when present and over the 500-source corpus,
 * compares a cold build with pandoc + WeasyPrint (bench/versus-pandoc.ts) and `brief extract` over
 * the policy PDFs with pdftotext and pdfjs alone (bench/pdf-extract.ts), and checks the targets.
 * `--node PATH` runs the program on another Node (the bench itself runs on any); `--pdf-only` runs
 * the PDF comparison alone.
 *
 *   node dist/bench/run.js [--sizes 5,50,500] [--runs 3] [--runs-large 1] [--work DIR] [--json FILE] [--profile SIZE]
 *                          [--node PATH] [--versus-pandoc ROUNDS] [--only-versus] [--pdf-only] [--pdf-runs N]
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPapers, writeCorpus } from './corpus.js';
import { versusPandoc, versusPandocReport, type VersusPandoc } from './versus-pandoc.js';
import { benchPdfExtract, pdfExtractReport, type PdfExtractBench } from './pdf-extract.js';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
let cli = join(root, 'dist/brief/main.js');
/** The Node that runs the program (`--node`); the bench's own by default. */
let nodeBin = process.execPath;

/**
 * Runs the bench on a snapshot of the compiled program: the cache and the build stamp hash the
 * program's code, so a recompile during a long bench would otherwise turn warm runs cold.
 */
function snapshotProgram(work: string): string {
  const dir = join(work, 'program');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(root, 'dist', 'brief'), join(dir, 'dist', 'brief'), { recursive: true });
  // what the program reads at run time beside its code: templates, reference styles, word vectors
  for (const d of ['templates', 'styles']) if (existsSync(join(root, d))) cpSync(join(root, d), join(dir, d), { recursive: true });
  if (existsSync(join(root, 'dist', 'word-vectors.bin'))) cpSync(join(root, 'dist', 'word-vectors.bin'), join(dir, 'dist', 'word-vectors.bin'));
  for (const f of ['package.json', 'package-lock.json']) if (existsSync(join(root, f))) cpSync(join(root, f), join(dir, f));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return join(dir, 'dist', 'brief', 'main.js');
}

interface Args {
  sizes: number[];
  runs: number;
  runsLarge: number;
  work: string | null;
  json: string | null;
  profile: number | null;
  extract: boolean;
  node: string | null;
  versusRounds: number;
  onlyVersus: boolean;
  pdfOnly: boolean;
  pdfRuns: number;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { sizes: [5, 50, 500], runs: 3, runsLarge: 1, work: null, json: null, profile: null, extract: true, node: null, versusRounds: 3, onlyVersus: false, pdfOnly: false, pdfRuns: 5 };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i + 1];
    switch (argv[i]) {
      case '--sizes': a.sizes = v.split(',').map(Number); i++; break;
      case '--runs': a.runs = Number(v); i++; break;
      case '--runs-large': a.runsLarge = Number(v); i++; break;
      case '--work': a.work = v; i++; break;
      case '--json': a.json = v; i++; break;
      case '--profile': a.profile = Number(v); i++; break;
      case '--no-extract': a.extract = false; break;
      case '--node': a.node = resolve(v); i++; break;
      case '--versus-pandoc': a.versusRounds = Number(v); i++; break;
      case '--only-versus': a.onlyVersus = true; break;
      case '--pdf-only': a.pdfOnly = true; break;
      case '--pdf-runs': a.pdfRuns = Number(v); i++; break;
      default: throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  return a;
}

interface RunResult {
  wallMs: number;
  /** Peak RSS of the process in MB, sampled from /proc (worker threads included). */
  peakRssMb: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command, timing it from spawn to exit and sampling its peak memory. */
function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return new Promise((done) => {
    const t0 = performance.now();
    const child = spawn(nodeBin, args, { cwd, env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000', ...env } });
    let stdout = '';
    let stderr = '';
    let peakKb = 0;
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        // exited, or no /proc
      }
    };
    const timer = setInterval(sample, 25);
    child.stdout.on('data', (d) => {
      stdout += d;
      sample();
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (err) => {
      clearInterval(timer);
      done({ wallMs: performance.now() - t0, peakRssMb: 0, status: null, stdout, stderr: stderr + String(err) });
    });
    child.on('close', (status) => {
      clearInterval(timer);
      done({ wallMs: performance.now() - t0, peakRssMb: peakKb / 1024, status, stdout, stderr });
    });
  });
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

interface DoneEvent {
  event: 'done';
  upToDate?: boolean;
  threads?: number;
  phases?: Record<string, number>;
  stages?: Record<string, number>;
  maxRssMb?: number;
  cached: number;
  analysed: number;
}

function doneEvent(r: RunResult): DoneEvent {
  for (const line of r.stdout.trim().split('\n').reverse()) {
    try {
      const e = JSON.parse(line);
      if (e.event === 'done') return e;
    } catch {
      // not JSON
    }
  }
  throw new Error(`build did not finish (exit ${r.status}): ${r.stderr.slice(0, 2000)}`);
}

interface SizeReport {
  size: number;
  bytes: number;
  runs: number;
  coldMs: number;
  docsPerS: number;
  mbPerS: number;
  phases: Record<string, number>;
  stages: Record<string, number>;
  threads: number;
  peakRssMb: number;
  noChangeMs: number;
  cachedRebuildMs: number;
  exitCodes: (number | null)[];
}

async function benchSize(papersDir: string, work: string, size: number, runs: number, papers: ReturnType<typeof readPapers>): Promise<SizeReport> {
  const corpus = join(work, `corpus-${size}`);
  const bytes = writeCorpus(papers, size, corpus);
  const proj = join(work, `project-${size}`);
  mkdirSync(proj, { recursive: true });
  const out = join(proj, 'out');
  const cache = join(proj, '.briefwright-cache');
  const args = [cli, 'build', '--sources', corpus, '--out', out, '--json'];
  const cold: RunResult[] = [];
  const events: DoneEvent[] = [];
  for (let i = 0; i < runs; i++) {
    rmSync(out, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
    const r = await run(args, proj);
    cold.push(r);
    events.push(doneEvent(r));
    process.stderr.write(`  ${size} sources, cold run ${i + 1}/${runs}: ${(r.wallMs / 1000).toFixed(2)} s\n`);
  }
  // No-change rebuilds (the last cold run left the cache and the build stamp).
  const noChange: number[] = [];
  for (let i = 0; i < Math.max(3, runs); i++) {
    const r = await run(args, proj);
    if (!doneEvent(r).upToDate) throw new Error('a rebuild with nothing changed was not up to date');
    noChange.push(r.wallMs);
  }
  // A rebuild with every source cached but the stamp gone (as after a template edit): synthesis and render only.
  rmSync(join(out, '.briefwright-build.json'), { force: true });
  const cachedRebuild = await run(args, proj);
  const ce = doneEvent(cachedRebuild);
  if (ce.analysed !== 0) throw new Error('a rebuild with a warm cache analysed sources again');

  const coldMs = median(cold.map((r) => r.wallMs));
  const keys = (sel: (e: DoneEvent) => Record<string, number> | undefined) => [...new Set(events.flatMap((e) => Object.keys(sel(e) ?? {})))];
  const med = (sel: (e: DoneEvent) => Record<string, number> | undefined) => Object.fromEntries(keys(sel).map((k) => [k, median(events.map((e) => sel(e)?.[k] ?? 0))]));
  return {
    size,
    bytes,
    runs,
    coldMs,
    docsPerS: size / (coldMs / 1000),
    mbPerS: bytes / 1e6 / (coldMs / 1000),
    phases: med((e) => e.phases),
    stages: med((e) => e.stages),
    threads: events[0].threads ?? 0,
    peakRssMb: Math.max(...cold.map((r) => r.peakRssMb), ...events.map((e) => e.maxRssMb ?? 0)),
    noChangeMs: median(noChange),
    cachedRebuildMs: cachedRebuild.wallMs,
    exitCodes: cold.map((r) => r.status),
  };
}

const s = (ms: number) => (ms / 1000).toFixed(2);

function table(reports: SizeReport[]): string {
  const phaseNames = ['read', 'analyze', 'synthesize', 'render', 'write'];
  const head = ['sources', 'MB', 'runs', 'cold s (median)', 'sources/s', 'MB/s', ...phaseNames.map((p) => `${p} s`), 'ingest+structure+analyze CPU s', 'threads', 'peak RSS MB', 'no-change s', 'warm-cache s'];
  const rows = reports.map((r) => [
    String(r.size), (r.bytes / 1e6).toFixed(2), String(r.runs), s(r.coldMs), r.docsPerS.toFixed(1), r.mbPerS.toFixed(2),
    ...phaseNames.map((p) => s(r.phases[p] ?? 0)),
    `${s(r.stages.ingest ?? 0)}+${s(r.stages.structure ?? 0)}+${s(r.stages.analyze ?? 0)}`,
    String(r.threads), r.peakRssMb.toFixed(0), s(r.noChangeMs), s(r.cachedRebuildMs),
  ]);
  return [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** Top self time by package or source file from a V8 CPU profile. */
function summarizeProfile(dir: string, top = 15): string {
  const file = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort().map((f) => join(dir, f)).sort((a, b) => statSync(b).size - statSync(a).size)[0];
  const p = JSON.parse(readFileSync(file, 'utf8')) as { nodes: { id: number; callFrame: { url: string; functionName: string } }[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const cf = byId.get(id)!.callFrame;
    const url = cf.url;
    const key = url.includes('node_modules/') ? url.split('node_modules/')[1].split('/').slice(0, url.includes('node_modules/@') ? 2 : 1).join('/') : url ? url.replace(/^file:\/\//, '').replace(root + '/', '') : `(${cf.functionName || 'native'})`;
    self.set(key, (self.get(key) ?? 0) + p.timeDeltas[i] / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => `${v.toFixed(0).padStart(7)} ms ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`).join('\n');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(cli)) throw new Error(`${cli} not found: run \`make build\` first`);
  const work = args.work ? resolve(args.work) : mkdtempSync(join(tmpdir(), 'briefwright-bench-'));
  mkdirSync(work, { recursive: true });
  cli = snapshotProgram(work);
  const papersDir = join(root, 'sources');
  const papers = readPapers(papersDir);
  const lines: string[] = [];
  const say = (l = '') => {
    lines.push(l);
    process.stdout.write(l + '\n');
  };
  say(`# Briefwright bench — ${new Date().toISOString()}`);
  if (args.node) nodeBin = args.node;
  const nodeVersion = (await run(['--version'], work)).stdout.trim();
  say(`node ${nodeVersion} (${nodeBin}), ${availableParallelism()} cores (${cpus()[0]?.model ?? 'cpu'}), work folder ${work}`);

  // issue 17: `brief extract` over the policy PDFs beside pdftotext and pdfjs alone
  const policyPdfs = resolve(root, '../shared/eval/policy-pdf/docs');
  let pdf: PdfExtractBench | null = null;
  const benchPdf = async (): Promise<void> => {
    process.stderr.write(`bench: brief extract over ${policyPdfs} against pdftotext\n`);
    pdf = await benchPdfExtract(nodeBin, cli, join(root, 'dist/bench/pdfjs-text.js'), policyPdfs, work, args.pdfRuns);
    say(`\n## brief extract over the policy PDFs beside pdftotext and pdfjs alone\n`);
    for (const l of pdf ? pdfExtractReport(pdf) : [`${policyPdfs} not found: not measured`]) say(l);
  };
  const checkPdf = (): void => {
    const p = pdf as PdfExtractBench | null;
    say(`- ${p?.ratioWall == null ? 'n/a ' : p.ratioWall <= 2 ? 'PASS' : 'FAIL'} brief extract over the policy PDFs ≤ 2× pdftotext: ${p?.ratioWall == null ? 'not run' : `wall ${p.ratioWall.toFixed(2)}×, CPU ${p.ratioCpu!.toFixed(2)}× (pdfjs alone: wall ${p.pdfjsRatioWall!.toFixed(2)}×, CPU ${p.pdfjsRatioCpu!.toFixed(2)}×)`}`);
  };
  if (args.pdfOnly) {
    await benchPdf();
    say('\n## Target\n');
    checkPdf();
    if (args.json) writeFileSync(args.json, JSON.stringify({ node: nodeVersion, cores: availableParallelism(), pdf }, null, 2) + '\n');
    return;
  }

  // The issue-20 target first: it is the figure most often asked for, and the quickest to measure.
  let versus: VersusPandoc | null = null;
  if (args.versusRounds > 0) {
    process.stderr.write('bench: cold build against pandoc + WeasyPrint\n');
    versus = await versusPandoc(nodeBin, cli, papersDir, join(work, 'versus-pandoc'), args.versusRounds);
    say('\n## Cold build of the bundled papers beside pandoc + WeasyPrint\n');
    for (const l of versus ? versusPandocReport(versus) : ['pandoc or weasyprint not found (Debian: apt-get install pandoc weasyprint): not measured']) say(l);
  }
  if (args.onlyVersus) {
    if (args.json) writeFileSync(args.json, JSON.stringify({ node: nodeVersion, cores: availableParallelism(), versus }, null, 2) + '\n');
    return;
  }

  const nodeStart = median(await Promise.all([0, 1, 2].map(async () => (await run(['-e', '0'], work)).wallMs)));
  say(`Node start-up (node -e 0): ${s(nodeStart)} s`);

  if (args.profile !== null) {
    const corpus = join(work, `corpus-${args.profile}`);
    writeCorpus(papers, args.profile, corpus);
    const profDir = join(work, 'profile');
    rmSync(profDir, { recursive: true, force: true });
    const r = await run(['--cpu-prof', '--cpu-prof-dir', profDir, cli, 'build', '--sources', corpus, '--out', join(work, 'profile-out'), '--no-cache', '--workers', '0', '--json'], work);
    say(`\n## CPU profile of a cold single-threaded build of ${args.profile} sources (${s(r.wallMs)} s): self time by package or file\n`);
    say('```\n' + summarizeProfile(profDir) + '\n```');
    say(`profile files: ${profDir}`);
    return;
  }

  const reports: SizeReport[] = [];
  for (const size of args.sizes) {
    process.stderr.write(`bench: ${size} sources\n`);
    const r = await benchSize(papersDir, work, size, size >= 500 ? args.runsLarge : args.runs, papers);
    reports.push(r);
    // Each size as it completes, so a long run that is interrupted still reports what it measured.
    process.stderr.write(`  ${JSON.stringify(r)}\n`);
  }
  say('\n## Builds (md + pdf + json, Node start included)\n');
  say(table(reports));
  say('\nphases are wall time inside the process; the CPU column sums per-source stage time over all threads; no-change = rebuild with nothing changed; warm-cache = every source cached, synthesis and render redone.');

  let extract: { docs: number; mb: number; ms: number; peakRssMb: number; status: number | null } | null = null;
  const nus = resolve(root, '../shared/eval/nus/docs');
  if (args.extract && existsSync(nus)) {
    const docs = readdirSync(nus).filter((n) => n.endsWith('.txt'));
    const mb = docs.reduce((a, n) => a + statSync(join(nus, n)).size, 0) / 1e6;
    process.stderr.write(`bench: brief extract over ${nus}\n`);
    const r = await run([cli, 'extract', '--sources', nus, '--no-cache', '-o', join(work, 'nus-model.json')], work);
    extract = { docs: docs.length, mb, ms: r.wallMs, peakRssMb: r.peakRssMb, status: r.status };
    say(`\n## brief extract over ${nus}\n`);
    say(`${docs.length} sources, ${mb.toFixed(2)} MB: ${s(r.wallMs)} s (${(docs.length / (r.wallMs / 1000)).toFixed(1)} sources/s, ${(mb / (r.wallMs / 1000)).toFixed(2)} MB/s), peak RSS ${r.peakRssMb.toFixed(0)} MB, exit ${r.status}`);
  }
  // `brief extract` over the 500-source synthetic corpus (the same files as the 500 build).
  let extract500: { ms: number; peakRssMb: number; status: number | null } | null = null;
  if (args.extract) {
    const corpus = join(work, 'corpus-500');
    if (!existsSync(corpus)) writeCorpus(papers, 500, corpus);
    process.stderr.write('bench: brief extract over the 500-source corpus\n');
    const r = await run([cli, 'extract', '--sources', corpus, '--no-cache', '-o', join(work, 'corpus-500-model.json')], work);
    extract500 = { ms: r.wallMs, peakRssMb: r.peakRssMb, status: r.status };
    say(`\n## brief extract over the 500-source synthetic corpus\n`);
    say(`${s(r.wallMs)} s (${(500 / (r.wallMs / 1000)).toFixed(1)} sources/s), peak RSS ${r.peakRssMb.toFixed(0)} MB, exit ${r.status}`);
  }
  if (args.extract) await benchPdf();

  say('\n## Targets (2 cores, medians)\n');
  const by = new Map(reports.map((r) => [r.size, r]));
  const check = (label: string, ok: boolean | null, got: string) => say(`- ${ok === null ? 'n/a ' : ok ? 'PASS' : 'FAIL'} ${label}: ${got}`);
  const r5 = by.get(5);
  const r50 = by.get(50);
  const r500 = by.get(500);
  check(`cold build of the bundled papers ≤ pandoc + WeasyPrint rendering its briefing.md (ratio ≤ 1.0, Node ${versus?.node ?? nodeVersion})`, versus ? versus.ratioWall <= 1 : null, versus ? `wall ${versus.ratioWall.toFixed(2)} (${s(versus.build.wallMs)} s against ${s(versus.pandocWeasy.wallMs)} s), CPU ${versus.ratioCpu.toFixed(2)}` : 'not run');
  check('no-change rebuild ≤ 0.2 s', r5 ? r5.noChangeMs <= 200 : null, reports.map((r) => `${r.size}: ${s(r.noChangeMs)} s`).join(', '));
  check('500 sources ≤ 60 s', r500 ? r500.coldMs <= 60_000 : null, r500 ? `${s(r500.coldMs)} s` : 'not run');
  check('500 sources ≤ 1.5 GB RSS', r500 ? r500.peakRssMb <= 1536 : null, r500 ? `${r500.peakRssMb.toFixed(0)} MB` : 'not run');
  if (args.extract) checkPdf();
  check('500 sources ≤ 12× the time of 50', r500 && r50 ? r500.coldMs <= 12 * r50.coldMs : null, r500 && r50 ? `${(r500.coldMs / r50.coldMs).toFixed(1)}×` : 'not run');

  if (args.json) writeFileSync(args.json, JSON.stringify({ node: nodeVersion, cores: availableParallelism(), nodeStartMs: nodeStart, sizes: reports, extract, extract500, versus, pdf }, null, 2) + '\n');
}

main().catch((err) => {
  process.stderr.write(`bench: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
