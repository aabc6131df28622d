/**
 * A section name in lower case on a line of its own, after a line that does not end a sentence,
 * is the last word of that line wrapped ("…, critical social" / "theory" in NUS doc 67), not a
 * heading; a section name standing after a finished sentence still is one.
 */
import { describe, expect, it } from 'vitest';
import { structure } from '../../src/structure/index.js';
import { Report } from '../../src/model/diagnostics.js';

const doc = (text: string) => structure({ id: 'x', path: 'x.txt', format: 'txt', sha256: '0'.repeat(64), encoding: 'utf-8', text }, { report: new Report() });

const paragraph = [
  'Many authors have recognised the importance of structure in shaping information system design and use.',
  'Structuration theory has been used in research and design to identify the structures in which a system is situated.',
  'A community based child health information system was designed and implemented in a rural municipality.',
  'The structures which shaped and influenced the design of this system are explored and discussed here.',
];

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
