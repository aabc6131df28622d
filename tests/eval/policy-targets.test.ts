/**
 * Issue 22's targets on the real reports of ../shared/eval/policy-pdf, guarded: the brief built
 * from the ten PDFs, scored by the set's own rules (the same figures `brief eval` prints), keeps
 * recommendations precision ≥ 0.90 and recall ≥ 0.85, addressees ≥ 0.85 and key findings ≥ 0.70,
 * and a recommendation the summary states and a chapter restates is one, citing both.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPolicyGold } from '../../src/cli/commands/eval-policy.js';
import { scorePolicy, type ScoredModel } from '../../src/eval/policy-score.js';
import { buildFolder } from '../synthesize/corpus.js';
import { sharedDir } from '../helpers.js';

const setDir = join(sharedDir, 'eval', 'policy-pdf');
const hasSet = existsSync(join(setDir, 'gold'));

describe.skipIf(!hasSet)('recommendations and key findings of the policy reports', () => {
  it('reach the targets: precision ≥ 0.90, recall ≥ 0.85, addressees ≥ 0.85, key findings ≥ 0.70', async () => {
    const { brief } = await buildFolder(join(setDir, 'docs'), (f) => f.endsWith('.pdf'));
    const { totals } = scorePolicy(JSON.parse(JSON.stringify(brief)) as ScoredModel, readPolicyGold(setDir));
    expect(totals.docs).toBe(10);
    expect(totals.recP).toBeGreaterThanOrEqual(0.9);
    expect(totals.recR).toBeGreaterThanOrEqual(0.85);
    expect(totals.addresseeAcc).toBeGreaterThanOrEqual(0.85);
    expect(totals.keyFindingsR).toBeGreaterThanOrEqual(0.7);
    // a recommendation stated in the summary and again in its chapter is one, citing both passages
    const wb = brief.recommendations.filter((r) => r.citations.some((c) => c.sourceId === 'worldbank-edtech-connections'));
    const both = wb.find((r) => /^EMPOWER TEACHERS/.test(r.text));
    expect(both?.citations.map((c) => c.page)).toEqual([7, 14]);
  }, 240_000);
});
