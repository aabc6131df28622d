/**
 * `make bench`, PDF part (issue 17's speed target): times `brief extract` over a folder of PDFs
 * (the policy-pdf development set) against `pdftotext` (Debian poppler-utils) over the same files
 * one after the other, and against pdfjs alone (bench/pdfjs-text.ts: the text content of every
 * page, nothing else), which is the floor under brief's time. Each is timed as wall time, CPU time
 * (user + system, all threads) and peak RSS, runs alternating so a busy machine slows all alike;
 * the ratios of the medians are the figures (target: brief ≤ 2× pdftotext). The load average is
 * printed beside them, since other work on the machine inflates every figure.
 * Without pdftotext, says so and times brief and pdfjs only.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

/** Medians of one command's runs. */
export interface Measured {
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
}

/** What one comparison measured. */
export interface PdfExtractBench {
  docs: number;
  pages: number | null;
  mb: number;
  runs: number;
  brief: Measured;
  /** pdfjs alone: every page's text content, on one thread. */
  pdfjs: Measured;
  pdftotext: Measured | null;
  /** brief ÷ pdftotext, wall and CPU. */
  ratioWall: number | null;
  ratioCpu: number | null;
  /** pdfjs alone ÷ pdftotext, wall and CPU. */
  pdfjsRatioWall: number | null;
  pdfjsRatioCpu: number | null;
  /** 1-minute load average before and after. */
  load: [number, number];
  status: number | null;
}

interface Run {
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  status: number | null;
  stdout: string;
}

/** Runs a command under `/usr/bin/time` for its CPU time (all threads) and peak RSS beside its wall time. */
function timed(cmd: string, args: string[], cwd: string): Promise<Run> {
  const time = existsSync('/usr/bin/time');
  return new Promise((done) => {
    const t0 = performance.now();
    const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' };
    const child = time ? spawn('/usr/bin/time', ['-f', 'TIMED %U %S %M', cmd, ...args], { cwd, env }) : spawn(cmd, args, { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', () => done({ wallMs: performance.now() - t0, cpuMs: NaN, peakRssMb: NaN, status: null, stdout }));
    child.on('close', (status) => {
      const m = /TIMED ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(stderr);
      done({ wallMs: performance.now() - t0, cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : NaN, peakRssMb: m ? Number(m[3]) / 1024 : NaN, status, stdout });
    });
  });
}

/** Whether pdftotext can be run. */
export function hasPdftotext(): boolean {
  return spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const medians = (rs: Measured[]): Measured => ({ wallMs: median(rs.map((r) => r.wallMs)), cpuMs: median(rs.map((r) => r.cpuMs)), peakRssMb: median(rs.map((r) => r.peakRssMb)) });

/**
 * Times the three over `dir` (medians of `runs`), writing brief's model into `work`. `pdfjsText` is
 * the compiled bench/pdfjs-text.js. Null when the folder is missing.
 */
export async function benchPdfExtract(node: string, cli: string, pdfjsText: string, dir: string, work: string, runs = 5): Promise<PdfExtractBench | null> {
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.pdf')).sort();
  const mb = files.reduce((a, n) => a + statSync(join(dir, n)).size, 0) / 1e6;
  const brief: Measured[] = [];
  const pdfjs: Measured[] = [];
  const poppler: Measured[] = [];
  let status: number | null = 0;
  let pages: number | null = null;
  const popplerOk = hasPdftotext();
  const load0 = loadavg()[0];
  const runBrief = async (): Promise<void> => {
    const r = await timed(node, [cli, 'extract', '--sources', dir, '--no-cache', '-o', join(work, 'policy-model.json')], work);
    brief.push(r);
    if (r.status !== 0) status = r.status;
  };
  const runPdfjs = async (): Promise<void> => {
    const r = await timed(node, [pdfjsText, dir], work);
    pdfjs.push(r);
    if (r.status === 0) pages = JSON.parse(r.stdout).pages;
  };
  const runPoppler = async (): Promise<void> => {
    if (!popplerOk) return;
    const sum: Measured = { wallMs: 0, cpuMs: 0, peakRssMb: 0 };
    for (const f of files) {
      const r = await timed('pdftotext', [join(dir, f), join(work, 'pdftotext.txt')], work);
      sum.wallMs += r.wallMs;
      sum.cpuMs += r.cpuMs;
      sum.peakRssMb = Math.max(sum.peakRssMb, r.peakRssMb);
    }
    poppler.push(sum);
  };
  const order = [runBrief, runPoppler, runPdfjs];
  for (let i = 0; i < runs; i++) {
    // rotate the order so none always runs on a warmer (or busier) machine
    for (let k = 0; k < order.length; k++) await order[(i + k) % order.length]();
  }
  const b = medians(brief);
  const j = medians(pdfjs);
  const p = poppler.length ? medians(poppler) : null;
  return {
    docs: files.length, pages, mb, runs, brief: b, pdfjs: j, pdftotext: p,
    ratioWall: p ? b.wallMs / p.wallMs : null, ratioCpu: p ? b.cpuMs / p.cpuMs : null,
    pdfjsRatioWall: p ? j.wallMs / p.wallMs : null, pdfjsRatioCpu: p ? j.cpuMs / p.cpuMs : null,
    load: [load0, loadavg()[0]], status,
  };
}

/** The comparison as Markdown lines. */
export function pdfExtractReport(r: PdfExtractBench): string[] {
  const s = (ms: number) => (ms / 1000).toFixed(2);
  const row = (name: string, m: Measured | null) => (m ? `| ${name} | ${s(m.wallMs)} | ${s(m.cpuMs)} | ${m.peakRssMb.toFixed(0)} |` : `| ${name} | not installed | | |`);
  const x = (v: number | null) => (v === null ? 'n/a' : `${v.toFixed(2)}×`);
  return [
    `${r.docs} PDFs, ${r.pages ?? '?'} pages, ${r.mb.toFixed(2)} MB; medians of ${r.runs} runs; load average ${r.load[0].toFixed(2)} before, ${r.load[1].toFixed(2)} after`,
    '',
    '| command | wall s | CPU s | peak RSS MB |',
    '| --- | --- | --- | --- |',
    row('brief extract --no-cache (Node start included)', r.brief),
    row('pdfjs text content alone, one thread', r.pdfjs),
    row('pdftotext, one file after another', r.pdftotext),
    '',
    `brief ÷ pdftotext: wall ${x(r.ratioWall)}, CPU ${x(r.ratioCpu)}; pdfjs alone ÷ pdftotext: wall ${x(r.pdfjsRatioWall)}, CPU ${x(r.pdfjsRatioCpu)}; exit ${r.status}`,
  ];
}
