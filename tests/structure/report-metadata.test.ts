/** The report-metadata readers on fixture lines: citation lines, imprint lines, labels, cover titles, authorship. */
import { describe, expect, it } from 'vitest';
import { parseCitation, readCitationLine } from '../../src/structure/report-citation.js';
import { isAcronymOf, readImprints } from '../../src/structure/report-imprint.js';
import { isLabelLine, pageLines } from '../../src/structure/report-lines.js';
import { readCoverTitle } from '../../src/structure/report-title.js';
import { readAboutAuthors, readAuthoredBy, readByline } from '../../src/structure/report-authors.js';

/** Text with pages joined by blank lines, and where each page starts. */
function paged(pages: string[]): { text: string; pageStarts: number[] } {
  let text = '';
  const pageStarts: number[] = [];
  for (const p of pages) {
    if (text) text += '\n\n';
    pageStarts.push(text.length);
    text += p;
  }
  return { text, pageStarts };
}

describe('suggested citation lines', () => {
  it('read people printed surname first, the year, the title as printed, and the publisher', () => {
    const c = parseCitation("Khanna, S. (2021). Taliban's Afghanistan Takeover: Assessment of Regional Powers and Indian Interests. The Takshashila Institution.")!;
    expect(c.authors).toEqual(['S. Khanna']);
    expect(c.year).toBe(2021);
    expect(c.title).toBe("Taliban's Afghanistan Takeover: Assessment of Regional Powers and Indian Interests");
    expect(c.publisher).toBe('The Takshashila Institution');
  });

  it('read a body named as author as the publisher, not as a person, and pick the body over the place', () => {
    const c = parseCitation('World Bank. (2020). Reimagining Human Connections: Technology and Innovation in Education at the World Bank. World Bank: Washington, DC.')!;
    expect(c.authors).toEqual([]);
    expect(c.corporate).toBe('World Bank');
    expect(c.publisher).toBe('World Bank');
    const d = parseCitation('Lim, J. and Ortega, M. (2023). Cool Roofs for Hot Cities. Policy Paper No. 12. Manila: Southeast Asia Climate Forum.')!;
    expect(d.authors).toEqual(['J. Lim', 'M. Ortega']);
    expect(d.series).toBe('Policy Paper No. 12');
    expect(d.publisher).toBe('Southeast Asia Climate Forum');
  });

  it('read "Body, Title, Number" citations and find the line under its label', () => {
    const { text, pageStarts } = paged(['Cover', 'Please cite this document as:\nOECD, Recommendation of the Council on Artificial Intelligence, OECD/LEGAL/0449\n\nSeries: OECD Legal Instruments']);
    const c = readCitationLine(pageLines(text, pageStarts))!;
    expect(c.page).toBe(2);
    expect(c.corporate).toBe('OECD');
    expect(c.title).toBe('Recommendation of the Council on Artificial Intelligence');
    expect(c.series).toBe('OECD/LEGAL/0449');
    expect(text.slice(c.start, c.end)).toContain('OECD/LEGAL/0449');
  });
});

describe('imprint lines', () => {
  it('read holders and years from copyright and published-by lines, and skip photo credits', () => {
    const { text } = paged([['© 2024 RUSI', '© UNESCO 2023', 'Copyright © 2024 by the Centre for International Governance Innovation', 'Photo credit: © kras99/Shutterstock.com', 'Published in 2023 by the United Nations Educational, Scientific and Cultural Organization, 7, place de Fontenoy, 75352 Paris', '© 2023 The Authors. Published by Fennel Press.'].join('\n\n')]);
    const found = readImprints(pageLines(text, [0])).map((i) => [i.kind, i.name, i.year]);
    expect(found).toEqual([
      ['copyright', 'RUSI', 2024],
      ['copyright', 'UNESCO', 2023],
      ['copyright', 'Centre for International Governance Innovation', 2024],
      ['published-by', 'United Nations Educational, Scientific and Cultural Organization', 2023],
      ['copyright', 'Fennel Press', 2023],
    ]);
    expect(isAcronymOf('UNESCO', 'United Nations Educational, Scientific and Cultural Organization')).toBe(true);
    expect(isAcronymOf('RUSI', 'Centre for International Governance Innovation')).toBe(false);
  });
});

describe('cover titles', () => {
  it('never take a stamp, a date line, a label or a visit-us line as the title', () => {
    for (const t of ['Status: Final', 'Date: 8th July 2025', 'Key Points', 'Executive Summary', 'Table of Contents', 'For further information, visit www.example.org']) expect(isLabelLine(t)).toBe(true);
    expect(isLabelLine('Recommendation of the Council on Artificial Intelligence')).toBe(false);
    const { text, pageStarts } = paged([
      '# Status: Final\n\n### Key Points\n\n• Water is short.\n\n# DRAFT POLICY PAPER 04\n\n## Water Futures for Small Islands\n\n### Jane Doe and Ravi Kumar\n\nFor further information, visit www.example.org',
      'Water Futures for Small Islands\n\nBody text.',
      'Water Futures for Small Islands\n\nMore body text.',
    ]);
    const lines = pageLines(text, pageStarts);
    const cover = readCoverTitle(lines)!;
    expect(cover.title).toBe('Water Futures for Small Islands');
    expect(cover.kind).toBe('cover');
    expect(cover.page).toBe(1);
    expect(readByline(lines, cover.lastLine)!.authors).toEqual(['Jane Doe', 'Ravi Kumar']);
  });

  it('join a title broken over lines of the same size, and fall back to a running header', () => {
    const a = paged(['# Recommendation of the Council on\n\n## OECD Legal Instruments\n\n# Artificial Intelligence\n\n# 8']);
    expect(readCoverTitle(pageLines(a.text, a.pageStarts))!.title).toBe('Recommendation of the Council on Artificial Intelligence');
    const b = paged(['Executive Summary\n\nText.', "Taliban's Afghanistan Takeover\n\nText.", "Taliban's Afghanistan Takeover\n\nText.", "Taliban's Afghanistan Takeover\n\nText."]);
    const t = readCoverTitle(pageLines(b.text, b.pageStarts))!;
    expect(t).toMatchObject({ title: "Taliban's Afghanistan Takeover", kind: 'running-header' });
  });
});

describe('authors', () => {
  it('come from authorship sentences and About-the-author notes, not from other names', () => {
    const flat = 'The talks were led by Ahmed Khan. This policy brief is authored by Ana Lima and Tom Berg. Thanks go to Mia Roth, Professor at Some University, who co-drafted the report.';
    expect(readAuthoredBy(flat, () => 1)!.authors).toEqual(['Ana Lima', 'Tom Berg', 'Mia Roth']);
    const { text, pageStarts } = paged(['Body.', '### About the author\n\nAnthony F. Camilleri is the founder of a centre.\nHe works on credentials.\n\nMaria Lopez has written on open education.']);
    expect(readAboutAuthors(pageLines(text, pageStarts), text)!.authors).toEqual(['Anthony F. Camilleri', 'Maria Lopez']);
  });
});
