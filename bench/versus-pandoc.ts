/**
 * The cold-build target of issue 20, measured side by side: a cold `brief build` of the bundled
 * papers to Markdown, PDF and JSON (no per-source cache, no build stamp, Node start included)
 * against pandoc with WeasyPrint rendering the same `briefing.md` to PDF (render only). Both are
 * timed as wall time and as CPU time (user + system, children included), alternating runs so a
 * busy machine slows both alike; the ratio of the medians is the figure (target ≤ 1.0).
 *
 * The build runs twice per round: with Node's compile cache empty (a first run after install or
 * upgrade) and with it warm (every later run); the ratio is taken for the warm one, the case a
 * scheduled or repeated build is in, and both are printed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** One timed command: wall and CPU milliseconds (CPU from /usr/bin/time, children included). */
export interface Timed {
  wallMs: number;
  cpuMs: number;
  status: number | null;
  stderr: string;
}

/** Runs a command under `/usr/bin/time` (when present) to get its CPU time as well as its wall time. */
export function timed(cmd: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Timed> {
  const time = existsSync('/usr/bin/time');
  return new Promise((done) => {
    const t0 = performance.now();
    const child = time ? spawn('/usr/bin/time', ['-f', 'CPU %U %S', cmd, ...args], { cwd, env }) : spawn(cmd, args, { cwd, env });
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => {
      const wallMs = performance.now() - t0;
      const m = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(stderr);
      done({ wallMs, cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : NaN, status, stderr: m ? stderr.slice(0, m.index) : stderr });
    });
  });
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** What the comparison measured (medians, milliseconds). */
export interface VersusPandoc {
  node: string;
  pandoc: string;
  weasyprint: string;
  runs: number;
  buildFirst: { wallMs: number; cpuMs: number };
  build: { wallMs: number; cpuMs: number };
  pandocWeasy: { wallMs: number; cpuMs: number };
  ratioWall: number;
  ratioCpu: number;
}

/** The first line of `cmd --version`, or null when the command is missing. */
function versionOf(cmd: string): string | null {
  const r = spawnSync(cmd, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? (r.stdout || r.stderr).split('\n')[0]!.trim() : null;
}

/**
 * Runs the comparison in `work`: `runs` rounds of (build with an empty compile cache, build with a
 * warm one, pandoc + WeasyPrint of that build's briefing.md). Null when pandoc or WeasyPrint is missing.
 */
export async function versusPandoc(node: string, cli: string, papers: string, work: string, runs: number): Promise<VersusPandoc | null> {
  const pandoc = versionOf('pandoc');
  const weasyprint = versionOf('weasyprint');
  if (!pandoc || !weasyprint) return null;
  mkdirSync(work, { recursive: true });
  const out = join(work, 'out');
  const compileCache = join(work, 'compile-cache');
  const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000', NODE_COMPILE_CACHE: compileCache };
  const build = () => {
    rmSync(out, { recursive: true, force: true });
    return timed(node, [cli, 'build', '--sources', papers, '--out', out, '--format', 'md,pdf,json', '--no-cache', '--quiet'], work, env);
  };
  const first: Timed[] = [];
  const warm: Timed[] = [];
  const render: Timed[] = [];
  for (let i = 0; i < runs; i++) {
    rmSync(compileCache, { recursive: true, force: true });
    first.push(await build());
    const b = await build();
    if (b.status !== 0) throw new Error(`brief build failed (exit ${b.status}): ${b.stderr.slice(0, 500)}`);
    warm.push(b);
    const p = await timed('pandoc', [join(out, 'briefing.md'), '--pdf-engine', 'weasyprint', '-o', join(work, 'pandoc.pdf')], work, env);
    if (p.status !== 0) throw new Error(`pandoc failed (exit ${p.status}): ${p.stderr.slice(0, 500)}`);
    render.push(p);
    process.stderr.write(`  round ${i + 1}/${runs}: build ${(b.wallMs / 1000).toFixed(2)} s (empty compile cache ${(first[i]!.wallMs / 1000).toFixed(2)} s), pandoc+WeasyPrint ${(p.wallMs / 1000).toFixed(2)} s\n`);
  }
  const med = (ts: Timed[]) => ({ wallMs: median(ts.map((t) => t.wallMs)), cpuMs: median(ts.map((t) => t.cpuMs)) });
  const [bf, bw, pw] = [med(first), med(warm), med(render)];
  const nodeVersion = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  return { node: nodeVersion, pandoc, weasyprint, runs, buildFirst: bf, build: bw, pandocWeasy: pw, ratioWall: bw.wallMs / pw.wallMs, ratioCpu: bw.cpuMs / pw.cpuMs };
}

/** The comparison as the bench prints it. */
export function versusPandocReport(r: VersusPandoc): string[] {
  const s = (ms: number) => (ms / 1000).toFixed(2);
  return [
    `Node ${r.node}; ${r.pandoc}; ${r.weasyprint}; ${r.runs} rounds, medians`,
    '',
    '| | wall s | CPU s |',
    '| --- | --- | --- |',
    `| brief build, bundled papers → md + pdf + json (compile cache warm) | ${s(r.build.wallMs)} | ${s(r.build.cpuMs)} |`,
    `| brief build, the same, compile cache empty | ${s(r.buildFirst.wallMs)} | ${s(r.buildFirst.cpuMs)} |`,
    `| pandoc + WeasyPrint, briefing.md → PDF only | ${s(r.pandocWeasy.wallMs)} | ${s(r.pandocWeasy.cpuMs)} |`,
    `| ratio brief / pandoc+WeasyPrint (warm) | ${r.ratioWall.toFixed(2)} | ${r.ratioCpu.toFixed(2)} |`,
  ];
}
