/**
 * Time structure (and the text readers) on adversarial inputs of 1 MB: one long line, floods of
 * openers that never close, ten thousand nested levels, headings on every line.
 *
 *   npx tsc -p . && node dist/bench/structure-adversarial.js [sizeInKB=1024]
 *
 * Prints wall and CPU milliseconds per case; the largest is the figure to watch (linear time).
 */
import { structure } from '../src/structure/index.js';
import { ingest } from '../src/ingest/index.js';
import { Report } from '../src/model/diagnostics.js';

const size = Number(process.argv[2] ?? 1024) * 1024;
const fill = (unit: string): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const cases: Record<string, () => string> = {
  'one line of prose': () => fill('The U.S. policy, e.g. aid (Waltz, 1979), changed. '),
  'one word': () => fill('A'),
  'open parentheses': () => fill('('),
  'open brackets': () => fill('[a'),
  'open <http': () => fill('<http://'),
  'open ^{': () => fill('^{'),
  'emphasis markers': () => fill('_a*'),
  'opening quotes': () => fill('“a '),
  'superscripts': () => fill('a¹ '),
  'hyphens': () => fill('a-'),
  'abbreviations': () => fill('U.S. e.g. Dr. '),
  'nested quotes, one line': () => fill('> '),
  'nested lists, one line': () => fill('- '),
  '10,000 nested levels as lines': () => Array.from({ length: 10_000 }, (_, i) => `${'>'.repeat(i % 500)} item ${i}.`).join('\n'),
  'a heading on every line': () => fill('# H\n'),
  'numbered lines': () => fill('1. A\n'),
  'short lines': () => fill('Ab\n'),
  'footnote-like lines': () => fill('12. Smith, "A Title," Press, 2020. https://x.org\n'),
  'author-like lines': () => fill('John Smith, Jane Doe, '),
  'blank-separated lower case': () => fill('and so on\n\n'),
};
let worst = 0;
for (const [name, make] of Object.entries(cases)) {
  const text = make();
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const doc = structure({ id: 'x', path: 'x', format: 'txt', sha256: '0'.repeat(64), encoding: 'utf-8', text }, { report: new Report() });
  const wall = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  worst = Math.max(worst, wall);
  console.log(`${name.padEnd(32)} ${String(text.length).padStart(8)} chars ${wall.toFixed(0).padStart(6)} ms wall ${((used.user + used.system) / 1000).toFixed(0).padStart(6)} ms cpu  ${doc.sentences.length} sentences`);
}
const deep = `<html><body><h1>Deep</h1>${'<div>'.repeat(10_000)}<p>Deep text.</p>${'</div>'.repeat(10_000)}</body></html>`;
const t0 = performance.now();
await ingest({ path: 'deep.html', bytes: new TextEncoder().encode(deep) }, { report: new Report() });
console.log(`${'html, 10,000 nested divs'.padEnd(32)} ${String(deep.length).padStart(8)} chars ${(performance.now() - t0).toFixed(0).padStart(6)} ms wall`);
console.log(`slowest structure case: ${worst.toFixed(0)} ms`);
