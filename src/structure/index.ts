/**
 * structure: SourceText → StructuredSource. (Foundation version: paragraphs by blank lines,
 * headings from numbered or short title lines, sentences by punctuation.)
 */
import type { Paragraph, Sentence, SourceText, StructuredSection, StructuredSource } from '../model/document.js';
import type { StageContext } from '../model/context.js';

export function structure(source: SourceText, ctx: StageContext): StructuredSource {
  const text = source.text;
  const blocks: { start: number; end: number }[] = [];
  const re = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trail = raw.length - raw.trimEnd().length;
    if (raw.trim()) blocks.push({ start: m.index + lead, end: m.index + raw.length - trail });
  }
  const sections: StructuredSection[] = [];
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  let title = '';
  for (const b of blocks) {
    const t = text.slice(b.start, b.end).replace(/\*\*/g, '').replace(/^#+\s*/, '').trim();
    if (!title) { title = t; continue; }
    const heading = !/[.:;,]$/.test(t) && t.split(/\s+/).length <= 8 && !t.includes('\n') && /^[\dA-Z]/.test(t);
    if (heading) {
      if (sections.length) sections[sections.length - 1].end = b.start;
      const num = /^(\d+(?:\.\d+)*)\.?\s+/.exec(t);
      sections.push({ heading: num ? t.slice(num[0].length) : t, number: num ? num[1] : null, level: num ? num[1].split('.').length : 1, kind: 'other', start: b.start, end: text.length, headingStart: b.start, headingEnd: b.end });
      continue;
    }
    const p = paragraphs.length;
    paragraphs.push({ start: b.start, end: b.end, text: t.replace(/\s+/g, ' '), section: sections.length - 1, pieces: [b] });
    const sre = /[^.!?]+(?:[.!?]+["”’)]*|$)/g;
    const body = text.slice(b.start, b.end);
    for (let s = sre.exec(body); s; s = sre.exec(body)) {
      if (!s[0]) { sre.lastIndex++; continue; }
      const lead = s[0].length - s[0].trimStart().length;
      const st = b.start + s.index + lead;
      const en = b.start + s.index + s[0].trimEnd().length;
      if (en > st) sentences.push({ start: st, end: en, text: text.slice(st, en).replace(/\s+/g, ' '), paragraph: p, section: sections.length - 1 });
    }
  }
  if (!title) ctx.report.warn(source.path, 0, 'Unexpected source without a title, expected a first line naming it', 'no-title');
  return {
    source,
    metadata: { title: title || source.id, titleSpan: null, subtitle: null, authors: [], affiliations: [], keywords: [], abstract: null, abstractSpan: null, dates: [], doi: null, venue: null, year: null },
    sections, paragraphs, sentences, references: [], notes: [], inlineCitations: [],
  };
}
