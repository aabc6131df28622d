import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeHashFile, hashCodeFolder, SourceCache, stableJson } from '../../src/cache/index.js';
import { analyzeSources } from '../../src/cli/workers/analyze-sources.js';
import { analyzeOne } from '../../src/cli/workers/analyze-one.js';
import { analyzeFile } from '../../src/pipeline.js';
import { Report } from '../../src/model/diagnostics.js';
import { defaultAnalyzeOptions } from '../../src/model/context.js';
import type { RawFile } from '../../src/model/document.js';

const enc = new TextEncoder();
const paper = readdirSync('sources').filter((n) => n.endsWith('.txt')).sort()[0];

/** A few sources: one bundled paper, two small ones written here, one that cannot be read (a diagnostic). */
function corpus(): RawFile[] {
  return [
    { path: `sources/${paper}`, bytes: readFileSync(join('sources', paper)) },
    { path: 'fixtures/a.md', bytes: enc.encode('# Water policy\n\nThe report finds that groundwater use rose by a third between 2001 and 2020. Governments should meter wells.\n') },
    { path: 'fixtures/b.txt', bytes: enc.encode('Trade and security\n\nWe recommend that ministers publish tariff schedules. The evidence suggests exports fell after 2019.\n') },
    { path: 'fixtures/c.txt', bytes: new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41]) },
  ];
}

const freshCache = () => new SourceCache(mkdtempSync(join(tmpdir(), 'bw-cache-')), '9.9.9', 'code-hash');

describe('SourceCache', () => {
  it('keys change with bytes, path, options and program, not with key order of options', () => {
    const c = freshCache();
    const f = corpus()[1];
    const k = c.keyOf(f, defaultAnalyzeOptions);
    expect(c.keyOf({ ...f }, { keyphrases: defaultAnalyzeOptions.keyphrases, actorAliases: {}, summaryWords: defaultAnalyzeOptions.summaryWords })).toBe(k);
    expect(c.keyOf({ ...f, bytes: enc.encode('other') }, defaultAnalyzeOptions)).not.toBe(k);
    expect(c.keyOf({ ...f, path: 'fixtures/z.md' }, defaultAnalyzeOptions)).not.toBe(k);
    expect(c.keyOf(f, { ...defaultAnalyzeOptions, summaryWords: 11 })).not.toBe(k);
    expect(new SourceCache(c.dir, '9.9.10', 'code-hash').keyOf(f, defaultAnalyzeOptions)).not.toBe(k);
    expect(new SourceCache(c.dir, '9.9.9', 'changed-analyser').keyOf(f, defaultAnalyzeOptions)).not.toBe(k);
    expect(stableJson({ b: 1, a: [2, { d: 1, c: 2 }] })).toBe('{"a":[2,{"c":2,"d":1}],"b":1}');
  });

  it('detects a damaged entry by its checksum and drops it', () => {
    const c = freshCache();
    c.put('ab' + '0'.repeat(62), { analysis: null, messages: [{ severity: 'warning', file: 'x', message: 'm', rule: 'r' }] });
    expect(c.get('ab' + '0'.repeat(62)).status).toBe('hit');
    const file = join(c.dir, 'ab', 'ab' + '0'.repeat(62) + '.bin');
    const bytes = readFileSync(file);
    bytes[bytes.length - 3] ^= 0x55;
    writeFileSync(file, bytes);
    const got = c.get('ab' + '0'.repeat(62));
    expect(got.status).toBe('corrupt');
    expect(c.get('ab' + '0'.repeat(62)).status).toBe('miss');
    writeFileSync(file, 'not a cache entry');
    expect(c.get('ab' + '0'.repeat(62)).status).toBe('corrupt');
  });
});

describe('the program code hash', () => {
  it('saved by make build beside the bundle, is the hash of the bundle as it is; another file changes it', () => {
    const dir = join(process.cwd(), 'dist', 'brief');
    const saved = readFileSync(join(dir, codeHashFile), 'utf8').trim();
    expect(saved).toBe(hashCodeFolder(dir, new Set()));
    const copy = mkdtempSync(join(tmpdir(), 'bw-hash-'));
    writeFileSync(join(copy, 'a.js'), 'export const a = 1;\n');
    const before = hashCodeFolder(copy, new Set());
    writeFileSync(join(copy, 'a.js'), 'export const a = 2;\n');
    expect(hashCodeFolder(copy, new Set())).not.toBe(before);
  });
});

describe('analyzeSources with the cache', () => {
  it('gives the same analyses and diagnostics from the cache, redoes only a changed source, recomputes a corrupt entry', async () => {
    const cache = freshCache();
    const files = corpus();
    const r0 = new Report();
    const uncached = await analyzeSources(files, r0, { analyze: defaultAnalyzeOptions, workers: 0 });
    const r1 = new Report();
    const first = await analyzeSources(files, r1, { analyze: defaultAnalyzeOptions, cache, workers: 0 });
    expect([first.cached, first.analysed]).toEqual([0, 4]);
    const r2 = new Report();
    const second = await analyzeSources(files, r2, { analyze: defaultAnalyzeOptions, cache, workers: 0 });
    expect([second.cached, second.analysed]).toEqual([4, 0]);
    expect(second.analyses).toEqual(uncached.analyses);
    // Diagnostics of cached sources are still reported, in the same order.
    expect(r2.messages.length).toBeGreaterThan(0);
    expect(r2.messages).toEqual(r0.messages);
    expect(r2.messages.some((m) => m.file === 'fixtures/c.txt' && m.severity === 'fatal')).toBe(true);

    const changed = files.map((f, i) => (i === 2 ? { ...f, bytes: enc.encode(new TextDecoder().decode(f.bytes) + 'Officials must report yearly.\n') } : f));
    const third = await analyzeSources(changed, new Report(), { analyze: defaultAnalyzeOptions, cache, workers: 0 });
    expect([third.cached, third.analysed]).toEqual([3, 1]);

    // Damage every entry of the first file: it is detected, recomputed and equal again.
    const key = cache.keyOf(files[0], defaultAnalyzeOptions);
    const entry = join(cache.dir, key.slice(0, 2), `${key}.bin`);
    const bytes = readFileSync(entry);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    writeFileSync(entry, bytes);
    const corrupt: string[] = [];
    const fourth = await analyzeSources(files, new Report(), { analyze: defaultAnalyzeOptions, cache, workers: 0, onCorrupt: (p) => corrupt.push(p) });
    expect(corrupt).toEqual([files[0].path]);
    expect([fourth.cached, fourth.analysed, fourth.corrupt]).toEqual([3, 1, 1]);
    expect(fourth.analyses).toEqual(uncached.analyses);
  });

  it('analyzeOne does exactly what pipeline.analyzeFile does', async () => {
    for (const f of corpus()) {
      const a = new Report();
      const expected = await analyzeFile(f, { report: a }, defaultAnalyzeOptions);
      const got = await analyzeOne(f, defaultAnalyzeOptions);
      expect(got.analysis).toEqual(expected);
      expect(got.messages).toEqual(a.messages);
    }
  });
});

describe('SourceCache.prune', () => {
  it('removes the least recently used entries beyond the limit, never one in use', async () => {
    const c = freshCache();
    const { utimesSync } = await import('node:fs');
    const keys = Array.from({ length: 6 }, (_, i) => `${String(i).padStart(2, '0')}${'a'.repeat(62)}`);
    keys.forEach((k, i) => {
      c.put(k, { analysis: null, messages: [] });
      const t = new Date(Date.UTC(2020, 0, 1 + i));
      utimesSync(join(c.dir, k.slice(0, 2), `${k}.bin`), t, t);
    });
    expect(c.prune(new Set([keys[0]]), 10)).toBe(0);
    // Oldest are 0, 1, 2…; 0 is in use, so 1 and 2 go.
    expect(c.prune(new Set([keys[0]]), 4)).toBe(2);
    expect(keys.map((k) => c.get(k).status)).toEqual(['hit', 'miss', 'miss', 'hit', 'hit', 'hit']);
    expect(c.stats().entries).toBe(4);
  });
});
