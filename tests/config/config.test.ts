import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { loadConfig, parseConfig } from '../../src/config/load.js';
import { editionDateFromEnv, resolveSettings } from '../../src/config/resolve.js';
import { globBase, globToRegExp } from '../../src/config/glob.js';
import { listSelectedSources } from '../../src/config/sources.js';
import { initialConfigText } from '../../src/config/init.js';
import { BriefwrightError } from '../../src/model/errors.js';

const gen = { name: 'briefwright', version: '0.0.0' };

/** The BriefwrightError a config text raises. */
function errorOf(text: string, file = 'briefwright.config.yaml'): BriefwrightError {
  try {
    parseConfig(text, file);
  } catch (err) {
    expect(err).toBeInstanceOf(BriefwrightError);
    return err as BriefwrightError;
  }
  throw new Error('expected the config to be rejected');
}

describe('parseConfig', () => {
  it('accepts every documented setting', () => {
    const c = parseConfig(
      [
        'title: "US–Pakistan relations"',
        'subtitle: After the withdrawal',
        'organisation: Policy Unit',
        'authors: [A. Analyst, B. Writer]',
        'edition: "2026-01-05"',
        'templates: [briefing]',
        'templatesDir: my-templates',
        'formats: [md, json]',
        'sources:',
        '  include: ["papers/**/*.md"]',
        '  exclude: ["**/draft-*"]',
        'out: build',
        'actorAliases: { Islamabad: Pakistan }',
        'themes: 5',
        'keyMessages: 3',
        'summaryWords: 120',
        'pageSize: Letter',
        'fonts: { regular: fonts/a.ttf, size: 10.5 }',
        'cache: false',
      ].join('\n'),
      'c.yaml',
    );
    expect(c.themes).toBe(5);
    expect(c.sources).toEqual({ include: ['papers/**/*.md'], exclude: ['**/draft-*'] });
    expect(c.fonts).toEqual({ regular: 'fonts/a.ttf', size: 10.5 });
  });

  it('names the file, key, line and column of an unknown key, and suggests the near one', () => {
    const e = errorOf('title: x\n\ntheme: 3\n');
    expect(e.kind).toBe('input');
    expect([e.file, e.line, e.column]).toEqual(['briefwright.config.yaml', 3, 1]);
    expect(e.message).toContain('unknown key "theme"');
    expect(e.message).toContain('"themes"');
    expect(e.format().split('\n')).toHaveLength(1);
  });

  it('finds nested unknown keys and wrong types with their positions', () => {
    const nested = errorOf('sources:\n  include: [a]\n  exlude: [b]\n');
    expect([nested.line, nested.column]).toEqual([3, 3]);
    expect(nested.message).toMatch(/unknown key "sources\.exlude", expected "exclude"/);
    const wrong = errorOf('title: ok\nthemes: "six"\n');
    expect([wrong.line, wrong.column]).toEqual([2, 9]);
    expect(wrong.message).toBe('"themes" is "six", expected a number');
    const list = errorOf('authors:\n  - A\n  - 7\n');
    expect([list.line, list.column]).toEqual([3, 5]);
    expect(list.message).toContain('authors[1]');
    const range = errorOf('fonts:\n  size: 2\n');
    expect(range.message).toBe('"fonts.size" is 2, expected at least 7');
    const choice = errorOf('pageSize: A5\n');
    expect(choice.message).toContain('expected one of A4, Letter');
    // A date written right but no day of the calendar.
    const day = errorOf('title: x\nedition: "2026-02-30"\n');
    expect([day.line, day.message]).toEqual([2, '"edition" is "2026-02-30", expected a date as YYYY-MM-DD']);
  });

  it('reads JSON configs with positions too', () => {
    const e = errorOf('{\n  "title": "x",\n  "keyMessages": 1.5\n}\n', 'briefwright.config.json');
    expect([e.file, e.line]).toEqual(['briefwright.config.json', 3]);
    expect(e.message).toContain('whole number');
  });

  it('reports YAML syntax errors and non-mappings on one line', () => {
    expect(errorOf('title: [a\n').message).toMatch(/^unreadable config/);
    expect(errorOf('- a\n- b\n').message).toContain('expected a mapping');
    expect(parseConfig('', 'empty.yaml')).toEqual({});
  });

  it('the commented config `brief init` writes is valid and sets nothing by default', () => {
    expect(parseConfig(initialConfigText(), 'x.yaml')).toEqual({});
    expect(parseConfig(initialConfigText({ template: 'briefing', templatesDir: 'templates' }), 'x.yaml')).toEqual({ templates: ['briefing'], templatesDir: 'templates' });
  });
});

describe('resolveSettings: defaults < config < flags', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bw-cfg-'));
  const loaded = { config: parseConfig('title: From config\nthemes: 3\nsummaryWords: 90\nout: built\nactorAliases: { Islamabad: Pakistan }\nedition: "2025-02-03"\n', 'c.yaml'), file: 'c.yaml', dir };

  it('uses defaults without a config', () => {
    const s = resolveSettings({}, { config: {}, file: null, dir: process.cwd() }, { SOURCE_DATE_EPOCH: '1700000000' }, gen);
    expect(s.synthesize.title).toBeNull();
    expect(s.synthesize.date).toBe('2023-11-14');
    expect(s.formats).toEqual(['md', 'pdf', 'json']);
    expect(s.sources).toEqual({ kind: 'folder', dir: 'sources' });
    expect(s.cache).toBe(true);
  });

  it('lets the config override defaults and flags override the config', () => {
    const c = resolveSettings({}, loaded, { SOURCE_DATE_EPOCH: '1700000000' }, gen);
    expect(c.synthesize.title).toBe('From config');
    expect(c.synthesize.themes).toBe(3);
    expect(c.analyze.summaryWords).toBe(90);
    expect(c.analyze.actorAliases).toEqual({ islamabad: 'Pakistan' });
    expect(c.synthesize.date).toBe('2025-02-03');
    expect(c.out).toBe(relative(process.cwd(), join(dir, 'built')));
    const f = resolveSettings({ title: 'From flag', themes: 7, out: 'o', edition: '2026-01-01', format: 'json' }, loaded, {}, gen);
    expect(f.synthesize.title).toBe('From flag');
    expect(f.synthesize.themes).toBe(7);
    expect(f.out).toBe('o');
    expect(f.synthesize.date).toBe('2026-01-01');
    expect(f.formats).toEqual(['json']);
    expect(f.analyze.summaryWords).toBe(90);
  });
});

describe('source globs', () => {
  it('match * within a folder, ** across folders, {a,b} alternatives', () => {
    const r = globToRegExp('sources/**/*.{md,txt}');
    expect(r.test('sources/a.md')).toBe(true);
    expect(r.test('sources/x/y/b.txt')).toBe(true);
    expect(r.test('sources/a.pdf')).toBe(false);
    expect(r.test('other/a.md')).toBe(false);
    expect(globToRegExp('*.md').test('a/b.md')).toBe(false);
    expect(globBase('sources/**/*.md')).toBe('sources');
    expect(globBase('*.md')).toBe('.');
  });

  it('list included files minus exclusions, sorted, from the config folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'bw-glob-'));
    for (const p of ['papers/b.md', 'papers/a.txt', 'papers/draft-c.md', 'papers/old/d.md', 'papers/sub/e.md', 'papers/notes.csv', 'other/f.md']) {
      mkdirSync(join(root, p, '..'), { recursive: true });
      writeFileSync(join(root, p), 'text\n');
    }
    writeFileSync(join(root, 'briefwright.config.yaml'), 'sources:\n  include: ["papers/**/*"]\n  exclude: ["**/draft-*", "papers/old"]\n');
    const loaded = loadConfig(undefined, root);
    const s = resolveSettings({}, loaded, {}, gen);
    const listed = listSelectedSources(s.sources).map((p) => relative(root, join(process.cwd(), p)).replace(/\\/g, '/'));
    expect(listed).toEqual(['papers/a.txt', 'papers/b.md', 'papers/sub/e.md']);
  });
});

describe('the edition date from SOURCE_DATE_EPOCH', () => {
  it('is the UTC day of the epoch, and a usage error when the epoch is no number of seconds up to year 9999', () => {
    expect(editionDateFromEnv({ SOURCE_DATE_EPOCH: '1700000000' })).toBe('2023-11-14');
    expect(editionDateFromEnv({ SOURCE_DATE_EPOCH: '253402300799' })).toBe('9999-12-31');
    expect(editionDateFromEnv({}, () => new Date(Date.UTC(2026, 0, 5, 23, 59)))).toBe('2026-01-05');
    for (const bad of ['abc', '-5', '1.5', '99999999999999']) {
      expect(() => editionDateFromEnv({ SOURCE_DATE_EPOCH: bad })).toThrow(/SOURCE_DATE_EPOCH must be a whole number of seconds up to year 9999/);
    }
  });
});
