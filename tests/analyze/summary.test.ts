import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Report } from '../../src/model/diagnostics.js';
import { ingest } from '../../src/ingest/index.js';
import { structure } from '../../src/structure/index.js';
import { summarize } from '../../src/analyze/summary.js';
import { wordCount } from '../../src/analyze/summary-features.js';
import type { StructuredSource } from '../../src/model/document.js';
import type { SectionKind } from '../../src/model/schema.js';
import { repoRoot } from '../helpers.js';

const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}]/gu, '');
function isSubsequence(small: string, large: string): boolean {
  let j = 0;
  for (let i = 0; i < large.length && j < small.length; i++) if (large[i] === small[j]) j++;
  return j === small.length;
}

/** A structured source built by hand: sections of one-sentence paragraphs. */
function handMade(title: string, sections: { heading: string; kind: SectionKind; sentences: string[] }[]): StructuredSource {
  let text = `${title}\n\n`;
  const doc: StructuredSource = {
    source: { id: 'hand', path: 'hand.txt', format: 'txt', sha256: '0'.repeat(64), encoding: 'utf-8', text: '' },
    metadata: { title, titleSpan: null, subtitle: null, authors: [], affiliations: [], keywords: [], abstract: null, abstractSpan: null, dates: [], doi: null, venue: null, year: null },
    sections: [], paragraphs: [], sentences: [], references: [], notes: [], inlineCitations: [],
  };
  sections.forEach((sec, si) => {
    const headingStart = text.length;
    text += `${sec.heading}\n\n`;
    doc.sections.push({ heading: sec.heading, number: null, level: 1, kind: sec.kind, start: headingStart, end: 0, headingStart, headingEnd: headingStart + sec.heading.length });
    for (const s of sec.sentences) {
      const start = text.length;
      text += `${s}\n\n`;
      doc.paragraphs.push({ start, end: start + s.length, text: s, section: si, pieces: [{ start, end: start + s.length }] });
      doc.sentences.push({ start, end: start + s.length, text: s, paragraph: doc.paragraphs.length - 1, section: si });
    }
    doc.sections[si].end = text.length;
  });
  doc.source.text = text;
  return doc;
}

describe('summaries of the bundled papers', () => {
  let docs: StructuredSource[] = [];
  beforeAll(async () => {
    const dir = join(repoRoot, 'sources');
    const ctx = { report: new Report() };
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
      const src = await ingest({ path: `sources/${name}`, bytes: readFileSync(join(dir, name)) }, ctx);
      if (src) docs.push(structure(src, ctx));
    }
  });

  it('are sentences of the source, in document order, within the word budget, their spans matching', () => {
    expect(docs).toHaveLength(5);
    for (const budget of [200, 80]) {
      for (const doc of docs) {
        const summary = summarize(doc, { summaryWords: budget });
        expect(summary.length).toBeGreaterThan(0);
        const words = summary.reduce((a, s) => a + wordCount(s.text), 0);
        expect(words).toBeLessThanOrEqual(budget);
        expect(words).toBeGreaterThan(budget / 2);
        for (let i = 1; i < summary.length; i++) expect(summary[i].start).toBeGreaterThanOrEqual(summary[i - 1].end);
        for (const s of summary) {
          const sentence = doc.sentences.find((x) => x.start === s.start && x.end === s.end);
          expect(sentence?.text).toBe(s.text);
          expect(isSubsequence(letters(s.text), letters(doc.source.text.slice(s.start, s.end)))).toBe(true);
          const kind = sentence!.section >= 0 ? doc.sections[sentence!.section].kind : 'other';
          expect(['references', 'notes']).not.toContain(kind);
        }
      }
    }
  });

  it('are deterministic', () => {
    expect(JSON.stringify(summarize(docs[0], { summaryWords: 200 }))).toBe(JSON.stringify(summarize(docs[0], { summaryWords: 200 })));
  });
});

describe('summary selection', () => {
  const doc = handMade('Groundwater depletion in river basins', [
    { heading: 'Introduction', kind: 'introduction', sentences: [
      'Groundwater depletion in river basins threatens irrigation and drinking water for millions of farmers.',
      'This paper measures groundwater depletion in three river basins using satellite gravity data.',
      'It also compares the measured depletion with the pumping reported by irrigation districts.',
      'Earlier surveys relied on sparse wells that missed most of the pumping in the basins.',
    ] },
    { heading: 'Results', kind: 'findings', sentences: [
      'We find that groundwater depletion in the river basins is twice the reported pumping.',
      'Groundwater depletion in the river basins is twice the reported pumping, we find.',
      'The largest losses of groundwater occur in the driest river basin during droughts.',
    ] },
    { heading: 'References', kind: 'references', sentences: [
      'Smith J. Groundwater depletion in river basins and groundwater depletion of irrigation districts in river basins.',
    ] },
  ]);

  it('never quotes the references, keeps document order and removes near-duplicates', () => {
    const summary = summarize(doc, { summaryWords: 60 });
    const texts = summary.map((s) => s.text);
    expect(texts.some((t) => t.startsWith('Smith'))).toBe(false);
    expect(texts.filter((t) => t.includes('twice the reported pumping'))).toHaveLength(1);
    for (let i = 1; i < summary.length; i++) expect(summary[i].start).toBeGreaterThan(summary[i - 1].start);
    expect(summary.reduce((a, s) => a + wordCount(s.text), 0)).toBeLessThanOrEqual(60);
  });

  it('prefers a sentence that stands alone to one opening with an orphan pronoun', () => {
    const summary = summarize(doc, { summaryWords: 30 });
    expect(summary.map((s) => s.text)).not.toContain('It also compares the measured depletion with the pumping reported by irrigation districts.');
    expect(summary.length).toBeGreaterThan(0);
  });

  it('narrows a very long source before the dense similarity graph, and still keeps to the budget', () => {
    const nouns = ['river', 'basin', 'aquifer', 'farmer', 'pump', 'well', 'drought', 'canal', 'crop', 'rain', 'policy', 'district'];
    const verbs = ['drains', 'feeds', 'threatens', 'supports', 'limits', 'measures'];
    const sentences = Array.from({ length: 2000 }, (_, i) =>
      `The ${nouns[i % 12]} near the ${nouns[(i * 7 + 3) % 12]} ${verbs[i % 6]} the ${nouns[(i * 5 + 1) % 12]} of sector ${String.fromCharCode(97 + (i % 26))}${i}.`,
    );
    const long = handMade('Aquifers and farmers', [{ heading: 'Body', kind: 'other', sentences }]);
    const summary = summarize(long, { summaryWords: 120 });
    expect(summary.length).toBeGreaterThan(3);
    expect(summary.reduce((a, s) => a + wordCount(s.text), 0)).toBeLessThanOrEqual(120);
    for (let i = 1; i < summary.length; i++) expect(summary[i].start).toBeGreaterThan(summary[i - 1].start);
  });

  it('returns nothing for a source without usable sentences', () => {
    expect(summarize(handMade('Empty', []), { summaryWords: 200 })).toEqual([]);
  });
});
