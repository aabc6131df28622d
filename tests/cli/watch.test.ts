import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = join(process.cwd(), 'dist/brief/main.js');

const note = (n: number) => `# Note ${n}\n\n## Findings\n\nThe review finds that inspections fell by ${n * 10} percent after the reform. Ministers should restore the budget.\n`;

describe('brief build --watch', () => {
  it('rebuilds after a source changes and after the config changes, then stops when killed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bw-watch-'));
    mkdirSync(join(dir, 'sources'));
    writeFileSync(join(dir, 'sources', 'a.md'), note(1));
    writeFileSync(join(dir, 'briefwright.config.yaml'), 'title: First\nformats: [json]\n');
    const child = spawn(process.execPath, [cli, 'build', '--watch', '--json', '--no-cache'], { cwd: dir, env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } });
    const events: { event: string; status?: string }[] = [];
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let buffer = '';
    const waiters: { n: number; resolve: () => void }[] = [];
    const builds = () => events.filter((e) => e.event === 'watch' && e.status === 'waiting').length;
    child.stdout.on('data', (d) => {
      buffer += d;
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        events.push(JSON.parse(buffer.slice(0, nl)));
        buffer = buffer.slice(nl + 1);
      }
      for (const w of waiters.filter((x) => builds() >= x.n)) w.resolve();
    });
    const buildsDone = (n: number) =>
      new Promise<void>((resolve, reject) => {
        if (builds() >= n) return resolve();
        const timer = setTimeout(() => reject(new Error(`build ${n} did not happen; stderr: ${stderr}`)), 60_000);
        waiters.push({ n, resolve: () => (clearTimeout(timer), resolve()) });
      });
    try {
      await buildsDone(1);
      const model = () => JSON.parse(readFileSync(join(dir, 'out', 'model.json'), 'utf8'));
      expect(model().title).toBe('First');
      expect(model().sources).toHaveLength(1);

      writeFileSync(join(dir, 'sources', 'b.md'), note(2));
      await buildsDone(2);
      expect(model().sources).toHaveLength(2);
      expect(events.some((e) => e.event === 'watch' && e.status === 'change')).toBe(true);

      writeFileSync(join(dir, 'briefwright.config.yaml'), 'title: Second\nformats: [json]\n');
      await buildsDone(3);
      expect(model().title).toBe('Second');
      // Outputs written into out/ must not trigger builds of their own.
      await new Promise((r) => setTimeout(r, 1000));
      expect(builds()).toBe(3);
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise((r) => child.on('exit', (c, s) => r(c ?? s)));
    expect(code).not.toBeNull();
  });
});
