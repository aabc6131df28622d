/**
 * Recommendations are the writers' own asks: not someone else's words (a quoted passage, a
 * foreword's creed), not a concession granted before the point, not a wh-clause's duty, not a gap in
 * knowledge outside the advice, not the user tips or tool list a report describes. Inputs: small
 * reports written here and the policy-report PDFs of ../shared/eval/policy-pdf.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findRecommendations } from '../../src/analyze/recommendations.js';
import { defaultAnalyzeOptions } from '../../src/model/context.js';
import type { ExtractedRecommendation } from '../../src/model/document.js';
import { ingest } from '../../src/ingest/index.js';
import { structure } from '../../src/structure/index.js';
import { Report } from '../../src/model/diagnostics.js';
import { kindOf } from '../../src/structure/headings.js';
import { docOf, paper } from '../synthesize/doc.js';
import { sharedDir } from '../helpers.js';

const policy = join(sharedDir, 'eval', 'policy-pdf', 'docs');

async function recsOfPdf(name: string): Promise<ExtractedRecommendation[]> {
  const path = join(policy, `${name}.pdf`);
  const ctx = { report: new Report() };
  const doc = structure((await ingest({ path, bytes: new Uint8Array(readFileSync(path)) }, ctx))!, ctx);
  return findRecommendations(doc, defaultAnalyzeOptions);
}

const has = (recs: ExtractedRecommendation[], re: RegExp) => recs.some((r) => re.test(r.text.replace(/\s+/g, ' ')));

describe('the role of a sentence with a duty word', () => {
  it('leaves out a concession that opens the sentence, a duty inside a wh-clause, and a research gap outside the advice', async () => {
    const doc = await docOf(
      paper({
        Background: [
          'While metadata is still essential to highlight the parts of a resource, search engines now read whole texts.',
          'Therefore, the work can be precise, defining in practical terms how procedures, processes and frameworks should be applied to schools.',
          'While a wider range of uses may emerge, novel research is needed to define the problems schools face.',
          'Ministries should publish their school budgets every year.',
        ],
        Recommendations: ['Further research is needed to measure how school budgets are spent.'],
      }),
    );
    const recs = findRecommendations(doc, defaultAnalyzeOptions);
    expect(has(recs, /^While metadata/)).toBe(false);
    expect(has(recs, /how procedures, processes and frameworks should/)).toBe(false);
    expect(has(recs, /novel research is needed/)).toBe(false);
    // the advice around them stays, and a call for research where the report gives its advice is one
    expect(has(recs, /^Ministries should publish/)).toBe(true);
    expect(has(recs, /^Further research is needed/)).toBe(true);
  });

  it('leaves out words in single quotation marks, a passage quoted whole after a lead-in, and the writers\' "we must contend with the fact"', async () => {
    const doc = await docOf(
      paper({
        Discussion: [
          'Many universities adopted an open approach believing that ‘rather than ban the tools, students and staff need to be supported in using them’ (University Group).',
          'The vendor writes about its own model:',
          'It still is not fully reliable. Great care should be taken when using its outputs in high-stakes contexts.’',
          'We must contend with the fact that the tools can pass some exams. Universities should redesign their written assessments.',
        ],
      }),
    );
    const recs = findRecommendations(doc, defaultAnalyzeOptions);
    expect(has(recs, /students and staff need to be supported/)).toBe(false);
    expect(has(recs, /^Great care should be taken/)).toBe(false);
    expect(has(recs, /^We must contend/)).toBe(false);
    expect(has(recs, /^Universities should redesign/)).toBe(true);
  });

  it('reads "despite calls for" as a noun and an actor that "requires" through its regulation as describing a law', async () => {
    const doc = await docOf(
      paper({
        Analysis: [
          'Moreover, despite calls for regulation from the industry itself, drafting of legislation often lags behind.',
          'China, through its regulation on generative AI released in July 2023, requires the labelling of outputs as synthetic content.',
          'The council calls on member states to label synthetic content.',
        ],
      }),
    );
    const recs = findRecommendations(doc, defaultAnalyzeOptions);
    expect(has(recs, /despite calls for/)).toBe(false);
    expect(has(recs, /^China, through its regulation/)).toBe(false);
    expect(has(recs, /^The council calls on member states/)).toBe(true);
  });
});

describe('whom a list asks, and which headings hold method', () => {
  it('gives items the addressee of the sentence a pointing lead-in continues ("… institutions should …. This can be achieved through the following strategies:")', async () => {
    const doc = await docOf(
      paper({
        'Institutional strategies': [
          'As stated earlier, universities and colleges should develop strategies to guide the use of the tools. This can be achieved through the following two strategies:',
          '• Guidance and training: Provide guidance and training to lecturers about the tools and their limits.',
          '• Auditing: Review each year how the tools are used in teaching and assessment.',
        ],
      }),
    );
    const items = findRecommendations(doc, defaultAnalyzeOptions).filter((r) => /^(?:Guidance and training|Auditing):/.test(r.text));
    expect(items).toHaveLength(2);
    for (const r of items) expect(r.actor, r.text).toBe('universities and colleges');
  });

  it('reads a heading that names a policy approach as no method section, so its asks count', async () => {
    expect(kindOf('A human-centred and pedagogically appropriate interaction approach')).not.toBe('method');
    expect(kindOf('Research approach')).toBe('method');
    expect(kindOf('3.2 Our approach')).toBe('method');
    const doc = await docOf(
      paper({
        Introduction: ['Generative tools reached schools and universities faster than any rule on their use.', 'This brief sets out how educators can use them.'],
        'A human-centred approach to the tools': [
          'The tools answer questions fluently but do not understand what they write.',
          'Researchers and educators should prioritize human agency when deciding whether and how to use the tools.',
        ],
      }),
    );
    expect(has(findRecommendations(doc, defaultAnalyzeOptions), /^Researchers and educators should prioritize/)).toBe(true);
  });

  it('reads a call retold with a pronoun for its caller ("It also calls for …") as reported', async () => {
    const doc = await docOf(
      paper({
        Discussion: [
          'The consensus adopted in Beijing stresses the need for equitable access to the tools. It also calls for further actions to ensure equitable access to AI for marginalized people.',
          'Ministries should fund access to the tools for marginalized learners.',
        ],
      }),
    );
    const recs = findRecommendations(doc, defaultAnalyzeOptions);
    expect(has(recs, /^It also calls for further actions/)).toBe(false);
    expect(has(recs, /^Ministries should fund access/)).toBe(true);
  });
});

describe.runIf(existsSync(policy))('precision on the policy-report PDFs', () => {
  let genai: ExtractedRecommendation[] = [];
  beforeAll(async () => {
    genai = await recsOfPdf('unesco-genai-guidance');
  }, 60_000);

  it('reads a bullet whose words start on the next line as an item of its list, so prompt tips under "Specific recommendations include:" stay descriptions', () => {
    for (const tip of [/^Include examples to illustrate/, /^Include context, which is crucial/, /^Refine and iterate/, /^Be ethical, avoiding prompts/]) expect(has(genai, tip), String(tip)).toBe(false);
    // the same reading finds the policy framework's bullets that start on the line after their bullet
    expect(has(genai, /^Guide the use of GenAI to trigger innovation in research/)).toBe(true);
    expect(genai.find((r) => /^Awareness of terms of reference/.test(r.text))?.actor).toBe('users');
    // "This can be achieved through the following four strategies:" points back to who should act
    expect(genai.find((r) => /^Guidance and training: Provide guidance/.test(r.text))?.actor).toBe('educational and research institutions');
    // the five considerations under "A 'human-centred …' approach" are asks, not a method's steps
    expect(has(genai, /^the process of using the tool\(s\) should be controlled/)).toBe(true);
  });

  it('does not take a tool list ("Compose AI: Autocompletes …", "Hugging Chat: Made by …"), a quoted vendor, a foreword or a co-design framework\'s perspectives as advice', () => {
    expect(has(genai, /^Compose AI/)).toBe(false);
    expect(has(genai, /^Hugging Chat/)).toBe(false);
    expect(has(genai, /^Craiyon/)).toBe(false);
    expect(has(genai, /^Great care should be taken when using language model/)).toBe(false);
    expect(has(genai, /^AI must not usurp human intelligence/)).toBe(false);
    expect(has(genai, /calls on the international community/)).toBe(false);
    expect(has(genai, /^requirements for users;?$/)).toBe(false);
    expect(has(genai, /^appropriate domains of knowledge/)).toBe(false);
    // "(2) providers of AI-enabled tools" wraps to a line start inside a sentence: no item starts there
    expect(has(genai, /^providers of AI-enabled tools, \(3\)/)).toBe(false);
    expect(has(genai, /we all need to be cognizant/)).toBe(false);
    expect(has(genai, /^It calls on the international community/)).toBe(false);
    // the report's own asks stay
    expect(has(genai, /^Researchers, teachers and learners should be aware of the lack of appropriate regulations/)).toBe(true);
  });

  it('keeps the JRC brief\'s asks to standardisers and leaves out what a circumstance will require and a wh-clause\'s duty', async () => {
    const jrc = await recsOfPdf('jrc-ai-act-standards');
    expect(has(jrc, /^Standards should define, to the extent possible, horizontal requirements/)).toBe(true);
    expect(has(jrc, /flexibility will be required when applying/)).toBe(false);
    expect(has(jrc, /how conformity assessment procedures, processes and frameworks should be applied/)).toBe(false);
  }, 60_000);

  it('leaves out the OER brief\'s concession about metadata and keeps its call for research among its recommendations', async () => {
    const oer = await recsOfPdf('unesco-oer-beyond-blockchain');
    expect(has(oer, /^While metadata is still essential/)).toBe(false);
    expect(has(oer, /^Significant research needs to be done/)).toBe(true);
  }, 60_000);
});
