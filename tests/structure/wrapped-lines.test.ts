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
