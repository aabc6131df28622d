/** Finding the previous edition: the newest kept model older than this edition, skipping broken files. */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPreviousEdition } from '../../src/cli/commands/build.js';

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
