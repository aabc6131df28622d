import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers.js';

describe('brief build', () => {
  it('writes Markdown, PDF and model.json from the bundled sources, byte-identical on rebuild', async () => {
    const a = mkdtempSync(join(tmpdir(), 'bw-a-'));
    const b = mkdtempSync(join(tmpdir(), 'bw-b-'));
    const ra = await runCli(['build', '--sources', 'sources', '--out', a, '--quiet']);
    expect(ra.stderr).toBe('');
    expect(ra.status).toBe(0);
    expect((await runCli(['build', '--sources', 'sources', '--out', b, '--quiet', '--no-cache'])).status).toBe(0);
    for (const f of ['briefing.md', 'briefing.pdf', 'model.json']) {
      expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
    }
    const model = JSON.parse(readFileSync(join(a, 'model.json'), 'utf8'));
    expect(model.sources).toHaveLength(5);
    expect(model.date).toBe('2023-11-14');
    // The PDF carries the Markdown's title and is a PDF.
    expect(readFileSync(join(a, 'briefing.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('exits 2 on a usage error and 3 on a missing sources folder, with one line and no stack', async () => {
    const u = await runCli(['build', '--format', 'rtf']);
    expect(u.status).toBe(2);
    const m = await runCli(['build', '--sources', 'no-such-folder']);
    expect(m.status).toBe(3);
    expect(m.stderr.trim().split('\n')).toHaveLength(1);
    expect(m.stderr).toContain('no-such-folder');
    expect(m.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('prints the version and lists templates', async () => {
    expect((await runCli(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const t = (await runCli(['templates'])).stdout;
    for (const name of ['briefing', 'handout', 'one-pager']) expect(t).toContain(name);
  });
});
