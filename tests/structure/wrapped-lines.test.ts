/**
 * Lines a paper's front matter and body wrap (NUS doc 67): a section name in lower case after a line
 * that does not end a sentence is the end of that line, not a heading; the fields that classify a
 * paper, printed one under another, are each read; a title wrapped in lower case is read whole.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { structure } from '../../src/structure/index.js';
import { Report } from '../../src/model/diagnostics.js';
import { hasShared, nusDir } from '../helpers.js';

const doc = (text: string) => structure({ id: 'x', path: 'x.txt', format: 'txt', sha256: '0'.repeat(64), encoding: 'utf-8', text }, { report: new Report() });

const abstract = [
  'Many authors have recognised the importance of structure in shaping information system design and use.',
  'A community based child health information system was designed and implemented in a rural municipality.',
];
const body = [
  'Structuration theory has been used in research and design to identify the structures in which a system is situated, and this paper follows it.',
  'The design process is particularly important, not just in shaping the structures, but also in understanding what structures exist and how they were formed.',
];
const paragraph = [...abstract, ...body];

describe('a section name wrapped onto its own line', () => {
  it('is the end of the line before it, not a section', () => {
    const text = [
      'Development through communicative action and information system design',
      'ABSTRACT',
      ...paragraph,
      'Additional Key Words and Phrases: information system design, structuration theory, critical social',
      'theory',
      'INTRODUCTION',
      ...paragraph,
      'The rest of this paper looks at structure, at critical social theory and at the design process.',
    ].join('\n');
    const d = doc(text);
    expect(d.sections.map((s) => s.heading)).not.toContain('theory');
    expect(d.sections.map((s) => s.heading)).toContain('INTRODUCTION');
  });

  it('after a finished sentence is still a section', () => {
    const text = ['A Study of Structure', '', 'Introduction', '', ...paragraph, 'results', ...paragraph].join('\n');
    expect(doc(text).sections.map((s) => s.heading)).toContain('results');
  });
});

describe('front-matter fields in one block', () => {
  it('are each read: the keywords after the categories and general terms, wrapped lines included', () => {
    const text = [
      'Development through communicative action and information system design',
      'ABSTRACT',
      ...abstract,
      'Categories and Subject Descriptors: H.4.0 [Information Systems Application]: General',
      'General Terms: Design, Theory',
      'Additional Key Words and Phrases: information system design, structuration theory, critical social',
      'theory',
      'INTRODUCTION',
      ...body,
    ].join('\n');
    const d = doc(text);
    expect(d.metadata.keywords).toEqual(['information system design', 'structuration theory', 'critical social theory']);
    expect(d.metadata.abstract).toBe(abstract.join(' '));
  });

  it.runIf(hasShared)('in NUS doc 67', () => {
    const d = doc(readFileSync(`${nusDir}/docs/67.txt`, 'utf8'));
    expect(d.metadata.keywords).toEqual(['information system design', 'community information systems', 'structuration theory', 'critical social theory']);
    expect(d.sections.map((s) => s.heading)).not.toContain('theory');
    // The title's second line continues it in lower case.
    expect(d.metadata.title).toBe('Development through communicative action and information system design: a case study from South Africa');
  });

  it('a title wrapped onto a second line in lower case is read whole; a sentence after a title is not', () => {
    const wrapped = doc(['Development through communicative action and information system', 'design: a case study from South Africa', 'ABSTRACT', ...abstract, 'INTRODUCTION', ...body].join('\n'));
    expect(wrapped.metadata.title).toBe('Development through communicative action and information system design: a case study from South Africa');
    const finished = doc(['Border Trade after the Withdrawal.', 'trade fell by half in the first year after the withdrawal, as the border crossings closed.', 'INTRODUCTION', ...body].join('\n'));
    expect(finished.metadata.title).toBe('Border Trade after the Withdrawal.');
  });
});

describe('a paragraph a page break cuts in two', () => {
  // A working paper as a PDF converter writes it: lines wrapped near 90 characters, then the page
  // number and the running header between the two halves of a sentence.
  const page = (n: number) => ['', String(n), '', 'Working Paper 2024/07   Farm incomes and groundwater', ''];
  const text = [
    'Crop Choice, Not Cheap Power? Farm Incomes and Groundwater Use in the Indus Plains',
    '',
    '1 Introduction',
    'Policy debate on groundwater depletion in the Indus basin has concentrated on free or',
    'flat-rate electricity for agricultural tubewells, and far less on what farmers choose to grow.',
    ...page(1),
    '2 Results',
    'The policy simulations follow from these estimates. A diversification payment of INR 7,000',
    'per acre, the amount offered under the scheme introduced in',
    ...page(2),
    '2020, closes around 60 percent of the income gap between rice and maize, and would cut',
    'pumping by about 10 percent.',
    ...page(3),
    '3 Discussion',
    'Our findings qualify rather than overturn the literature on energy and groundwater.',
    ...page(4),
  ].join('\n');

  it('is read as one paragraph when the first half stops on a word no sentence ends with', () => {
    const d = doc(text);
    const joined = d.paragraphs.find((p) => p.text.includes('INR 7,000'))!;
    expect(joined.text).toMatch(/scheme introduced in 2020, closes around 60 percent/);
    expect(d.sentences.some((s) => s.text.startsWith('2020, closes'))).toBe(false);
    expect(d.paragraphs.some((p) => /Working Paper 2024/.test(p.text))).toBe(false);
  });
});
