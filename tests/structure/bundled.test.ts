/**
 * The five bundled papers: metadata, sections (with levels) and clean reading text as a careful
 * reader sees them. Expected values live in tests/fixtures/structure/<id>.json, written by reading
 * the papers.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { structure } from '../../src/structure/index.js';
import { Report } from '../../src/model/diagnostics.js';
import type { StructuredSource } from '../../src/model/document.js';

const fixtures = join(process.cwd(), 'tests/fixtures/structure');
const ids = readdirSync(fixtures).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();

function load(id: string): { doc: StructuredSource; report: Report } {
  const text = readFileSync(join(process.cwd(), 'sources', `${id}.txt`), 'utf8');
  const report = new Report();
  const doc = structure({ id, path: `sources/${id}.txt`, format: 'txt', sha256: '0'.repeat(64), encoding: 'utf-8', text }, { report });
  return { doc, report };
}

describe.each(ids)('%s', (id) => {
  const expected = JSON.parse(readFileSync(join(fixtures, `${id}.json`), 'utf8'));
  const { doc } = load(id);
  const text = doc.source.text;

  it('finds title, authors, keywords and abstract', () => {
    const m = doc.metadata;
    expect(m.title).toBe(expected.title);
    expect(text.slice(m.titleSpan!.start, m.titleSpan!.end)).toContain(expected.title.split(' ').slice(0, 3).join(' '));
    expect(m.authors).toEqual(expected.authors);
    expect(m.keywords).toEqual(expected.keywords);
    expect(m.abstract).not.toBeNull();
    expect(m.abstract!.startsWith(expected.abstractStart)).toBe(true);
    expect(m.abstract!.endsWith(expected.abstractEnd)).toBe(true);
    expect(text.slice(m.abstractSpan!.start, m.abstractSpan!.end)).toContain(expected.abstractStart);
    for (const a of expected.affiliationsContain ?? []) expect(m.affiliations.some((x) => x.includes(a)), a).toBe(true);
    for (const a of m.affiliations) expect(a).not.toMatch(/@|[¹²³⁴⁵]/);
    if ('doi' in expected) expect(m.doi).toBe(expected.doi);
    if ('year' in expected) expect(m.year).toBe(expected.year);
    if ('venue' in expected) expect(m.venue).toBe(expected.venue);
    if (expected.dates) expect(m.dates.map((d) => [d.label, d.date])).toEqual(expected.dates);
  });

  it('finds the section headings with their levels and kinds', () => {
    expect(doc.sections.map((s) => ({ heading: s.heading, level: s.level }))).toEqual(expected.sections);
    for (const [heading, kind] of Object.entries(expected.kinds ?? {})) expect(doc.sections.find((s) => s.heading === heading)?.kind, heading).toBe(kind);
    for (const [heading, number] of Object.entries(expected.numbers ?? {})) expect(doc.sections.find((s) => s.heading === heading)?.number, heading).toBe(number);
    for (const s of doc.sections) {
      expect(text.slice(s.headingStart, s.headingEnd)).toContain(s.heading.slice(0, 10));
      expect(s.end).toBeGreaterThan(s.start);
    }
  });

  it('keeps the reading text clean: no running headers, page numbers, footnote markers or references', () => {
    const refSpans = doc.sections.filter((s) => s.kind === 'references' || s.kind === 'notes');
    for (const s of doc.sentences) {
      expect(s.text).not.toMatch(/[¹²³⁴⁵⁶⁷⁸⁹⁰ⁱ]/);
      expect(s.text).not.toMatch(/\p{L}[.,;”"]\d{1,3}(\s|$)/u);
      expect(s.text).not.toMatch(/\*\*|^\d+\s*\.\s+\p{Lu}\p{L}+, \p{Lu}/u);
      if (expected.runningHeader) expect(s.text).not.toContain(expected.runningHeader);
      expect(s.text).not.toMatch(/https?:\/\//);
      for (const r of refSpans) expect(s.start >= r.start && s.start < r.end, `${s.text} in ${r.heading}`).toBe(false);
      // the span is the sentence in the source: same first and last words
      const quote = text.slice(s.start, s.end).replace(/(\p{L})-\s+(\p{Ll})/gu, "$1$2");
      const words = (x: string): string[] => x.match(/[\p{L}\p{N}]+/gu) ?? [];
      expect(words(quote)[0], s.text).toBe(words(s.text)[0]);
      expect(words(quote).at(-1), s.text).toBe(words(s.text).at(-1));
      expect(s.end).toBeGreaterThan(s.start);
    }
    for (const p of doc.paragraphs) for (const piece of p.pieces) expect(piece.start).toBeGreaterThanOrEqual(p.start);
    for (const want of expected.sentencesContain ?? []) expect(doc.sentences.some((s) => s.text.includes(want)), want).toBe(true);
    expect(doc.sentences.length).toBeGreaterThan(150);
  });

  it('splits the reference list and notes, and links inline citations', () => {
    if (expected.references !== undefined) expect(doc.references).toHaveLength(expected.references);
    if (expected.minReferences !== undefined) expect(doc.references.length).toBeGreaterThanOrEqual(expected.minReferences);
    for (const r of doc.references) {
      expect(text.slice(r.start, r.end).length).toBeGreaterThan(10);
      expect(r.text).not.toMatch(/^- /);
    }
    const withYear = doc.references.filter((r) => r.year !== null).length;
    if (doc.references.length) expect(withYear / doc.references.length).toBeGreaterThan(0.8);
    if (expected.minNotes !== undefined) expect(doc.notes.length).toBeGreaterThanOrEqual(expected.minNotes);
    for (const [marker, body] of expected.notesContain ?? []) expect(doc.notes.some((n) => n.marker === marker && n.text.includes(body)), `${marker} ${body}`).toBe(true);
    for (const [cite, surname] of expected.citationLinks ?? []) {
      const c = doc.inlineCitations.find((x) => x.text === cite);
      expect(c, cite).toBeDefined();
      expect(text.slice(c!.start, c!.end)).toBe(cite);
      if (surname) expect(doc.references[c!.reference]?.authors[0]).toContain(surname);
    }
    if (expected.duplicates) expect(doc.sentences.some((s) => s.duplicateOf !== undefined)).toBe(true);
  });
});

describe('bundled papers', () => {
  it('marks repeated sentences as duplicates of the first occurrence', () => {
    const { doc } = load('akram-reassessing-us-pakistan-relations');
    const dups = doc.sentences.filter((s) => s.duplicateOf !== undefined);
    expect(dups.length).toBeGreaterThan(0);
    for (const d of dups) {
      const first = doc.sentences[d.duplicateOf!];
      expect(first.text.toLowerCase()).toBe(d.text.toLowerCase());
      expect(first.start).toBeLessThan(d.start);
    }
  });

  it('keeps footnote bodies out of paragraphs and as notes with their markers (shamil)', () => {
    const { doc } = load('shamil-us-pakistan-relations-south-asia');
    for (const p of doc.paragraphs) expect(p.text).not.toMatch(/^\d+\s?\.\s+\p{Lu}\p{L}+, /u);
    const markers = doc.notes.map((n) => Number(n.marker)).filter((n) => n > 0);
    for (let k = 2; k <= 44; k++) expect(markers, String(k)).toContain(k);
  });
});
