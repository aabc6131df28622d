/**
 * `make bench`, PDF part: times `brief extract` over a folder of PDFs (the policy-pdf development
 * set) against `pdftotext` (Debian poppler-utils) over the same files one after the other, and
 * reports the ratio the issue sets a target for (≤ 2×). Without pdftotext, says so and skips.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What one comparison measured. */
export interface PdfExtractBench {
  docs: number;
  pages: number | null;
  mb: number;
  briefMs: number;
  pdftotextMs: number | null;
  ratio: number | null;
  status: number | null;
}

/** Wall time of one command, in ms, and its exit status. */
function timed(cmd: string, args: string[], cwd: string): Promise<{ ms: number; status: number | null }> {
  return new Promise((done) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd, stdio: 'ignore', env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } });
    child.on('error', () => done({ ms: performance.now() - t0, status: null }));
    child.on('close', (status) => done({ ms: performance.now() - t0, status }));
  });
}

/** Whether pdftotext can be run. */
export function hasPdftotext(): boolean {
  return spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;
}

/** Times both over `dir` (median of `runs`), writing brief's model into `work`. */
export async function benchPdfExtract(cli: string, dir: string, work: string, runs = 3): Promise<PdfExtractBench | null> {
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.pdf')).sort();
  const mb = files.reduce((a, n) => a + statSync(join(dir, n)).size, 0) / 1e6;
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const brief: number[] = [];
  const poppler: number[] = [];
  let status: number | null = 0;
  const popplerOk = hasPdftotext();
  for (let i = 0; i < runs; i++) {
    // alternate the order so neither always runs on a warmer machine
    const runBrief = async (): Promise<void> => {
      const r = await timed(process.execPath, [cli, 'extract', '--sources', dir, '--no-cache', '-o', join(work, 'policy-model.json')], work);
      brief.push(r.ms);
      if (r.status !== 0) status = r.status;
    };
    const runPoppler = async (): Promise<void> => {
      if (!popplerOk) return;
      const t0 = performance.now();
      for (const f of files) await timed('pdftotext', [join(dir, f), join(work, 'pdftotext.txt')], work);
      poppler.push(performance.now() - t0);
    };
    if (i % 2) { await runPoppler(); await runBrief(); } else { await runBrief(); await runPoppler(); }
  }
  const briefMs = median(brief);
  const pdftotextMs = poppler.length ? median(poppler) : null;
  return { docs: files.length, pages: null, mb, briefMs, pdftotextMs, ratio: pdftotextMs ? briefMs / pdftotextMs : null, status };
}
