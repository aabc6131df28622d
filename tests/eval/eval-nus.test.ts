import { describe, expect, it } from 'vitest';
import { readDataset } from '../../src/cli/commands/eval.js';
import { evaluate, formatEvalTable } from '../../src/eval/run.js';
import { hasShared, nusDir } from '../helpers.js';

describe.skipIf(!hasShared)('brief eval on a NUS subset', () => {
  it('reads the data set, computes sensible figures, and ours beats both baselines', async () => {
    const docs = readDataset(nusDir, 15);
    expect(docs).toHaveLength(15);
    expect(docs.every((d) => d.keys && d.keys.length > 0)).toBe(true);
    const r = await evaluate(docs);
    expect(r.keyphraseDocuments).toBe(15);
    expect(r.summaryDocuments).toBeGreaterThanOrEqual(13);
    expect(r.analysisMs).toBeNull();
    const [lead, tfidf, ours] = r.systems;
    for (const s of r.systems) {
      for (const x of [s.keyphrases!.at5, s.keyphrases!.at10]) for (const v of [x.p, x.r, x.f]) expect(v).toBeGreaterThanOrEqual(0), expect(v).toBeLessThanOrEqual(1);
      for (const v of [s.summary!.r1, s.summary!.r2, s.summary!.rl]) expect(v).toBeGreaterThan(0), expect(v).toBeLessThan(1);
      // ROUGE-2 is below ROUGE-1 for any real summary.
      expect(s.summary!.r2).toBeLessThan(s.summary!.r1);
    }
    expect(ours.keyphrases!.at10.f).toBeGreaterThan(0.15);
    expect(ours.keyphrases!.at10.f).toBeGreaterThan(tfidf.keyphrases!.at10.f);
    expect(ours.keyphrases!.at10.f).toBeGreaterThan(lead.keyphrases!.at10.f);
    expect(ours.keyphrases!.at5.f).toBeGreaterThan(tfidf.keyphrases!.at5.f);
    expect(ours.summary!.r1).toBeGreaterThan(0.3);
    expect(ours.summary!.r1).toBeGreaterThan(lead.summary!.r1);
    expect(ours.summary!.r1).toBeGreaterThan(tfidf.summary!.r1);
    expect(ours.summary!.r2).toBeGreaterThan(lead.summary!.r2);
    const table = formatEvalTable(r, 'nus');
    expect(table).toContain('F1@10');
    expect(table).toContain('briefwright');
    expect(table.split('\n').filter((l) => /^\S.*\s0\.\d{3}/.test(l))).toHaveLength(6);
  });
});
