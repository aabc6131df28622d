/** Clean Markdown with YAML front matter (which wins over inference), and a small NUS sample. */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { nusDir } from '../helpers.js';
import { join } from 'node:path';
import { structure } from '../../src/structure/index.js';
import { Report } from '../../src/model/diagnostics.js';

const run = (text: string, format: 'md' | 'txt' = 'md') => {
  const report = new Report();
  const doc = structure({ id: 'x', path: 'x.md', format, sha256: '0'.repeat(64), encoding: 'utf-8', text }, { report });
  return { doc, report };
};

const md = `---
title: "Grain Corridors and Food Security"
authors:
  - Amina Yusuf
  - Tomás García
date: 2024-03-05
keywords: [food security, logistics]
---

# Grain Corridors and Food Security

By A. Yusuf and T. García

## Summary

Grain corridors kept prices down in 2023. This note explains why, and what governments should do next.

## 1. Context

Ports reopened in August. Freight rates fell by 12.5 percent within a month, according to the
World Food Programme (WFP, 2023). Insurers returned slowly.

### 1.1 Insurance

War-risk premiums stayed high (Lloyd's, 2023). Ship-owners passed them on.

## 2. Recommendations

- Governments should underwrite war-risk insurance for grain ships.
- Donors should fund storage near the ports.

## References

- WFP. (2023). *Grain corridor update*. World Food Programme.
- Lloyd's. (2023). *War risk and shipping*. Lloyd's of London.
`;

describe('Markdown with YAML front matter', () => {
  const { doc, report } = run(md);

  it('lets the front matter win: title, authors, date, keywords', () => {
    expect(doc.metadata.title).toBe('Grain Corridors and Food Security');
    expect(doc.metadata.authors).toEqual(['Amina Yusuf', 'Tomás García']);
    expect(doc.metadata.keywords).toEqual(['food security', 'logistics']);
    expect(doc.metadata.year).toBe(2024);
    expect(doc.metadata.dates[0]).toEqual({ label: 'date', date: '2024-03-05' });
    expect(report.messages.filter((m) => m.severity === 'warning')).toEqual([]);
  });

  it('reads # headings with levels relative to the title, and kinds', () => {
    expect(doc.sections.map((s) => [s.heading, s.level, s.kind])).toEqual([
      ['Summary', 1, 'abstract'],
      ['Context', 1, 'background'],
      ['Insurance', 2, 'background'],
      ['Recommendations', 1, 'recommendations'],
      ['References', 1, 'references'],
    ]);
    expect(doc.metadata.abstract).toBe('Grain corridors kept prices down in 2023. This note explains why, and what governments should do next.');
  });

  it('keeps list items as paragraphs, joins wrapped lines, and links citations to references', () => {
    const texts = doc.sentences.map((s) => s.text);
    expect(texts).toContain('Freight rates fell by 12.5 percent within a month, according to the World Food Programme (WFP, 2023).');
    expect(texts).toContain('Governments should underwrite war-risk insurance for grain ships.');
    expect(texts.some((t) => t.includes('Grain corridor update'))).toBe(false);
    expect(doc.references.map((r) => [r.authors[0], r.year, r.title])).toEqual([
      ['WFP', 2023, 'Grain corridor update'],
      ["Lloyd's", 2023, 'War risk and shipping'],
    ]);
    const wfp = doc.inlineCitations.find((c) => c.text === '(WFP, 2023)')!;
    expect(wfp.reference).toBe(0);
    expect(doc.inlineCitations.find((c) => c.text === "(Lloyd's, 2023)")?.reference).toBe(1);
  });

  it('warns, with a position, when front matter does not parse', () => {
    const { report: r } = run('---\ntitle: [unclosed\n---\n\n# A Title\n\nSome text here.\n');
    expect(r.messages.find((m) => m.rule === 'bad-front-matter')).toMatchObject({ severity: 'warning', offset: 0 });
  });

  it('warns when no heading can be found', () => {
    const { report: r } = run('A plain note\n\nIt has two paragraphs. Neither is a heading.\n\nThe second paragraph ends here.');
    expect(r.messages.map((m) => m.rule)).toContain('no-headings');
  });
});

describe('the classification fields of a paper', () => {
  it('end the abstract, "&" in their label or not', () => {
    const text = 'Data Mining in Metric Space\n\nRich Caruana\n\nABSTRACT\nWe introduce a new metric that combines squared error, accuracy and ROC area into one\nmetric that correlates well with the other metrics.\nCategories & Subject Descriptors: I.5.2 [Pattern Recognition\n]: Design Methodology - classifier design & evaluation.\nGeneral Terms: Algorithms, Measurement.\n\n1. INTRODUCTION\n\nThere are many metrics for judging a learned model.';
    const { doc } = run(text, 'txt');
    expect(doc.metadata.abstract).toBe('We introduce a new metric that combines squared error, accuracy and ROC area into one metric that correlates well with the other metrics.');
  });
});

describe('numbered headings whose number stands on its own line', () => {
  it('are read with their title, its wrapped last word too, while table values are not', () => {
    const text = [
      'Reading Hidden Web Sources', '', 'ABSTRACT', 'We study how crawlers reach the hidden web through search forms of many sites.', '',
      'EXPERIMENTAL RESULTS',
      'We now describe the data and the metrics that we use for the experiments.',
      '5.1', 'Data',
      'We used a sample of real queries submitted to a search engine over a month.',
      '5.2', 'Extractors and Dispersers from independent', 'sources',
      'Now we give a brief review of past work on the extraction of hidden pages.',
      'Skin conductance rose in every one of the sessions.', '2.3', 'BPM', '99% 112.',
      '5.3', 'Discussion',
      'The crawler reached most pages after a few hundred queries to each site.',
    ].join('\n');
    const { doc } = run(text, 'txt');
    // "2.3" over "BPM" is a value in a table, not section 2.3.
    expect(doc.sections.filter((s) => s.number).map((s) => [s.number, s.heading])).toEqual([
      ['5.1', 'Data'],
      ['5.2', 'Extractors and Dispersers from independent sources'],
      ['5.3', 'Discussion'],
    ]);
    expect(doc.sentences.some((s) => /^(?:Data|sources) /.test(s.text))).toBe(false);
  });
});

describe('a table pasted as plain text', () => {
  it('does not read a cell counting something ("# of documents") as a heading', () => {
    const text = 'Results of the Retrieval Study\n\n1. Introduction\n\nWe measured recall on three collections of news text.\n\n# of documents in DB\n1000 2000 4000\n\n# of sub-topics\n12 18 25\n\n# docs retrieved by the classifier\n40 55\n\n# define N 10\n\n## conclusions\n\nRecall fell sharply.\n\n2. Conclusion\n\nRecall fell as the collections grew.';
    const { doc } = run(text, 'txt');
    expect(doc.sections.map((s) => s.heading)).toEqual(['Introduction', 'conclusions', 'Conclusion']);
  });
});

const nus = nusDir;
describe.runIf(existsSync(nus))('NUS sample (hard-wrapped PDF text)', () => {
  const ids = ['10', '100', '150', '5', '45', '101', '21', '211'];
  it.each(ids)('paper %s: title is the first line, abstract separated from the body', (id) => {
    const text = readFileSync(join(nus, 'docs', `${id}.txt`), 'utf8');
    const { doc } = run(text, 'txt');
    const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    expect(norm(doc.metadata.title)).toBe(norm(text.split('\n')[0]));
    const goldPath = join(nus, 'abstract', `${id}.txt`);
    const gold = existsSync(goldPath) ? readFileSync(goldPath, 'utf8').trim() : '';
    if (gold) {
      const a = norm(doc.metadata.abstract ?? '').split(' ');
      const g = norm(gold).split(' ');
      expect(a.slice(0, 8)).toEqual(g.slice(0, 8));
      expect(Math.abs(a.length - g.length) / g.length).toBeLessThan(0.2);
    }
    expect(doc.sections.length).toBeGreaterThan(2);
    expect(doc.sections.some((s) => s.kind === 'introduction')).toBe(true);
  });
});

describe('Markdown footnotes', () => {
  it('drop their references from the reading text and keep their definitions as notes, wherever they stand', () => {
    const { doc } = run(
      [
        '# Drawing Down the Indus',
        '',
        '## Key findings',
        '',
        '- Observation wells in the Quetta valley record water-table declines of two to three metres a year.[^8]',
        '- Fewer than one in twenty private tubewells in Punjab has been registered.[^note-7] The rest pump unseen.',
        '',
        '[^8]: Balochistan Irrigation Department, observation well records, 2023.',
        '',
        '## Recommendations',
        '',
        'The Government of Punjab should complete tubewell registration within two years.',
        '',
        '[^note-7]: Punjab Irrigation Department, registration data, 2024. https://example.org/registration',
        '',
      ].join('\n'),
    );
    const sentences = doc.sentences.map((s) => s.text);
    expect(sentences).toContain('Observation wells in the Quetta valley record water-table declines of two to three metres a year.');
    expect(sentences).toContain('Fewer than one in twenty private tubewells in Punjab has been registered.');
    expect(sentences.join(' ')).not.toMatch(/\[\^|Irrigation Department/);
    expect(doc.notes.map((n) => doc.source.text.slice(n.start, n.end))).toEqual([
      '[^8]: Balochistan Irrigation Department, observation well records, 2023.',
      '[^note-7]: Punjab Irrigation Department, registration data, 2024. https://example.org/registration',
    ]);
  });
});
