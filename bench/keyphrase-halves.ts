/**
 * Keyphrases on the NUS corpus, split by document id: the even ids are where weights were tuned,
 * the odd ids are held out. Same protocol as `brief eval` (Porter-stemmed exact match, macro
 * average over documents, the corpus ranked as a whole), keyphrases only, with the CPU time of the
 * candidate collection (tagging included) and of the corpus ranking.
 *
 *   npx tsc -p . && node dist/bench/keyphrase-halves.js [../shared/eval/nus]
 */
import { join } from 'node:path';
import { readDataset } from '../src/cli/commands/eval.js';
import { ingest } from '../src/ingest/index.js';
import { structure } from '../src/structure/index.js';
import { Report } from '../src/model/diagnostics.js';
import { collectCandidates } from '../src/analyze/keyphrases.js';
import { rankKeyphrases } from '../src/analyze/rank-keyphrases.js';
import { matchAtK } from '../src/eval/keyphrase-match.js';
import type { CandidateStats, StructuredSource } from '../src/model/document.js';

const dir = process.argv[2] ?? join(process.cwd(), '../shared/eval/nus');
const docs = readDataset(dir).filter((d) => d.keys);
const ctx = { report: new Report() };
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

const structured: StructuredSource[] = [];
for (const d of docs) {
  const src = await ingest({ path: `docs/${d.id}.txt`, bytes: new TextEncoder().encode(d.text) }, ctx);
  if (!src) throw new Error(`cannot read ${d.id}`);
  if (d.title) src.declared = { ...src.declared, title: d.title };
  structured.push(structure(src, ctx));
}
const t0 = cpu();
const candidates: CandidateStats[] = structured.map(collectCandidates);
const t1 = cpu();
const ranked = rankKeyphrases(candidates, { limit: 10 });
const t2 = cpu();

const groups: [string, (id: string) => boolean][] = [
  ['all', () => true],
  ['even ids (tuned)', (id) => Number(id) % 2 === 0],
  ['odd ids (held out)', (id) => Number(id) % 2 === 1],
];
console.log(`${dir}: ${docs.length} documents with keys`);
console.log(`${'documents'.padEnd(20)}    n  F1@5   P@10   R@10   F1@10`);
for (const [name, keep] of groups) {
  let n = 0, f5 = 0, p10 = 0, r10 = 0, f10 = 0;
  docs.forEach((d, i) => {
    if (!keep(d.id)) return;
    const predicted = ranked[i].map((k) => k.text);
    const a = matchAtK(predicted, d.keys!, 5);
    const b = matchAtK(predicted, d.keys!, 10);
    n++;
    f5 += a.f;
    p10 += b.p;
    r10 += b.r;
    f10 += b.f;
  });
  const f = (x: number) => (x / Math.max(1, n)).toFixed(4);
  console.log(`${name.padEnd(20)} ${String(n).padStart(4)}  ${f(f5)} ${f(p10)} ${f(r10)} ${f(f10)}`);
}
console.log(`CPU: candidates (tagging included) ${(t1 - t0).toFixed(2)} s, ranking ${(t2 - t1).toFixed(2)} s for ${docs.length} documents`);
