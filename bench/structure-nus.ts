/**
 * Structure on the NUS keyphrase corpus: how often the title is found (the first line of each paper
 * is the reference) and how often the abstract is separated (compared with `abstract/<id>.txt`).
 *
 *   npx tsc -p . && node dist/bench/structure-nus.js [../shared/eval/nus] [--list]
 *
 * A title counts when it equals the first line (case, spacing and punctuation ignored). An abstract
 * counts as separated when it starts with the gold abstract's first eight words and its length is
 * within 20% of the gold length; the mean word-overlap F1 is reported too.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { structure } from '../src/structure/index.js';
import { Report } from '../src/model/diagnostics.js';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? join(process.cwd(), '../shared/eval/nus');
const list = args.includes('--list');
const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const words = (s: string): string[] => norm(s).split(' ').filter(Boolean);

function f1(a: string[], b: string[]): number {
  const count = new Map<string, number>();
  for (const w of b) count.set(w, (count.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of a) {
    const c = count.get(w) ?? 0;
    if (c > 0) { common++; count.set(w, c - 1); }
  }
  if (!common) return 0;
  const p = common / a.length;
  const r = common / b.length;
  return (2 * p * r) / (p + r);
}

const ids = readdirSync(join(dir, 'docs')).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
let titles = 0;
let withAbstract = 0;
let separated = 0;
let f1sum = 0;
let slowest = 0;
const started = performance.now();
for (const id of ids) {
  const text = readFileSync(join(dir, 'docs', `${id}.txt`), 'utf8');
  const t0 = performance.now();
  const doc = structure({ id, path: `nus/${id}.txt`, format: 'txt', sha256: '0'.repeat(64), encoding: 'utf-8', text }, { report: new Report() });
  slowest = Math.max(slowest, performance.now() - t0);
  const firstLine = text.split('\n').find((l) => l.trim()) ?? '';
  const titleOk = norm(doc.metadata.title) === norm(firstLine);
  if (titleOk) titles++;
  const goldPath = join(dir, 'abstract', `${id}.txt`);
  const gold = existsSync(goldPath) ? readFileSync(goldPath, 'utf8') : '';
  let absOk: boolean | null = null;
  if (gold.trim()) {
    withAbstract++;
    const g = words(gold);
    const a = words(doc.metadata.abstract ?? '');
    const score = f1(a, g);
    f1sum += score;
    absOk = a.slice(0, 8).join(' ') === g.slice(0, 8).join(' ') && a.length >= g.length * 0.8 && a.length <= g.length * 1.2;
    if (absOk) separated++;
  }
  if (list && (!titleOk || absOk === false)) console.log(`${id}\ttitle=${titleOk ? 'ok' : JSON.stringify(doc.metadata.title.slice(0, 60))}\tabstract=${absOk === null ? '-' : absOk ? 'ok' : `${words(doc.metadata.abstract ?? '').length}w vs ${words(gold).length}w`}`);
}
const pct = (a: number, b: number): string => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
console.log(`papers ${ids.length}`);
console.log(`title found      ${titles}/${ids.length} = ${pct(titles, ids.length)}`);
console.log(`abstract separated ${separated}/${withAbstract} = ${pct(separated, withAbstract)} (mean word F1 ${(f1sum / Math.max(1, withAbstract)).toFixed(3)})`);
console.log(`time ${((performance.now() - started) / 1000).toFixed(1)} s, slowest paper ${slowest.toFixed(0)} ms`);
