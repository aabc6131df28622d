/**
 * Faults while writing, end to end through the CLI: outputs are replaced all-or-nothing, a failed
 * or killed build leaves the previous edition intact, two builds into one out/ take turns, and
 * nothing is written outside the out folder.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { brief, briefAsync, goodSource, makeProject, snapshot, stackLine } from './helpers.js';

/** A project with one good source and a finished first build in out/. */
async function builtProject(): Promise<{ p: string; out: string; before: Record<string, string> }> {
  const p = makeProject({ 'a.txt': goodSource('coastal erosion'), 'b.txt': goodSource('port finance') });
  const r = await brief(p, ['build', '--format', 'md,json']);
  expect(r.status, r.stderr).toBe(0);
  const out = join(p, 'out');
  return { p, out, before: snapshot(out) };
}

/** A pid that is certainly not running: a child that has already exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((r) => child.on('exit', r));
  return child.pid!;
}

/** A snapshot without hidden files (the lock, temporaries, the build stamp). */
const visible = (s: Record<string, string>) => Object.fromEntries(Object.entries(s).filter(([k]) => !k.split('/').some((part) => part.startsWith('.'))));

const noTemporaries = (out: string) => readdirSync(out).filter((n) => n.endsWith('.tmp') || n === '.briefwright.lock');

describe('atomic outputs', () => {
  it('disk full while writing the second output (injected ENOSPC): exit 4, one line, previous outputs byte-identical, no temporaries', async () => {
    const { p, out, before } = await builtProject();
    writeFileSync(join(p, 'sources', 'c.txt'), goodSource('new topic'));
    const r = await brief(p, ['build', '--format', 'md,json'], { BRIEFWRIGHT_INJECT_FAULT: 'write:model.json' });
    expect(r.status, r.stderr).toBe(4);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/model\.json.*no space left on device.*unchanged/);
    expect(r.stderr).not.toMatch(stackLine);
    expect(snapshot(out)).toEqual(before);
    expect(noTemporaries(out)).toEqual([]);
  });

  it('a build killed (SIGKILL) half-way through writing leaves the previous outputs intact; the next build removes its temporary', async () => {
    const { p, out, before } = await builtProject();
    writeFileSync(join(p, 'sources', 'c.txt'), goodSource('new topic'));
    const r = await brief(p, ['build', '--format', 'md,json'], { BRIEFWRIGHT_INJECT_FAULT: 'kill:model.json' });
    expect(r.signal).toBe('SIGKILL');
    expect(visible(snapshot(out))).toEqual(visible(before));
    expect(noTemporaries(out).length).toBeGreaterThan(0); // the killed build's half-written temporary and its lock
    const again = await brief(p, ['build', '--format', 'md,json']);
    expect(again.status, again.stderr).toBe(0);
    expect(noTemporaries(out)).toEqual([]);
    expect(snapshot(out)).not.toEqual(before); // the new source is in
  });

  it('the out path is a file: exit 4 naming it, the file untouched', async () => {
    const p = makeProject({ 'a.txt': goodSource() });
    writeFileSync(join(p, 'out'), 'not a folder\n');
    const r = await brief(p, ['build', '--format', 'md,json']);
    expect(r.status, r.stderr).toBe(4);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^brief: out: error: .*is a file/);
    expect(readFileSync(join(p, 'out'), 'utf8')).toBe('not a folder\n');
  });

  it('the out folder cannot be created (a parent is a file): exit 4, clear message', async () => {
    const p = makeProject({ 'a.txt': goodSource() });
    writeFileSync(join(p, 'blocker'), 'x');
    const r = await brief(p, ['build', '--out', 'blocker/out']);
    expect(r.status, r.stderr).toBe(4);
    expect(r.stderr).toMatch(/blocker\/out.*(folder|file)/);
    expect(r.stderr).not.toMatch(stackLine);
  });

  it('a read-only out folder (/proc is read-only even for root): exit 4, clear message', async () => {
    const p = makeProject({ 'a.txt': goodSource() });
    const r = await brief(p, ['build', '--format', 'json', '--out', '/proc/self']);
    expect(r.status, r.stderr).toBe(4);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/\/proc\/self.*(permission denied|read-only|no such file)/);
  });

  it('a render failure (bad template) writes nothing: out/ unchanged', async () => {
    const { p, out, before } = await builtProject();
    mkdirSync(join(p, 'tpl', 'broken'), { recursive: true });
    writeFileSync(join(p, 'tpl', 'broken', 'broken.md.hbs'), '# {{title}}\n\n{{#each themes}}\n');
    const r = await brief(p, ['build', '--format', 'md,json', '--templates', 'tpl', '--template', 'broken']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).not.toMatch(stackLine);
    expect(snapshot(out)).toEqual(before);
  });
});

describe('the out-folder lock', () => {
  it('a lock held by a live process: the build waits (bounded), then exits 4 naming the holder; out/ unchanged', async () => {
    const { p, out, before } = await builtProject();
    writeFileSync(join(p, 'sources', 'c.txt'), goodSource('new topic')); // so the build has something to write
    writeFileSync(join(out, '.briefwright.lock'), `${process.pid} ${hostname()}\n`);
    const locked = snapshot(out);
    const r = await brief(p, ['build', '--format', 'md,json'], { BRIEFWRIGHT_LOCK_TIMEOUT_MS: '300' });
    expect(r.status, r.stderr).toBe(4);
    expect(r.stderr).toContain(`pid ${process.pid}`);
    expect(r.stderr).toMatch(/waiting for another build/);
    expect(r.stderr).toMatch(/locked by another build/);
    expect(snapshot(out)).toEqual(locked);
    expect(Object.keys(before).length).toBeGreaterThan(0);
  });

  it('a stale lock (its process is gone) is taken over and removed', async () => {
    const { p, out } = await builtProject();
    writeFileSync(join(p, 'sources', 'c.txt'), goodSource('new topic'));
    writeFileSync(join(out, '.briefwright.lock'), `${await deadPid()} ${hostname()}\n`);
    const r = await brief(p, ['build', '--format', 'json'], { BRIEFWRIGHT_LOCK_TIMEOUT_MS: '300' });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(out, '.briefwright.lock'))).toBe(false);
    expect(readFileSync(join(out, 'model.json'), 'utf8')).toContain('sources/c.txt');
  });

  it('two builds at once into the same out/: both succeed in turn, outputs are whole and identical to a lone build', async () => {
    const p = makeProject({ 'a.txt': goodSource('coastal erosion'), 'b.txt': goodSource('port finance') });
    const [r1, r2] = await Promise.all([briefAsync(p, ['build', '--format', 'md,json']), briefAsync(p, ['build', '--format', 'md,json'])]);
    expect(r1.status, r1.stderr).toBe(0);
    expect(r2.status, r2.stderr).toBe(0);
    const both = snapshot(join(p, 'out'));
    const lone = await brief(p, ['build', '--format', 'md,json', '--out', 'lone']);
    expect(lone.status).toBe(0);
    expect(visible(both)).toEqual(visible(snapshot(join(p, 'lone'))));
    expect(noTemporaries(join(p, 'out'))).toEqual([]);
  });
});

describe('confinement: outputs only under the out folder', () => {
  it('a template name with .. is refused, and nothing is written outside out/', async () => {
    const p = makeProject({ 'a.txt': goodSource() });
    mkdirSync(join(p, 'evil'), { recursive: true });
    writeFileSync(join(p, 'evil', 'evil.md.hbs'), '# {{title}}\n');
    const r = await brief(p, ['build', '--template', '../evil', '--templates', 'tpl']);
    expect(r.status).toBeGreaterThanOrEqual(2);
    expect(r.stderr).not.toMatch(stackLine);
    expect(readdirSync(p).sort()).toEqual(['evil', 'sources']);
  });

  it('an absolute template name is refused', async () => {
    const p = makeProject({ 'a.txt': goodSource() });
    const r = await brief(p, ['build', '--template', join(p, 'x')]);
    expect(r.status).toBeGreaterThanOrEqual(2);
    expect(existsSync(join(p, 'x.md'))).toBe(false);
  });

  it('the out folder may not be the sources folder (outputs would become sources)', async () => {
    const p = makeProject({ 'a.txt': goodSource() });
    const r = await brief(p, ['build', '--out', 'sources']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/sources folder/);
    expect(readdirSync(join(p, 'sources'))).toEqual(['a.txt']);
  });
});
