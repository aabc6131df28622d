/** Paths shared by tests: the repository root and the read-only shared data beside it (also in CI). */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
/** `../shared` next to the clone: seeds and the development data with gold answers. */
export const sharedDir = join(repoRoot, '..', 'shared');
export const nusDir = join(sharedDir, 'eval', 'nus');
export const hasShared = existsSync(nusDir);
export const cliPath = join(repoRoot, 'dist', 'brief', 'main.js');

import { spawn } from 'node:child_process';

export interface CliResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the compiled CLI without blocking the test worker (spawnSync starves vitest's own
 * messaging on a busy two-core machine). SOURCE_DATE_EPOCH is fixed unless the caller sets it.
 */
export function runCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}
