import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = join(process.cwd(), 'dist/src/cli/main.js');
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000', ...env } });

describe('brief build', () => {
  it('writes Markdown, PDF and model.json from the bundled sources, byte-identical on rebuild', () => {
    const a = mkdtempSync(join(tmpdir(), 'bw-a-'));
    const b = mkdtempSync(join(tmpdir(), 'bw-b-'));
    const ra = run(['build', '--sources', 'sources', '--out', a]);
    expect(ra.stderr).toBe('');
    expect(ra.status).toBe(0);
    expect(run(['build', '--sources', 'sources', '--out', b]).status).toBe(0);
    for (const f of ['briefing.md', 'briefing.pdf', 'model.json']) {
      expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
    }
    const model = JSON.parse(readFileSync(join(a, 'model.json'), 'utf8'));
    expect(model.sources).toHaveLength(5);
    expect(model.date).toBe('2023-11-14');
  });

  it('exits 2 on a usage error and 3 on a missing sources folder, with one line and no stack', () => {
    const u = run(['build', '--format', 'rtf']);
    expect(u.status).toBe(2);
    const m = run(['build', '--sources', 'no-such-folder']);
    expect(m.status).toBe(3);
    expect(m.stderr.trim().split('\n')).toHaveLength(1);
    expect(m.stderr).toContain('no-such-folder');
    expect(m.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('prints the version and lists templates', () => {
    expect(execFileSync(process.execPath, [cli, '--version'], { encoding: 'utf8' }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(run(['templates']).stdout).toContain('briefing');
  });
});
