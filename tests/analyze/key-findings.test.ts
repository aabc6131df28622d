/**
 * Key findings come from the parts where a report states them (key-findings box, executive summary,
 * abstract, conclusions) and the analytic conclusions of its body, never from its contents, bios,
 * methods, literature review or imprint; a view the report attributes to others stays attributed.
 * Inputs: a Markdown report written for the zone tests, the bundled papers and the policy-report PDFs.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { structure } from '../../src/structure/index.js';
import { zoneKindAt } from '../../src/structure/zones.js';
import { findFindings, scoreFindings } from '../../src/analyze/findings.js';
import { findRecommendations } from '../../src/analyze/recommendations.js';
import { summarize } from '../../src/analyze/summary.js';
import { opensWithSummary } from '../../src/analyze/summary-features.js';
import { defaultAnalyzeOptions } from '../../src/model/context.js';
import { ingest } from '../../src/ingest/index.js';
import { Report } from '../../src/model/diagnostics.js';
import type { ExtractedFinding, StructuredSource } from '../../src/model/document.js';
import type { ZoneKind } from '../../src/model/schema.js';
import { repoRoot, sharedDir } from '../helpers.js';
import { docOf, paper } from '../synthesize/doc.js';

const never: readonly ZoneKind[] = ['contents', 'bios', 'methods', 'literature-review', 'acknowledgements', 'references', 'notes', 'imprint', 'glossary', 'signatories'];
const policyDocs = join(sharedDir, 'eval', 'policy-pdf', 'docs');

function findingsOf(doc: StructuredSource): ExtractedFinding[] {
  const recs = findRecommendations(doc, defaultAnalyzeOptions);
  return findFindings(doc, new Set(recs.map((r) => r.end)));
}

function fromText(path: string, format: 'md' | 'txt'): StructuredSource {
  const text = readFileSync(join(repoRoot, path), 'utf8');
  return structure({ id: 'x', path, format, sha256: '0'.repeat(64), encoding: 'utf-8', text }, { report: new Report() });
}

describe('key findings of a Markdown report', () => {
  const doc = fromText('tests/fixtures/zones/coastal-report.md', 'md');
  const findings = findingsOf(doc);
  const zones = findings.map((f) => zoneKindAt(doc, f.start));

  it('come first from the key-findings box, the executive summary and the conclusions', () => {
    expect(zones.slice(0, 3).every((z) => z === 'key-findings')).toBe(true);
    for (const t of ['Disbursement lags pledges by an average of four years.', 'The slowness of adaptation finance is a design problem, not a shortage of money.']) expect(findings.map((f) => f.text)).toContain(t);
    expect(zones).toContain('executive-summary');
  });

  it('never come from the contents, methods, bios, thanks or references', () => {
    for (const z of zones) expect(never).not.toContain(z);
    expect(findings.some((f) => /We coded 214|senior fellow|We thank|Asian Development Bank/.test(f.text))).toBe(false);
  });

  it('attribute a view the report reports as someone else’s', () => {
    const view = findings.find((f) => f.text.includes('lack the capacity'));
    expect(view?.text).toMatch(/^Fund managers argue that small ministries lack/);
    // the citation still points at the report's own words
    expect(doc.source.text.slice(view!.start, view!.end)).toMatch(/^Small ministries lack the capacity/);
  });
});

describe('key findings of the bundled papers', () => {
  it('are bounded and come from neither the reference list nor the methods or literature review', () => {
    for (const id of ['alam-mustafa-pakistan-afghan-peace-process', 'farhan-2024-us-withdrawal-implications-for-pakistan']) {
      const doc = fromText(`sources/${id}.txt`, 'txt');
      const findings = findingsOf(doc);
      expect(findings.length).toBeGreaterThan(3);
      expect(findings.length).toBeLessThanOrEqual(12);
      for (const f of findings) expect(never, f.text).not.toContain(zoneKindAt(doc, f.start));
    }
  });
});

describe.runIf(existsSync(policyDocs))('key findings of the policy-report PDFs', () => {
  async function pdf(name: string): Promise<StructuredSource> {
    const path = join(policyDocs, `${name}.pdf`);
    const report = new Report();
    const src = await ingest({ path, bytes: new Uint8Array(readFileSync(path)) }, { report });
    return structure(src!, { report });
  }

  it('JRC brief: the HIGHLIGHTS box leads', async () => {
    const doc = await pdf('jrc-ai-act-standards');
    const findings = findingsOf(doc);
    expect(findings.length).toBeLessThanOrEqual(12);
    // the box leads; since the layout step reads the two-column page whole, one conclusion sentence
    // can rank among the first three
    const top = findings.slice(0, 3).map((f) => zoneKindAt(doc, f.start));
    expect(top[0]).toBe('key-findings');
    expect(top.filter((k) => k === 'key-findings').length).toBeGreaterThanOrEqual(2);
    expect(findings.some((f) => f.text.includes('The European Union adopted the AI Act in'))).toBe(true);
    for (const f of findings) expect(never, f.text).not.toContain(zoneKindAt(doc, f.start));
  });

  it('CIGI brief: the author bio gives nothing, the conclusion does', async () => {
    const doc = await pdf('cigi-information-warfare-brief');
    const findings = findingsOf(doc);
    expect(findings.length).toBeLessThanOrEqual(12);
    for (const f of findings) expect(never, f.text).not.toContain(zoneKindAt(doc, f.start));
    expect(findings.some((f) => /Nitin Pai|co-founder/.test(f.text))).toBe(false);
    expect(findings.some((f) => zoneKindAt(doc, f.start) === 'conclusions')).toBe(true);
  });

  it('UNESCO OER brief: the "Conclusions & Recommendations" part gives its conclusions, not its asks', async () => {
    const doc = await pdf('unesco-oer-beyond-blockchain');
    const texts = findingsOf(doc).map((f) => f.text);
    // "There is no … solution to moderating" and "… may not be able to deliver" are claims, not "X to do" asks
    expect(texts).toContain('There is no technological solution to moderating the use of OERs as training data for LLMs.');
    expect(texts.some((t) => t.startsWith('While distributed ledgers may not be able to deliver on the promise'))).toBe(true);
    expect(texts.some((t) => /\b(?:should|must|need to)\b/.test(t))).toBe(false);
  });

  it('World Bank paper and UNESCO GenAI guidance: the summary presenting the document or its publisher gives no finding', async () => {
    const wb = findingsOf(await pdf('worldbank-edtech-connections')).map((f) => f.text);
    expect(wb.some((t) => /^(?:In pursuit of this goal, )?The World Bank (?:supports|is committed|works)/i.test(t))).toBe(false);
    expect(wb).toContain('The COVID-19 crisis has exposed inadequacies and inequalities in access to education outside of school, limiting the quantity and quality of these connections.');
    const genai = findingsOf(await pdf('unesco-genai-guidance')).map((f) => f.text);
    expect(genai.some((t) => /^(?:It (?:outlines|proposes)|The guidance presents|UNESCO’s first global guidance)/.test(t))).toBe(false);
    expect(genai.some((t) => t.startsWith('The absence of national regulations on GenAI in most countries'))).toBe(true);
  });

  it('CIGI brief: an inference the author draws with a citation in support is the author’s finding', async () => {
    const doc = await pdf('cigi-information-warfare-brief');
    const f = findingsOf(doc).find((x) => x.text.includes('cybersecurity cannot be achieved without offensive cyber operations'));
    expect(f).toBeDefined();
    expect(doc.source.text.slice(f!.start, f!.end)).toMatch(/\(Smeets and Lin 2018\)\.$/);
  });

  it('the source summary (the brief’s bottom line) quotes no contents, imprint or glossary line either', async () => {
    for (const name of ['unesco-oer-beyond-blockchain', 'oecd-ai-recommendation', 'takshashila-taliban-takeover']) {
      const doc = await pdf(name);
      const zones = summarize(doc, defaultAnalyzeOptions).map((x) => zoneKindAt(doc, x.start));
      expect(zones.length).toBeGreaterThan(3);
      for (const z of zones) expect(['contents', 'imprint', 'glossary', 'bios'], name).not.toContain(z);
    }
  });

  it('Taliban takeover and UNESCO OER: none from contents, glossary, bios or references', async () => {
    for (const name of ['takshashila-taliban-takeover', 'unesco-oer-beyond-blockchain']) {
      const doc = await pdf(name);
      const findings = findingsOf(doc);
      expect(findings.length).toBeGreaterThan(3);
      for (const f of findings) expect(never, f.text).not.toContain(zoneKindAt(doc, f.start));
    }
  });
  it('OECD recommendation and CIGI brief: a glossary entry or a dictionary definition is no finding', async () => {
    const oecd = findingsOf(await pdf('oecd-ai-recommendation')).map((f) => f.text);
    expect(oecd.some((t) => /AI actors: AI actors are/.test(t))).toBe(false);
    const cigi = findingsOf(await pdf('cigi-information-warfare-brief')).map((f) => f.text);
    expect(cigi.some((t) => /defines it as/.test(t))).toBe(false);
    // the argument's own conclusions stay
    expect(cigi).toContain('This renders the directive layer the primary operational theatre of information warfare.');
  });

  it('UNESCO GenAI guidance: the summary’s callout in display type, without a full stop, is a finding', async () => {
    const doc = await pdf('unesco-genai-guidance');
    const f = findingsOf(doc).find((x) => x.text.includes('only one country has released regulation on generative AI'));
    expect(f).toBeDefined();
    expect(zoneKindAt(doc, f!.start)).toBe('executive-summary');
  });

  it('JRC brief: its closing "Discussion & outlook" gives more than four findings when it is long', async () => {
    const doc = await pdf('jrc-ai-act-standards');
    const findings = findingsOf(doc);
    expect(findings.filter((f) => zoneKindAt(doc, f.start) === 'conclusions').length).toBeGreaterThan(4);
    expect(findings.some((f) => f.text.startsWith('The main committee tasked with creating AI standards for the European Union'))).toBe(true);
  });

  it('India–Pakistan paper: what the authors set out to dissect weighs less than what they find', async () => {
    const doc = await pdf('takshashila-india-pakistan-dialogue');
    const recs = findRecommendations(doc, defaultAnalyzeOptions);
    const scored = scoreFindings(doc, new Set(recs.map((r) => r.end)));
    const of = (start: string) => scored.find((c) => c.sentence.text.startsWith(start))!.score;
    expect(of('In this paper, we systematically dissect')).toBeLessThan(of('Applying historical institutionalism, path dependency and realism, we find') - 0.4);
  });
  it('World Bank paper: a sentence the report prints again as a pull quote is a finding', async () => {
    const doc = await pdf('worldbank-edtech-connections');
    // the pull quote itself ('EdTech is no longer a question of …', no full stop) is display type, not the finding
    const f = findingsOf(doc).filter((x) => x.text.includes('no longer a question of'));
    expect(f.map((x) => x.text)).toEqual(['Today, the use of EdTech is no longer a question of ‘if’ but rather of ‘how’.']);
  });

  it('UNESCO GenAI guidance: a motto in quotation marks, the guidance asking and the conclusions’ asks are no findings', async () => {
    const texts = findingsOf(await pdf('unesco-genai-guidance')).map((f) => f.text);
    expect(texts.some((t) => t.startsWith('“Since wars begin in the minds of men'))).toBe(false);
    expect(texts.some((t) => /^(?:It calls on|The guidance stresses the need)/.test(t))).toBe(false);
    expect(texts.some((t) => /\bshould be rigorously reviewed\b/.test(t))).toBe(false);
    // what it finds in its body stays
    expect(texts.some((t) => t.includes('GenAI, by definition, reproduces dominant worldviews'))).toBe(true);
  });

  it('India–Pakistan paper: the prevalent view the paper argues against is not its finding', async () => {
    const texts = findingsOf(await pdf('takshashila-india-pakistan-dialogue')).map((f) => f.text);
    expect(texts.some((t) => t.startsWith('A prevalent view in India is that'))).toBe(false);
    expect(texts.some((t) => t.startsWith('In this paper, we systematically dissect'))).toBe(false);
    expect(texts.some((t) => t.startsWith('Applying historical institutionalism, path dependency and realism, we find'))).toBe(true);
  });
  it('World Bank paper and UNESCO OER brief: an inference drawn inside the sentence counts; a tagline after "In short," is no claim', async () => {
    const wb = findingsOf(await pdf('worldbank-edtech-connections')).map((f) => f.text);
    expect(wb).toContain('The impact of EdTech on student performance has therefore been mixed at best.');
    const oer = findingsOf(await pdf('unesco-oer-beyond-blockchain')).map((f) => f.text);
    expect(oer.some((t) => /building an open web on top of a closed infrastructure/.test(t))).toBe(false);
    expect(oer).toContain('There is no technological solution to moderating the use of OERs as training data for LLMs.');
  });

  it('OECD recommendation: "according to their role" says in what measure, not whose view; "According to the IRGC" still reports another’s', async () => {
    const oecd = findingsOf(await pdf('oecd-ai-recommendation')).map((f) => f.text);
    expect(oecd.some((t) => t.startsWith('RECOGNISING that given the rapid development and implementation of AI, there is a need for a stable policy environment'))).toBe(true);
    // (Takshashila's 'According to the IRGC, the attackers were forced to retreat' is in a footnote, no body sentence.)
    const told = await docOf(paper({ Findings: ['According to the IRGC, the attackers were forced to retreat to Pakistan after the second assault on the border post.', 'The border districts of Balochistan have seen more attacks on security forces since the agreement collapsed.'] }));
    const said = scoreFindings(told).find((c) => c.sentence.text.startsWith('According to the IRGC'));
    expect(said?.score).toBe(0);
  });

  it('a report that opens with its own summary: its bottom line holds its claims, not what it says of itself, of its publisher or of views it argues against, nor its title printed again', async () => {
    const india = await pdf('takshashila-india-pakistan-dialogue');
    expect(opensWithSummary(india)).toBe(true);
    const bottom = summarize(india, defaultAnalyzeOptions).map((x) => x.text);
    expect(bottom.some((t) => t.startsWith('A prevalent view in India is that'))).toBe(false);
    expect(bottom.some((t) => t.startsWith('In this paper, we systematically dissect'))).toBe(false);
    // the room goes to what the paper argues
    expect(bottom).toContain('The Pakistani security establishment has long since institutionalised hostility towards India.');
    const wb = summarize(await pdf('worldbank-edtech-connections'), defaultAnalyzeOptions).map((x) => x.text);
    expect(wb.some((t) => /^The World Bank (?:supports|is committed)/.test(t))).toBe(false);
    const genai = summarize(await pdf('unesco-genai-guidance'), defaultAnalyzeOptions).map((x) => x.text);
    expect(genai.some((t) => /^(?:It outlines|The publication offers|Section \d)/.test(t))).toBe(false);
    const taliban = await pdf('takshashila-taliban-takeover');
    expect(summarize(taliban, defaultAnalyzeOptions).some((x) => x.text.startsWith(taliban.metadata.title))).toBe(false);
  });

  it('a paper without a summary of its own up front is summed up as before, what it presents included', () => {
    const doc = fromText('sources/alam-mustafa-pakistan-afghan-peace-process.txt', 'txt');
    expect(opensWithSummary(doc)).toBe(false);
  });

  it('World Bank paper and UNESCO GenAI guidance: what the evidence shows is a finding; "Only in this way can we ensure …" prescribes', async () => {
    const wb = findingsOf(await pdf('worldbank-edtech-connections')).map((f) => f.text);
    expect(wb.some((t) => t.startsWith('Evidence from around the world shows that, over time, the role of teachers become more central'))).toBe(true);
    const doc = await pdf('unesco-genai-guidance');
    const genai = findingsOf(doc).map((f) => f.text);
    expect(genai.some((t) => t.startsWith('The 2023 survey data cited above indicate that only a handful of countries'))).toBe(true);
    expect(genai.some((t) => t.startsWith('Only in this way can we ensure'))).toBe(false);
    const scored = scoreFindings(doc);
    const of = (start: string) => scored.find((c) => c.sentence.text.startsWith(start))!.score;
    expect(of('Only in this way can we ensure')).toBeLessThan(of('The 2023 survey data cited above indicate'));
  });
});
