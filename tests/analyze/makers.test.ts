import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRecommendations } from '../../src/analyze/recommendations.js';
import { defaultAnalyzeOptions } from '../../src/model/context.js';
import { ingest } from '../../src/ingest/index.js';
import { structure } from '../../src/structure/index.js';
import { Report } from '../../src/model/diagnostics.js';
import { docOf, paper } from '../synthesize/doc.js';

const policy = join(import.meta.dirname, '../../../shared/eval/policy-pdf/docs');

describe('addressee by who makes the thing a recommendation is about', () => {
  it('gives "Guidelines should …" to the body the report says drafts the guidelines, and "Policies should …" to its policy-makers', async () => {
    const doc = await docOf(
      paper({
        Introduction: [
          'The National Curriculum Council, chaired by the deputy minister, is drafting the new assessment guidelines for secondary schools.',
          'Policy-makers have asked for evidence on how assessment shapes teaching in rural schools.',
        ],
        Recommendations: [
          'Guidelines for assessment should give teachers room to adapt tasks to their pupils.',
          'Policies on rural schools should fund teacher training before new assessments start.',
          'It should be clear who pays for the new tests.',
          'Requirements captured in guidelines should be short enough for a teacher to read in one sitting.',
          'It is essential that assessment guidance documents are published before the school year starts.',
          'Guideline writers should consult rural teachers.',
        ],
      }),
    );
    const recs = findRecommendations(doc, defaultAnalyzeOptions);
    const actorOf = (re: RegExp) => recs.find((r) => re.test(r.text))?.actor ?? null;
    expect(actorOf(/^Guidelines for assessment/)).toBe('National Curriculum Council');
    expect(actorOf(/^Policies on rural schools/)?.toLowerCase()).toBe('policy-makers');
    // a noun of the subject other than its head, a "that" clause's subject, a word built on the thing's name
    expect(actorOf(/^Requirements captured/)).toBe('National Curriculum Council');
    expect(actorOf(/^It is essential that assessment guidance/)).toBe('National Curriculum Council');
    expect(actorOf(/^Guideline writers/)).toBe('National Curriculum Council');
  });

  it('gives the asks of a section to the actor the section announces its steps for', async () => {
    const doc = await docOf(
      paper({
        Introduction: ['Water allocation in the basin is decided each season by a committee of farmers and city officials.'],
        'Steps to regulate water allocation': [
          'The review suggests a series of six steps that national water regulators can take to govern allocation.',
          'Allocation data should be published every season in a form farmers can read.',
        ],
        Discussion: ['Allocation data should be kept for ten years.'],
      }),
    );
    const recs = findRecommendations(doc, defaultAnalyzeOptions);
    expect(recs.find((r) => /^Allocation data should be published/.test(r.text))?.actor).toBe('national water regulators');
    // the announcement speaks for its own section only
    expect(recs.find((r) => /^Allocation data should be kept/.test(r.text))?.actor ?? null).not.toBe('national water regulators');
  });

  it.runIf(existsSync(policy))('gives the JRC brief\'s "Standards should …" asks to the European standardisation organisations', async () => {
    const path = join(policy, 'jrc-ai-act-standards.pdf');
    const ctx = { report: new Report() };
    const doc = structure((await ingest({ path, bytes: new Uint8Array(readFileSync(path)) }, ctx))!, ctx);
    const standards = findRecommendations(doc, defaultAnalyzeOptions).filter((r) => /^Standards\b/.test(r.text));
    expect(standards.length).toBeGreaterThanOrEqual(3);
    for (const r of standards) expect(r.actor, r.text).toBe('European standardisation organisations');
  });
});
