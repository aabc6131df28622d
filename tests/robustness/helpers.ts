/** Shared helpers of the robustness suite: throwaway projects, running the compiled CLI, snapshots of out/. */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const repoRoot = process.cwd();
export const cli = join(repoRoot, 'dist/brief/main.js');

/** A fresh project folder with `sources/` filled from `files` (name → text or bytes). */
export function makeProject(files: Record<string, string | Uint8Array> = {}, prefix = 'bw-rob-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(dir, 'sources'));
  for (const [name, data] of Object.entries(files)) {
    const p = join(dir, 'sources', name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, data);
  }
  return dir;
}

export interface RunResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Runs `brief <args>` in `cwd` with a fixed clock; never throws; kills the child after `timeoutMs`.
 * Asynchronous, so a long build cannot block vitest's worker (a synchronous child starves its RPC).
 */
export function brief(cwd: string, args: string[], env: Record<string, string> = {}, timeoutMs = 90_000): Promise<RunResult> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000', ...env } });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr, ms: performance.now() - t0 });
    });
  });
}

/** Same as `brief` (kept for call sites that start several builds at once). */
export const briefAsync = brief;

/** Every file under `dir` (recursively, hidden ones included) → sha256, so "out/ unchanged" is one equality. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  const walk = (d: string, prefix: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p, `${prefix}${n}/`);
      else out[prefix + n] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir, '');
  return out;
}

/** A stack-trace line (`at fn (file.js:1:2)`), which user-facing errors must never print. */
export const stackLine = /^\s+at .+[:(].*\d+:\d+\)?$/m;

/** The lines of stderr that name `file`. */
export function linesNaming(stderr: string, file: string): string[] {
  return stderr.split('\n').filter((l) => l.includes(file));
}

/** A plain source with a title and a few sentences, so a build has something good alongside bad files. */
export function goodSource(topic = 'water policy'): string {
  return [
    `A Study of ${topic}`,
    '',
    '1. Introduction',
    '',
    `This paper examines ${topic} in three regions. We find that investment rose sharply after 2015.`,
    '',
    '2. Findings',
    '',
    `Our analysis shows that ${topic} reforms reduced costs by 12 percent. The government should expand the programme by 2030.`,
    '',
  ].join('\n');
}

/** Model written by a build (`out/model.json`). */
export function readModel(project: string, out = 'out'): any {
  return JSON.parse(readFileSync(join(project, out, 'model.json'), 'utf8'));
}
