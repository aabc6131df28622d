/**
 * The labelled fields, affiliations, keywords, copyright lines and abstract of a source's front,
 * read after its title and authors.
 */
import type { DocumentMetadata } from '../model/document.js';
import { cleanPieces } from './clean.js';
import type { TitleRead } from './front-title.js';
import { kindOf } from './headings.js';
import { plainOf } from './lines.js';
import { affiliationsOf, fieldOf, FRONT_LABELS, isoDate, KEYWORD_LABEL, readAuthorLine, splitKeywords } from './metadata.js';
import { TERMINAL, type Unit } from './units.js';

/**
 * Read the front units after the title: fields, affiliations, keywords, the abstract (labelled or
 * the long text before the first section). Returns the lines of front text read (for the DOI,
 * dates and imprint).
 */
export function readFrontFields(front: Unit[], text: string, metadata: DocumentMetadata, title: TitleRead, noBodyHeading: boolean): string[] {
  const { authorUnit, authorLine, titleFromRunOn } = title;
  const frontText: string[] = [];
  let abstractLabel = -1;
  let inlineAbstractLabel = -1;
  for (let i = 0; i < front.length; i++) {
    const u = front[i];
    if (u.type === 'heading' && kindOf(u.heading!) === 'abstract' && abstractLabel < 0) { abstractLabel = i; continue; }
    if (abstractLabel < 0 && inlineAbstractLabel < 0 && u.lines.some((l) => /(?:^|\*\*|[^\p{L}])ABSTRACT(?:\*\*|[^\p{L}]|$)/u.test(l.text.slice(0, 5000)))) inlineAbstractLabel = i;
  }
  let pendingLabel: string | null = null;
  const abstractUnits: Unit[] = [];
  const abstractStart = abstractLabel >= 0 ? abstractLabel + 1 : inlineAbstractLabel >= 0 ? inlineAbstractLabel + 1 : -1;
  let abstractDone = false;
  for (let i = 0; i < front.length; i++) {
    const u = front[i];
    if (u.type === 'heading') {
      const kind = kindOf(u.heading!);
      if (i === abstractLabel) { pendingLabel = null; if (abstractUnits.length) abstractDone = true; continue; }
      if (KEYWORD_LABEL.test(u.heading!.title)) { pendingLabel = 'keywords'; u.front = true; if (abstractUnits.length) abstractDone = true; continue; }
      if (kind !== 'abstract') {
        u.front = true;
        // a label standing alone ("Categories and Subject Descriptors"): the next lines are its value
        pendingLabel = /^(categories and subject descriptors|general terms|funding|article history|article info|acm classification|jel classification)$/i.test(u.heading!.title) ? u.heading!.title.toLowerCase() : null;
        if (abstractUnits.length) abstractDone = true;
      }
      continue;
    }
    if (u.front) {
      // the author line: affiliations may follow the names in a run-on header
      for (const l of u.lines) frontText.push(l.text);
      if (i === authorUnit && authorLine) {
        const line = titleFromRunOn ? text.slice(titleFromRunOn.rest, u.lines[u.lines.length - 1].end) : u.lines.map((l) => l.text).join(' ');
        const rest = titleFromRunOn ? line.slice(readAuthorLine(line)?.restAt ?? line.length) : line.slice(authorLine.restAt);
        metadata.affiliations.push(...affiliationsOf(rest, metadata.authors));
      }
      continue;
    }
    const first = u.lines[0].text;
    const joined = u.lines.map((l) => l.text).join(' ');
    const words = joined.split(/\s+/).length;
    const field = fieldOf(plainOf(first));
    if (field && FRONT_LABELS.test(field.label)) {
      u.front = true;
      frontText.push(joined);
      // Fields printed one under another in one block ("Categories and Subject Descriptors: …",
      // "General Terms: …", "Additional Key Words and Phrases: …, critical social" / "theory"):
      // each labelled line opens a field, and unlabelled lines continue the one above.
      const fields: { label: string; lines: string[] }[] = [];
      for (const l of u.lines) {
        const f = fieldOf(plainOf(l.text));
        if (f && FRONT_LABELS.test(f.label)) fields.push({ label: f.label, lines: [l.text] });
        else fields[fields.length - 1].lines.push(l.text);
      }
      for (const f of fields) readField(f.label, fieldOf(plainOf(f.lines.join(' ')))!.value, metadata);
      pendingLabel = field.value ? null : field.label.toLowerCase();
      if (abstractUnits.length && !/^(doi)$/i.test(field.label)) abstractDone = true;
      continue;
    }
    if (pendingLabel && KEYWORD_LABEL.test(pendingLabel) && (words <= 8 || /[,;]/.test(joined)) && !TERMINAL.test(joined.replace(/\.$/, ''))) {
      // keyword values on their own lines
      u.front = true;
      metadata.keywords.push(...splitKeywords(plainOf(joined)));
      if (words > 8) pendingLabel = null;
      continue;
    }
    if (pendingLabel && !/^(keywords|key ?words|index terms)$/.test(pendingLabel) && abstractStart >= 0 && i >= abstractStart && words < 40 && !abstractUnits.length) {
      // the value of a field whose label stood alone ("Funding:" → its sentence)
      u.front = true;
      pendingLabel = null;
      continue;
    }
    pendingLabel = null;
    if (/^©|^\(c\)\s|copyright\b|creative commons|open access article|all rights reserved|permission to make digital/i.test(plainOf(first))) {
      u.front = true;
      const y = /(?:©|copyright)\s*(?:\(c\)\s*)?(\d{4})/i.exec(joined);
      if (y && !metadata.year) metadata.year = Number(y[1]);
      if (abstractUnits.length) abstractDone = true;
      continue;
    }
    const affs = u.lines.flatMap((l) => affiliationsOf(l.text, metadata.authors));
    const looksAffiliation = affs.length > 0 && (words < 40 || /@/.test(joined)) && !(abstractUnits.length && !abstractDone && words > 25);
    if (looksAffiliation) {
      u.front = true;
      metadata.affiliations.push(...affs);
      // Line by line: an imprint line printed under the affiliation is read on its own.
      for (const l of u.lines) frontText.push(l.text);
      if (abstractUnits.length) abstractDone = true;
      continue;
    }
    if (abstractStart >= 0 && i >= abstractStart && !abstractDone) {
      if (!abstractUnits.length && words < 20 && !/[.!?]$/.test(joined)) { u.front = true; continue; }
      abstractUnits.push(u);
      u.front = true;
      u.abstract = true;
      continue;
    }
    if (abstractStart < 0 && !abstractDone && words >= 40 && metadata.title && i > 0) {
      // an abstract printed without a label: the long text between the authors and the first section
      abstractUnits.push(u);
      u.front = true;
      u.abstract = true;
      continue;
    }
    if (abstractUnits.length && !abstractDone && abstractStart < 0) abstractDone = true;
    // left-over short lines of a header (a date line, a banner) are not reading text; without any
    // section heading the text after the title is the body itself
    if (!noBodyHeading && (words < 40 || i < 2)) { u.front = true; frontText.push(joined); }
  }
  if (abstractUnits.length) {
    const a = abstractUnits[0].lines[0].start;
    const lastU = abstractUnits[abstractUnits.length - 1];
    const b = lastU.lines[lastU.lines.length - 1].end;
    metadata.abstractSpan = { start: a, end: b };
    metadata.abstract = abstractUnits.map((u) => cleanPieces(text, u.lines.map((l) => ({ start: l.start, end: l.end })), { joinHyphen: () => true }).text).join('\n\n');
  }
  return frontText;
}

/** Store one labelled field's value: keywords, DOI, or a dated event. */
function readField(label: string, value: string, metadata: DocumentMetadata): void {
  const l = label.toLowerCase();
  if (KEYWORD_LABEL.test(l)) { metadata.keywords.push(...splitKeywords(value)); return; }
  if (/^doi$/.test(l)) { const d = /10\.\d{4,9}\/[^\s<>"'\]]+/.exec(value); if (d) metadata.doi = d[0].replace(/[.,;)>]+$/, ''); return; }
  const date = isoDate(value);
  if (date && /^(received|revised|accepted|available online|published|published online|online|date|dated)$/.test(l)) metadata.dates.push({ label: l, date });
}
