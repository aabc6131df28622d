/**
 * `brief eval` on the policy-pdf development set: the scorer agrees with the set's score.mjs on the
 * same model, the CLI prints its figures, and the report metadata read from the ten PDFs reach the
 * issue's targets (titles ≥ 95%, author F1 ≥ 0.9, years ≥ 90%, publishers ≥ 85%).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPolicyDataset, readPolicyGold } from '../../src/cli/commands/eval-policy.js';
import { scorePolicy, type ScoredModel } from '../../src/eval/policy-score.js';
import { ingest } from '../../src/ingest/index.js';
import { Report } from '../../src/model/diagnostics.js';
import { structure } from '../../src/structure/index.js';
import { runCli, sharedDir } from '../helpers.js';

const setDir = join(sharedDir, 'eval', 'policy-pdf');
const hasSet = existsSync(join(setDir, 'gold'));

/** A model whose sources carry the metadata structure reads from each PDF, and a few recommendations and findings. */
async function metadataModel(): Promise<ScoredModel> {
  const golds = readPolicyGold(setDir);
  const sources: Record<string, unknown>[] = [];
  const recommendations: Record<string, unknown>[] = [];
  const findings: Record<string, unknown>[] = [];
  for (const g of golds) {
    const path = join(setDir, 'docs', g.file);
    const ctx = { report: new Report() };
    const src = (await ingest({ path, bytes: new Uint8Array(readFileSync(path)) }, ctx))!;
    const doc = structure(src, ctx);
    const m = doc.metadata;
    const id = g.file.replace(/\.pdf$/, '');
    sources.push({ id, path, title: m.title, subtitle: m.subtitle, authors: m.authors, year: m.year, date: m.date, publisher: m.publisher, series: m.series, venue: m.venue, sections: doc.sections.map((s) => ({ heading: s.heading })), summary: [] });
    // a found recommendation with its addressee, one with a wrong one, and one that is no recommendation
    const [a, b] = g.recommendations ?? [];
    if (a) recommendations.push({ text: a.text, addressee: a.addressee, citations: [{ sourceId: id, quote: a.text, page: a.page }] });
    if (b) recommendations.push({ text: b.text, addressee: 'nobody in particular', citations: [{ sourceId: id, quote: b.text, page: 1 }] });
    recommendations.push({ text: doc.sentences[0]?.text ?? 'x', citations: [{ sourceId: id, quote: doc.sentences[0]?.text ?? 'x', page: 1 }] });
    const k = g.key_findings?.[0];
    if (k) findings.push({ text: k.text, citations: [{ sourceId: id, quote: k.text }] });
  }
  return { sources, recommendations, findings, timeline: [] };
}

describe.skipIf(!hasSet)('brief eval on policy-pdf', () => {
  it('recognises the data set, scores as score.mjs does, and reads report metadata to the targets', async () => {
    expect(isPolicyDataset(setDir)).toBe(true);
    const model = await metadataModel();
    const { rows, totals } = scorePolicy(model, readPolicyGold(setDir));
    expect(rows).toHaveLength(10);
    expect(totals.docs).toBe(10);
    expect(totals.titleAcc).toBeGreaterThanOrEqual(0.95);
    expect(totals.authorsF1).toBeGreaterThanOrEqual(0.9);
    const frac = (s: string): number => Number(s.split('/')[0]) / Number(s.split('/')[1]);
    expect(frac(totals.years)).toBeGreaterThanOrEqual(0.9);
    expect(frac(totals.publishers)).toBeGreaterThanOrEqual(0.85);
    expect(totals.recR).toBeGreaterThan(0);
    expect(totals.recP).toBeLessThan(1);

    // the set's own scorer gives the same figures on the same model, and so does the CLI
    const dir = mkdtempSync(join(tmpdir(), 'policy-eval-'));
    const modelPath = join(dir, 'model.json');
    writeFileSync(modelPath, JSON.stringify(model));
    const theirs = execFileSync(process.execPath, [join(setDir, 'score.mjs'), modelPath, join(setDir, 'gold')], { encoding: 'utf8' }).trim().split('\n').map((l) => JSON.parse(l));
    expect(theirs[theirs.length - 1]).toEqual(totals);
    expect(theirs.slice(0, -1)).toEqual(rows);
    const set = join(dir, 'set');
    mkdirSync(join(set, 'docs'), { recursive: true });
    cpSync(join(setDir, 'gold'), join(set, 'gold'), { recursive: true });
    const json = await runCli(['eval', '--dataset', set, '--model', modelPath, '--json']);
    expect(json.status).toBe(0);
    expect(json.stdout.trim().split('\n').map((l) => JSON.parse(l))).toEqual(theirs);
    const table = await runCli(['eval', '--dataset', set, '--model', modelPath]);
    expect(table.stdout).toContain(`titles ${totals.titles}`);
    expect(table.stdout).toContain('cigi-information-warfare-brief.pdf');
  }, 300_000);
});
