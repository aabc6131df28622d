/**
 * Measures how long `brief build` takes on each adversarial input, at one or more sizes, so growth
 * can be compared (doubling the input should about double the time; more means super-linear).
 *
 *   npx tsc -p . && npx vite-node tests/robustness/measure.ts -- [sizes in KB, default 256 1024] [--only name-substring]
 *
 * Each case is built alone in a fresh project with the cache off and one worker, formats md,json.
 * Prints a table (case, size, seconds, exit code, peak RSS when /usr/bin/time is available).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adversarialCases } from './adversarial.js';

const cli = join(process.cwd(), 'dist/brief/main.js');
const args = process.argv.slice(2).filter((a) => a !== '--');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
const sizes = args.filter((a, i) => /^\d+$/.test(a) && (onlyAt < 0 || i !== onlyAt + 1)).map(Number);
if (sizes.length === 0) sizes.push(256, 1024);
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

const rows: string[][] = [['case', 'KB', 'seconds', 'exit', 'peak MB']];
let worst = { name: '', kb: 0, s: 0 };
for (const c of adversarialCases) {
  if (only && !c.name.includes(only)) continue;
  for (const kb of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'bw-measure-'));
    mkdirSync(join(dir, 'sources'));
    writeFileSync(join(dir, 'sources', c.file), c.make(kb * 1024));
    const cmd = [cli, 'build', '--format', 'md,json', '--no-cache', '--workers', '0', '-q'];
    const t0 = performance.now();
    const r = timeBin
      ? spawnSync(timeBin, ['-f', '%M', process.execPath, ...cmd], { cwd: dir, encoding: 'utf8', timeout: 600_000, env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } })
      : spawnSync(process.execPath, cmd, { cwd: dir, encoding: 'utf8', timeout: 600_000, env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } });
    const s = (performance.now() - t0) / 1000;
    const rss = timeBin ? (Number((r.stderr.trim().split('\n').pop() ?? '').trim()) / 1024).toFixed(0) : '';
    rows.push([c.name, String(kb), s.toFixed(2), r.signal ?? String(r.status), rss]);
    if (s > worst.s) worst = { name: c.name, kb, s };
    process.stderr.write(`${c.name} ${kb} KB: ${s.toFixed(2)} s (exit ${r.signal ?? r.status})\n`);
    rmSync(dir, { recursive: true, force: true });
  }
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) process.stdout.write(r.map((x, i) => (i === 0 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join('  ') + '\n');
process.stdout.write(`slowest: ${worst.name} at ${worst.kb} KB, ${worst.s.toFixed(2)} s\n`);
