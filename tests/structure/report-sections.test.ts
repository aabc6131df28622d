/**
 * Section outlines of real reports (../shared/eval/policy-pdf): what reaches the list of sections
 * and at which level. Numbered list items, acronym lists, identifiers and endnotes set in large
 * type are not sections; numbered headings nest by their numbers, whatever their type size.
 */
import { describe, expect, it } from 'vitest';
import { headingCandidate } from '../../src/structure/headings.js';
import { kindOfHeading } from '../../src/analyze/body-text.js';
import { hasPolicy, policyPdf } from '../policy-docs.js';

const pdf = policyPdf;

describe('heading lines', () => {
  it('does not take a code or number line for a heading', () => {
    expect(headingCandidate('ISBN 978-92-3-100612-8')).toBeNull();
    expect(headingCandidate('KEY FINDINGS')?.strength).toBe('caps');
  });
  it('does not take a labelled field of the imprint for a heading, while a heading with a colon stays one', () => {
    for (const field of ['License: Creative Commons Attribution CC BY 3.0 IGO', 'Status: Final', 'Date: 8th July 2025', 'ISBN: 978-92-3-100612-8', 'Suggested citation: World Bank 2020']) expect(headingCandidate(field)).toBeNull();
    expect(headingCandidate('Case Study: Digital Classrooms in Kenya')?.strength).toBe('plain');
  });
  it('reads a policy framework as no theory section', () => {
    expect(kindOfHeading('Towards a policy framework for the use of generative AI')).not.toBe('theory');
    expect(kindOfHeading('Theoretical framework')).toBe('theory');
  });
});

describe.skipIf(!hasPolicy)('sections of real reports', () => {
  it('UNESCO GenAI: chapters nest by number; list items, acronyms, codes and endnotes are no sections', async () => {
    const doc = await pdf('unesco-genai-guidance');
    const headings = doc.sections.map((s) => s.heading);
    // "6. The response is post-processed …" continues a numbered list across a page break
    expect(headings.some((h) => /post-processed/.test(h))).toBe(false);
    expect(headings.some((h) => /^ISBN/.test(h))).toBe(false);
    for (const acronym of ['API', 'GDPR', 'LLM', 'UNESCO']) expect(headings).not.toContain(acronym);
    // endnotes set larger than the body text
    expect(headings.some((h) => /https?:\/\//.test(h))).toBe(false);
    const level = (n: string): number => doc.sections.find((s) => s.number === n)!.level;
    expect([level('5'), level('5.3'), level('5.3.1')]).toEqual([1, 2, 3]);
    // chapter 4 heading is set smaller than the other chapters' and is still a chapter
    expect(level('4')).toBe(1);
    expect(doc.sections.find((s) => s.number === '4.7')!.kind).not.toBe('theory');
    // a heading at the top of the right column shares its baseline with the left column's lead sentence
    expect(doc.sections.some((s) => s.number === '6.2' && s.heading === 'Copyright and intellectual property')).toBe(true);
    expect(headings.some((h) => /rapidly evolving/.test(h))).toBe(false);
  });

  it('UNESCO GenAI Table 2: its head row and cells set above their row are read into the table', async () => {
    const doc = await pdf('unesco-genai-guidance');
    const t = doc.source.text;
    expect(t).toMatch(/\| MODEL LAUNCHED \|[^\n]*\| AMOUNT OF TRAINING DATA \| NUMBER OF PARAMETERS \| CHARACTERISTICS \|/);
    expect(t).toMatch(/\| GPT-2 \| 2019 \| 40 GB \| 1,500 million \| Capable of more complex natural language processing tasks such as machine translation and summarizing\. \|/);
    expect(doc.sections.some((s) => /^(?:NUMBER OF|CHARACTERISTICS)$/.test(s.heading))).toBe(false);
  });

  it('CIGI Figure 1: the labels of a figure between its title and its source line are no sections', async () => {
    const doc = await pdf('cigi-information-warfare-brief');
    const headings = doc.sections.map((s) => s.heading);
    for (const label of ['General', 'Epistemic', 'Directive', 'Executive', 'Levels of Strategy']) expect(headings).not.toContain(label);
    expect(headings.some((h) => /^Grand strategic/.test(h))).toBe(false);
    expect(headings).toContain('The Information Domain');
  });

  it('a byline or a title broken into heading lines on the cover is no section', async () => {
    const cigi = await pdf('cigi-information-warfare-brief');
    expect(cigi.sections[0].heading).toBe('Key Points');
    const tk = await pdf('takshashila-india-pakistan-dialogue');
    expect(tk.sections.some((s) => /Kotasthane/.test(s.heading))).toBe(false);
    const wb = await pdf('worldbank-edtech-connections');
    // (the cover's; a graphic further on has a "TECHNOLOGY" label of its own)
    const cover = wb.sections.filter((s) => s.start < wb.source.pageStarts![2]!);
    expect(cover.some((s) => /^(?:REIMAGINING HUMAN|CONNECTIONS|TECHNOLOGY)$|^Robert Hawkins/.test(s.heading))).toBe(false);
    expect(wb.metadata.title).toMatch(/^Reimagining Human Connections/i);
  });

  it('Takshashila: a bulleted abbreviation in large type stays in the abbreviations list', async () => {
    const doc = await pdf('takshashila-taliban-takeover');
    expect(doc.sections.some((s) => /^ETIM/.test(s.heading))).toBe(false);
    const at = doc.source.text.indexOf('LeT');
    const zone = doc.zones!.find((z) => z.start <= at && at < z.end)!;
    expect(zone.kind).toBe('glossary');
    expect(doc.sections.find((s) => s.number === '2.1.1')!.level).toBe(3);
  });
});

describe.skipIf(!hasPolicy)('notes of real reports', () => {
  it('Takshashila Iran–Pakistan: a footnote wrapping over several lines is one note, and the list item above it ends before it', async () => {
    const doc = await pdf('takshashila-iran-pakistan-border');
    const first = doc.notes.find((n) => n.marker === '1')!;
    expect(first.text).toMatch(/^Jaish-ul-Adl \(Army of Justice\).*weaken the Islamic Republic\.$/s);
    const second = doc.notes.find((n) => n.marker === '2')!;
    expect(second.text).toMatch(/bandits at the border\.$/);
    const item = doc.paragraphs.find((p) => doc.source.text.slice(p.start, p.end).startsWith('• Long-term'))!;
    expect(doc.source.text.slice(item.start, item.end)).toMatch(/long-term calculations for the region\.$/);
  });
});
