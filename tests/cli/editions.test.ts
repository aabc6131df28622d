/** Finding the previous edition: the newest kept model older than this edition, skipping broken files. */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPreviousEdition } from '../../src/cli/commands/build.js';
import { runCli } from '../helpers.js';

const model = (date: string, title: string) => ({ generator: { name: 'briefwright', version: '0' }, title, date, sources: [], findings: [{ text: `{"date": "1999-01-01"}` }] });

function out(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bw-editions-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('findPreviousEdition', () => {
  it('takes the newest edition older than the build date and parses it only when asked', () => {
    const dir = out({
      'editions/2026-01-05/model.json': JSON.stringify(model('2026-01-05', 'January'), null, 2) + '\n',
      'editions/2026-02-02/model.json': JSON.stringify(model('2026-02-02', 'February'), null, 2) + '\n',
      'model.json': JSON.stringify(model('2026-03-01', 'March'), null, 2) + '\n',
    });
    const found = findPreviousEdition(dir, '2026-03-01');
    expect(found?.path).toBe(join(dir, 'editions/2026-02-02/model.json'));
    expect(found?.brief()?.title).toBe('February');
    expect(findPreviousEdition(dir, '2026-01-05')).toBeNull();
    // Without kept editions, an older out/model.json is the previous one.
    const bare = out({ 'model.json': JSON.stringify(model('2026-03-01', 'March'), null, 2) + '\n' });
    expect(findPreviousEdition(bare, '2026-03-02')?.brief()?.title).toBe('March');
    expect(findPreviousEdition(bare, '2026-03-01')).toBeNull();
  });

  it('reads compact JSON too, and skips a truncated or foreign file for an older good one', () => {
    const dir = out({
      'editions/2026-01-05/model.json': JSON.stringify(model('2026-01-05', 'compact')),
      'editions/2026-02-02/model.json': (JSON.stringify(model('2026-02-02', 'cut'), null, 2) + '\n').slice(0, 150),
      'model.json': '{"not": "a model"}\n',
    });
    const found = findPreviousEdition(dir, '2026-03-01');
    expect(found?.path).toBe(join(dir, 'editions/2026-01-05/model.json'));
    expect(found?.brief()?.title).toBe('compact');
  });
});

describe('brief diff', () => {
  const cite = (sourceId: string, quote: string) => ({ sourceId, start: 0, end: quote.length, quote });
  const source = { id: 'a', path: 'sources/a.md', sha256: 'a'.repeat(64), format: 'md', title: 'Water and power', authors: [], keywords: [], abstract: null, sections: [], keyphrases: [], summary: [] };
  const brief = (date: string, recommendation: string) => ({
    generator: { name: 'briefwright', version: '0' }, title: 'Brief', date, sources: [source], themes: [], glossary: [], timeline: [],
    findings: [{ id: 'f1', text: 'Groundwater use rose by a third.', citations: [cite('a', 'Groundwater use rose by a third between 2001 and 2020.')], themeIds: [], support: 1 }],
    recommendations: [{ id: 'r1', text: recommendation, actor: 'Ministers', strength: 'explicit', citations: [cite('a', recommendation)], themeIds: [] }],
  });
  const write = (dir: string, name: string, model: object) => {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), JSON.stringify(model, null, 2) + '\n');
  };

  it('writes Markdown for a job summary, and exits 5 with --fail-on when recommendations changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bw-diff-'));
    write(dir, 'out/editions/2026-01-05/model.json', brief('2026-01-05', 'Ministers should meter every well.'));
    write(dir, 'out/model.json', brief('2026-01-12', 'Ministers should license new wells.'));
    const md = await runCli(['diff', '--out', 'out', '--format', 'md'], { cwd: dir });
    expect([md.status, md.stderr]).toEqual([0, '']);
    expect(md.stdout).toMatch(/^## What changed since 2026-01-05\n/);
    expect(md.stdout).toContain('| Recommendations | 1 | 1 | 0 | 0 |');
    expect(md.stdout).toContain('- **New:** Ministers should license new wells. \\[a\\]');
    const fail = await runCli(['diff', '--out', 'out', '--format', 'json', '--fail-on', 'recommendations'], { cwd: dir });
    expect(fail.status).toBe(5);
    expect(fail.stderr).toBe('brief: recommendations changed since 2026-01-05 (--fail-on)\n');
    expect(JSON.parse(fail.stdout).recommendations.added[0].text).toBe('Ministers should license new wells.');
    // Findings did not change: no failure.
    expect((await runCli(['diff', '--out', 'out', '--fail-on', 'findings,sources'], { cwd: dir })).status).toBe(0);
    expect((await runCli(['diff', '--out', 'out', '--fail-on', 'recommendation'], { cwd: dir })).status).toBe(2);
    expect((await runCli(['diff', '--out', 'out', '--format', 'html'], { cwd: dir })).status).toBe(2);
  });

  it('says a first edition has nothing to compare with, and succeeds (a scheduled job\'s first run)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bw-diff-'));
    write(dir, 'out/model.json', brief('2026-01-05', 'Ministers should meter every well.'));
    const first = await runCli(['diff', '--out', 'out', '--format', 'md', '--fail-on', 'any'], { cwd: dir });
    expect([first.status, first.stderr]).toEqual([0, '']);
    expect(first.stdout).toContain('This is the first edition (2026-01-05)');
    // Two files named on the command line must both exist.
    expect((await runCli(['diff', 'out/model.json', 'out/none.json'], { cwd: dir })).status).toBe(3);
  });
});
