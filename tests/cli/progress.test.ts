import { describe, expect, it } from 'vitest';
import { Progress, progressMode, useColor } from '../../src/cli/progress.js';

function capture(mode: Parameters<typeof progressMode>[0], tty: boolean, env: NodeJS.ProcessEnv = {}) {
  const chunks: string[] = [];
  const p = new Progress(progressMode(mode, tty), { write: (s: string) => chunks.push(s) }, env);
  const end = p.stage('analyze');
  for (let i = 1; i <= 10; i++) p.emit({ event: 'source', path: `s${i}.md`, done: i, total: 10, from: i % 2 ? 'cache' : 'analysis' });
  end('10 sources');
  p.emit({ event: 'done', ms: 12, outputs: ['out/briefing.md'], sources: 10, cached: 5, analysed: 5 });
  return chunks.join('');
}

describe('progress', () => {
  it('picks the mode from flags and the terminal', () => {
    expect(progressMode({}, true)).toBe('tty');
    expect(progressMode({}, false)).toBe('plain');
    expect(progressMode({ quiet: true }, true)).toBe('quiet');
    expect(progressMode({ json: true, quiet: true }, false)).toBe('json');
  });

  it('prints plain lines without escapes when not a terminal', () => {
    const out = capture({}, false);
    expect(out).not.toMatch(/\u001b|\r/);
    expect(out.trim().split('\n')).toEqual([expect.stringMatching(/^- analyze 10 sources \d+ ms$/), expect.stringMatching(/^- built 1 file from 10 sources \(5 cached\)/)]);
  });

  it('draws a bar for many sources and colours on a terminal, but not with NO_COLOR', () => {
    const out = capture({}, true);
    expect(out).toContain('analyze…');
    expect(out).toContain('10/10 sources');
    expect(out).toContain('\r');
    expect(out).toContain('\u001b[32m');
    const plain = capture({}, true, { NO_COLOR: '1' });
    expect(plain).toContain('10/10 sources');
    expect(plain).not.toMatch(/\u001b\[\d+m/);
    expect(useColor('tty', { NO_COLOR: '' })).toBe(true);
  });

  it('prints one JSON object per event with --json, and nothing with --quiet', () => {
    const lines = capture({ json: true }, true).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ event: 'stage', stage: 'analyze', status: 'start' });
    expect(lines.filter((e) => e.event === 'source')).toHaveLength(10);
    expect(lines.at(-1)).toMatchObject({ event: 'done', sources: 10, cached: 5 });
    expect(capture({ quiet: true }, true)).toBe('');
  });
});
