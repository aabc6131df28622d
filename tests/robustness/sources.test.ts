/**
 * Bad sources, end to end through the CLI: each is reported on a line naming the file, skipped (or
 * read correctly when it is merely unusual), the build goes on and exits 3; `--strict` aborts
 * before writing anything. All inputs are generated here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brief, goodSource, linesNaming, makeProject, readModel, snapshot, stackLine, type RunResult } from './helpers.js';
import { adversarialCases } from './adversarial.js';
import { binaryNoise, corruptDocx, corruptPdf, deepHtml, deepMarkdown, makeDocx, prose, textPdf, zipBombDocx } from './generate.js';

const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const evilName = 'evil\u001b[2Jname.txt';

let project: string;
let run: RunResult;
let model: any;
const idOfPath = (p: string) => model.sources.find((s: any) => s.path === `sources/${p}`)?.id;
const hasSource = (p: string) => model.sources.some((s: any) => s.path === `sources/${p}`);

beforeAll(async () => {
  project = makeProject({
    'good.txt': goodSource('water policy'),
    'empty.txt': '',
    'blank.md': '  \n\t\n   \n',
    'binary.txt': binaryNoise(),
    'bad-utf8.txt': Buffer.concat([Buffer.from('Title of a Paper\n\nThe first line is fine.\nThe second line has '), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(' bad bytes.\n')]),
    'utf16.txt': utf16le(goodSource('river transport')),
    'latin1.txt': Buffer.from('Politique de l\'eau à Montréal\n\nLe café coûte cher à Montréal. Le gouvernement devrait agir.\n', 'latin1'),
    'crlf.txt': goodSource('housing').replace(/\n/g, '\r\n'),
    'long-line.txt': prose(1 << 20, false),
    'deep-quote.md': deepMarkdown('quote', 10_000),
    'deep-list.md': deepMarkdown('list', 10_000),
    'deep.html': deepHtml(10_000),
    'broken.pdf': corruptPdf(),
    'encrypted.pdf': textPdf('Secret findings about fisheries policy.', true),
    'corrupt.docx': corruptDocx(),
    'bomb.docx': await zipBombDocx(512),
    'ok.docx': makeDocx(['Energy Storage Review', 'Battery prices fell by half between 2015 and 2020.']),
    'script.html': '<!doctype html><html><head><title>Harbour Safety</title><script>document.write("INJECTED-BY-SCRIPT")</script></head><body><h1>Harbour Safety</h1><p>Port inspections rose in 2019.</p><script>alert("INJECTED-ALERT")</script><p onclick="alert(1)">Ships were delayed.</p><noscript>NOSCRIPT-TEXT</noscript></body></html>',
    'report.md': goodSource('fisheries'),
    'report.txt': goodSource('forestry'),
    'fault.txt': goodSource('aviation'),
    [evilName]: binaryNoise(512),
  });
  const src = join(project, 'sources');
  mkdirSync(join(src, 'folder.txt'));
  symlinkSync('does-not-exist.txt', join(src, 'dangling.md'));
  symlinkSync('loop-b.txt', join(src, 'loop-a.txt'));
  symlinkSync('loop-a.txt', join(src, 'loop-b.txt'));
  run = await brief(project, ['build', '--format', 'md,json'], { BRIEFWRIGHT_INJECT_FAULT: 'read:fault.txt' }, 170_000);
  try { model = readModel(project); } catch { model = { sources: [] }; }
}, 180_000);

describe('a folder of bad sources: each reported, skipped, the build goes on (exit 3)', () => {
  it('exits 3, writes the outputs from the good sources, and prints no stack trace', async () => {
    expect(run.signal, run.stderr).toBeNull();
    expect(run.status, run.stderr).toBe(3);
    expect(run.stderr).not.toMatch(stackLine);
    expect(hasSource('good.txt')).toBe(true);
    expect(readdirSync(join(project, 'out'))).toEqual(expect.arrayContaining(['briefing.md', 'model.json']));
  });

  it('every stderr line is one diagnostic in file:line:col: or file: form', async () => {
    for (const l of run.stderr.trim().split('\n')) expect(l).toMatch(/^(sources\/[^:]+(:\d+:\d+)?: (error|warning): .+|brief: .+)$/);
  });

  const skipped: [string, string][] = [
    ['empty file', 'empty.txt'],
    ['whitespace-only file', 'blank.md'],
    ['binary file with a text extension', 'binary.txt'],
    ['corrupt PDF', 'broken.pdf'],
    ['encrypted PDF', 'encrypted.pdf'],
    ['corrupt DOCX', 'corrupt.docx'],
    ['zip bomb DOCX (bounded decompression)', 'bomb.docx'],
    ['folder named like a source (unreadable)', 'folder.txt'],
    ['dangling symlink (unreadable)', 'dangling.md'],
    ['symlink loop', 'loop-a.txt'],
    ['injected read fault (unreadable)', 'fault.txt'],
  ];
  for (const [what, file] of skipped) {
    it(`${what}: one line naming sources/${file}, and it is not in the model`, async () => {
      const lines = linesNaming(run.stderr, `sources/${file}`);
      expect(lines.length, run.stderr).toBeGreaterThanOrEqual(1);
      expect(lines.some((l) => / (error|warning): /.test(l)), lines.join('\n')).toBe(true);
      expect(hasSource(file)).toBe(false);
    });
  }

  it('invalid UTF-8: reported naming the file and the line of the first bad byte', async () => {
    const lines = linesNaming(run.stderr, 'sources/bad-utf8.txt');
    expect(lines.length, run.stderr).toBeGreaterThanOrEqual(1);
    expect(lines.some((l) => l.startsWith('sources/bad-utf8.txt:4:'))).toBe(true);
  });

  it('UTF-16 with a BOM is decoded, not rejected', async () => {
    const s = model.sources.find((x: any) => x.path === 'sources/utf16.txt');
    expect(s, run.stderr).toBeDefined();
    expect(s.title).toBe('A Study of river transport');
    expect(linesNaming(run.stderr, 'sources/utf16.txt').filter((l) => l.includes(': error:'))).toEqual([]);
  });

  it('Latin-1 is decoded (é stays é), with at most a warning', async () => {
    const s = model.sources.find((x: any) => x.path === 'sources/latin1.txt');
    expect(s, run.stderr).toBeDefined();
    expect(s.title).toContain('Montréal');
    expect(linesNaming(run.stderr, 'sources/latin1.txt').filter((l) => l.includes(': error:'))).toEqual([]);
  });

  it('CRLF line ends read like LF ones (no \\r in titles or summaries)', async () => {
    const s = model.sources.find((x: any) => x.path === 'sources/crlf.txt');
    expect(s).toBeDefined();
    expect(s.title).toBe('A Study of housing');
    expect(JSON.stringify(s)).not.toContain('\\r');
  });

  it('a single 1 MB line is read', async () => {
    expect(hasSource('long-line.txt'), run.stderr).toBe(true);
  });

  it('10,000 nested quote and list levels, and 10,000 nested HTML elements, are read without a crash', async () => {
    expect(run.stderr).not.toMatch(/Maximum call stack|RangeError|internal error/);
    for (const f of ['deep-quote.md', 'deep-list.md', 'deep.html']) {
      const lines = linesNaming(run.stderr, `sources/${f}`).filter((l) => l.includes(': error:'));
      expect(hasSource(f) || lines.length === 1, `${f}: ${lines.join('\n')}`).toBe(true);
    }
  });

  it('a valid DOCX beside the broken ones is read', async () => {
    expect(hasSource('ok.docx'), run.stderr).toBe(true);
  });

  it('HTML scripts are dropped: no script text reaches the model or the Markdown', async () => {
    expect(hasSource('script.html'), run.stderr).toBe(true);
    const all = JSON.stringify(model) + readFileSync(join(project, 'out', 'briefing.md'), 'utf8');
    for (const bad of ['INJECTED-BY-SCRIPT', 'INJECTED-ALERT', 'document.write', 'onclick']) expect(all).not.toContain(bad);
  });

  it('same name in two formats: a warning naming the file, and distinct source ids', async () => {
    expect(hasSource('report.md') && hasSource('report.txt')).toBe(true);
    expect(idOfPath('report.md')).not.toBe(idOfPath('report.txt'));
    const ids = model.sources.map((s: any) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(linesNaming(run.stderr, 'sources/report.txt').some((l) => l.includes('warning') && l.includes('report.md'))).toBe(true);
  });

  it('control characters in a file name are escaped: each diagnostic stays one line, no terminal escapes', async () => {
    expect(run.stderr).not.toContain('\u001b');
    expect(run.stderr).toContain('evil\\u001b[2Jname.txt');
  });
});

describe('--strict and folder-level problems', () => {
  it('--strict: a bad source aborts with exit 3 before anything is written; out/ is unchanged', async () => {
    const p = makeProject({ 'good.txt': goodSource(), 'empty.txt': '' });
    mkdirSync(join(p, 'out'));
    writeFileSync(join(p, 'out', 'briefing.md'), 'previous edition\n');
    const before = snapshot(join(p, 'out'));
    const r = await brief(p, ['build', '--strict']);
    expect(r.status, r.stderr).toBe(3);
    expect(r.stderr).toContain('sources/empty.txt');
    expect(r.stderr).toMatch(/--strict/);
    expect(r.stderr).not.toMatch(stackLine);
    expect(snapshot(join(p, 'out'))).toEqual(before);
  });

  it('--strict on extract: exit 3 and no model on stdout or in the -o file', async () => {
    const p = makeProject({ 'good.txt': goodSource(), 'bad.txt': binaryNoise() });
    const r = await brief(p, ['extract', '--strict', '-o', 'model.json']);
    expect(r.status, r.stderr).toBe(3);
    expect(r.stdout).toBe('');
    expect(readdirSync(p)).not.toContain('model.json');
  });

  it('without --strict the same folder builds (exit 3) and says which file was skipped', async () => {
    const p = makeProject({ 'good.txt': goodSource(), 'bad.txt': binaryNoise() });
    const r = await brief(p, ['build', '--format', 'json']);
    expect(r.status, r.stderr).toBe(3);
    expect(linesNaming(r.stderr, 'sources/bad.txt').length).toBeGreaterThanOrEqual(1);
    expect(readModel(p).sources.map((s: any) => s.path)).toEqual(['sources/good.txt']);
  });

  it('missing sources folder: exit 3, one line naming it, nothing written', async () => {
    const p = makeProject();
    const r = await brief(p, ['build', '--sources', 'nowhere']);
    expect(r.status).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('nowhere');
    expect(readdirSync(p)).not.toContain('out');
  });

  it('empty sources folder: exit 3, one line, nothing written', async () => {
    const p = makeProject();
    const r = await brief(p, ['build']);
    expect(r.status).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/sources.*no sources/);
    expect(readdirSync(p)).not.toContain('out');
  });

  it('a folder of only bad sources: exit 3, each named, nothing written', async () => {
    const p = makeProject({ 'a.txt': '', 'b.pdf': corruptPdf() });
    const r = await brief(p, ['build']);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('sources/a.txt');
    expect(r.stderr).toContain('sources/b.pdf');
    expect(r.stderr).toMatch(/nothing was written/);
    expect(readdirSync(p)).not.toContain('out');
  });
});

describe('size', () => {
  it('a 20 MB text source is refused with one line naming it and its size; the rest builds (exit 3)', async () => {
    const p = makeProject({ 'big.txt': prose(20 * 1024 * 1024), 'good.txt': goodSource() });
    const r = await brief(p, ['build', '--format', 'json']);
    expect(r.status, r.stderr).toBe(3);
    const lines = linesNaming(r.stderr, 'sources/big.txt');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/error: Unexpected 20\.\d MB txt source, expected at most 10 MB/);
    expect(readModel(p).sources.map((s: any) => s.path)).toEqual(['sources/good.txt']);
  });
});

describe('bounded time', () => {
  it('1 MB adversarial inputs (one 1 MB word, unclosed brackets, 90,000-deep HTML) complete; timings are in measure.ts', async () => {
    const pick = (name: string) => adversarialCases.find((c) => c.name === name)!;
    const cases = [pick('one word, no spaces'), pick('unclosed brackets and quotes'), pick('HTML nested elements')];
    const p = makeProject(Object.fromEntries(cases.map((c) => [c.file, c.make(1 << 20)])));
    const r = await brief(p, ['build', '--format', 'md,json', '--no-cache'], {}, 170_000);
    expect(r.signal, `killed after ${Math.round(r.ms)} ms`).toBeNull();
    expect([0, 3], r.stderr).toContain(r.status);
    expect(r.stderr).not.toMatch(stackLine);
    // The deep HTML is refused with one line; the text sources are read.
    expect(linesNaming(r.stderr, 'sources/k.html').filter((l) => l.includes(': error:'))).toHaveLength(1);
    expect(readModel(p).sources.map((s: any) => s.path).sort()).toEqual(['sources/a.txt', 'sources/d.txt']);
  }, 180_000);
});
