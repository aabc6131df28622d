import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A private copy of the compiled program: the cache key includes a hash of the program's code, so
 * a recompile of dist/ while this test runs (other work in the same tree) would empty the cache.
 */
function isolatedCli(): string {
  const root = mkdtempSync(join(tmpdir(), 'bw-prog-'));
  cpSync('dist', join(root, 'dist'), { recursive: true });
  for (const d of ['templates', 'styles']) cpSync(d, join(root, d), { recursive: true });
  for (const f of ['package.json', 'package-lock.json']) cpSync(f, join(root, f));
  symlinkSync(join(process.cwd(), 'node_modules'), join(root, 'node_modules'), 'dir');
  return join(root, 'dist/brief/main.js');
}
const cli = isolatedCli();

/** A project folder with the openings of three bundled papers as sources. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bw-cache-build-'));
  mkdirSync(join(dir, 'sources'));
  for (const n of readdirSync('sources').filter((x) => x.endsWith('.txt')).sort().slice(0, 3)) {
    const text = readFileSync(join('sources', n), 'utf8');
    writeFileSync(join(dir, 'sources', n), text.slice(0, text.indexOf('\n\n', 4000) + 1));
  }
  return dir;
}

/** Runs the CLI without blocking the test runner (a long spawnSync starves its heartbeat). */
function runCli(dir: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: dir, env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

async function build(dir: string, out: string, ...args: string[]) {
  const r = await runCli(dir, ['build', '--format', 'md,json', '--out', out, '--json', ...args]);
  expect(r.status, r.stderr).toBe(0);
  const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  return { events, done: events.find((e) => e.event === 'done'), stderr: r.stderr };
}

const same = (dir: string, a: string, b: string) => {
  for (const f of ['briefing.md', 'model.json']) expect(readFileSync(join(dir, a, f)).equals(readFileSync(join(dir, b, f))), `${a}/${f} vs ${b}/${f}`).toBe(true);
};

describe('brief build with the cache', () => {
  it('writes byte-identical outputs cached or not, redoes only a changed source, and recomputes a damaged entry', async () => {
    const dir = project();
    const cold = await build(dir, 'cold');
    expect([cold.done.cached, cold.done.analysed]).toEqual([0, 3]);
    const warm = await build(dir, 'warm');
    expect([warm.done.cached, warm.done.analysed]).toEqual([3, 0]);
    same(dir, 'cold', 'warm');

    // Change one source: only it is analysed again.
    const names = readdirSync(join(dir, 'sources')).sort();
    writeFileSync(join(dir, 'sources', names[0]), readFileSync(join(dir, 'sources', names[0]), 'utf8') + '\nThe government should publish its assessment every year.\n');
    const changed = await build(dir, 'changed');
    expect([changed.done.cached, changed.done.analysed]).toEqual([2, 1]);
    expect(readFileSync(join(dir, 'changed', 'model.json')).equals(readFileSync(join(dir, 'cold', 'model.json')))).toBe(false);
    const entries = readdirSync(join(dir, '.briefwright-cache')).length;
    expect((await build(dir, 'changed-plain', '--no-cache')).done.cached).toBe(0);
    expect(readdirSync(join(dir, '.briefwright-cache')).length).toBe(entries);
    same(dir, 'changed', 'changed-plain');

    // Damage every cache entry: each is reported, recomputed, and the outputs are unchanged.
    const cacheDir = join(dir, '.briefwright-cache');
    for (const sub of readdirSync(cacheDir)) {
      for (const name of readdirSync(join(cacheDir, sub))) {
        const entry = join(cacheDir, sub, name);
        const bytes = readFileSync(entry);
        bytes[bytes.length - 10] ^= 0x20;
        writeFileSync(entry, bytes);
      }
    }
    const repaired = await build(dir, 'repaired');
    expect(repaired.events.filter((e) => e.event === 'cache-corrupt')).toHaveLength(3);
    expect([repaired.done.cached, repaired.done.analysed]).toEqual([0, 3]);
    same(dir, 'changed-plain', 'repaired');
  });


  it('skips a rebuild when nothing changed, still reporting the diagnostics, and not when an input or output changed', async () => {
    const dir = project();
    writeFileSync(join(dir, 'sources', 'broken.txt'), new Uint8Array([0x41, 0xff, 0xfe, 0x42]));
    const go = (...args: string[]) => runCli(dir, ['build', '--format', 'md,json', '--json', ...args]);
    const done = (r: { stdout: string }) => r.stdout.trim().split('\n').map((l) => JSON.parse(l)).find((e) => e.event === 'done');
    const first = await go();
    expect(first.status).toBe(3);
    expect(first.stderr).toContain('broken.txt');
    expect(done(first).upToDate).toBeUndefined();
    const md = readFileSync(join(dir, 'out', 'briefing.md'));
    const again = await go();
    expect(again.status).toBe(3);
    expect(again.stderr).toBe(first.stderr);
    expect(done(again).upToDate).toBe(true);
    expect(readFileSync(join(dir, 'out', 'briefing.md')).equals(md)).toBe(true);
    // A changed setting, a changed output and --no-cache each force a real build.
    expect(done(await go('--title', 'Another title')).upToDate).toBeUndefined();
    expect(done(await go('--title', 'Another title')).upToDate).toBe(true);
    writeFileSync(join(dir, 'out', 'briefing.md'), 'edited by hand\n');
    expect(done(await go('--title', 'Another title')).upToDate).toBeUndefined();
    expect(readFileSync(join(dir, 'out', 'briefing.md'), 'utf8')).not.toBe('edited by hand\n');
    expect(done(await go('--title', 'Another title', '--no-cache')).upToDate).toBeUndefined();
  });
});
