import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { nusDir } from '../helpers.js';

// Worker threads run the compiled code (piscina loads a .js file), so this test uses dist/.
const dist = join(process.cwd(), 'dist/src');
const nus = join(nusDir, 'docs');

/** The opening of a text, cut at a paragraph break after `size` characters (keeps the test fast). */
function opening(bytes: Buffer, size = 5000): Uint8Array {
  const text = bytes.toString('utf8');
  const cut = text.indexOf('\n\n', size);
  return new TextEncoder().encode(cut > 0 ? text.slice(0, cut + 1) : text);
}

/** Eight openings of real papers: from the eval set when present, else the bundled papers (twice, under other names). */
function corpus(): { path: string; bytes: Uint8Array }[] {
  if (existsSync(nus)) return readdirSync(nus).sort().slice(0, 8).map((n) => ({ path: `nus/${n}`, bytes: opening(readFileSync(join(nus, n))) }));
  const papers = readdirSync('sources').filter((n) => n.endsWith('.txt')).sort().map((n) => ({ path: `sources/${n}`, bytes: opening(readFileSync(join('sources', n))) }));
  return [...papers, ...papers.slice(0, 3).map((f) => ({ ...f, path: f.path.replace('sources/', 'copy/') }))];
}

describe('worker threads', () => {
  it('give exactly the analyses and diagnostics of a single-threaded run', async () => {
    const { analyzeSources, threadCount } = await import(join(dist, 'cli/workers/analyze-sources.js'));
    const { Report } = await import(join(dist, 'model/diagnostics.js'));
    const { defaultAnalyzeOptions } = await import(join(dist, 'model/context.js'));
    // Nine sources: eight openings of real papers and one that cannot be read.
    const all = [...corpus(), { path: 'bad/x.txt', bytes: new Uint8Array([0xff, 0xfe, 0x00, 0xd8]) }];
    expect(threadCount(all.length, 'auto', 8, 2)).toBe(2);
    expect(threadCount(3, 'auto', 8, 2)).toBe(0);
    expect(threadCount(all.length, 'auto', 8, 1)).toBe(0);

    const r1 = new Report();
    const single = await analyzeSources(all, r1, { analyze: defaultAnalyzeOptions, workers: 0 });
    const r2 = new Report();
    const threaded = await analyzeSources(all, r2, { analyze: defaultAnalyzeOptions, workers: 2 });
    expect(single.threads).toBe(0);
    expect(threaded.threads).toBe(2);
    expect(isDeepStrictEqual(JSON.parse(JSON.stringify(threaded.analyses)), JSON.parse(JSON.stringify(single.analyses)))).toBe(true);
    expect(threaded.analyses.length).toBe(all.length - 1);
    expect(r2.messages).toEqual(r1.messages);
    expect(r2.messages.some((m: { file: string }) => m.file === 'bad/x.txt')).toBe(true);
    // two workers and the main thread taking sources from one queue: the same again
    const r3 = new Report();
    const three = await analyzeSources(all, r3, { analyze: defaultAnalyzeOptions, workers: 3 });
    expect(three.threads).toBe(3);
    expect(isDeepStrictEqual(JSON.parse(JSON.stringify(three.analyses)), JSON.parse(JSON.stringify(single.analyses)))).toBe(true);
    expect(r3.messages).toEqual(r1.messages);
  });
});

describe('per-source analysis is independent of the sources analysed before it', () => {
  // Cache hits and worker threads are only equal to a plain run if analysing a source does not depend
  // on what the same thread analysed earlier (wink-nlp, for one, grows its lexicon as it reads).
  it('gives the same analysis of a bundled paper alone and after another (in fresh processes)', async () => {
    const { execFile } = await import('node:child_process');
    const names = readdirSync('sources').filter((n) => n.endsWith('.txt')).sort();
    const script = `
      const { readFileSync } = await import('node:fs');
      const { analyzeOne } = await import(${JSON.stringify(join(dist, 'cli/workers/analyze-one.js'))});
      const { defaultAnalyzeOptions } = await import(${JSON.stringify(join(dist, 'model/context.js'))});
      let last;
      for (const p of process.argv.slice(1)) {
        const text = readFileSync(p, 'utf8');
        const cut = text.indexOf('\\n\\n', 5000);
        last = await analyzeOne({ path: p, bytes: new TextEncoder().encode(text.slice(0, cut + 1)) }, defaultAnalyzeOptions);
      }
      process.stdout.write(JSON.stringify(last.analysis));`;
    const run = (...paths: string[]) =>
      new Promise<string>((resolve, reject) =>
        execFile(process.execPath, ['--input-type=module', '-e', script, ...paths], { encoding: 'utf8', maxBuffer: 1 << 28 }, (err, out) => (err ? reject(err) : resolve(out))),
      );
    const [alone, after] = await Promise.all([run(join('sources', names[1])), run(join('sources', names[0]), join('sources', names[1]))]);
    expect(JSON.parse(alone).doc.source.path).toBe(join('sources', names[1]));
    expect(after).toBe(alone);
  });
});
