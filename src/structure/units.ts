/**
 * Units: the lines of a source grouped into headings and runs of text, then the weak headings
 * checked against their context, reference lists flattened, section numbers kept in sequence and
 * text re-joined across page breaks. Each pass is linear in the number of lines.
 */
import { headingCandidate, isTitleLine, kindOf, UNSURE_REFERENCES, type HeadingCandidate } from './headings.js';
import { plainOf, type Line } from './lines.js';
import { CLASSIFICATION_LABEL, fieldOf } from './metadata.js';
import { looksLikeEntry } from './references.js';

/** A heading or a run of text lines, in reading order. */
export interface Unit {
  type: 'heading' | 'text';
  lines: Line[];
  /** Lines of other text units merged into this one across a page break. */
  heading?: HeadingCandidate;
  /** Weak headings wait for context before they are believed. */
  tentative?: boolean;
  /** Set when the unit was consumed by the front matter (title, authors, fields). */
  front?: boolean;
  abstract?: boolean;
  /** The heading right after this one, when no text stands between them. */
  nextHeading?: Unit;
  /** Nesting level given by {@link assignLevels} in sections.ts. */
  level?: number;
}

/** Marks a line ends on when it closes a sentence, a clause or a bracket. */
export const TERMINAL = /[.!?:;)\]”"'’>…]$/;
/** Words a sentence does not end on: articles, prepositions, conjunctions ("… introduced in"). */
const danglingWord = /(?:^|\s)(?:a|an|the|of|in|on|at|to|for|from|by|with|into|and|or|but|nor|that|which|whose|than|as|under|over|between|among|per)$/i;

/** Group text lines into units: headings and runs of text. */
export function toUnits(lines: Line[], wrapped: boolean): Unit[] {
  const units: Unit[] = [];
  let block: Line[] = [];
  const flush = (): void => {
    if (!block.length) return;
    splitBlock(block, wrapped, units);
    block = [];
  };
  for (const l of lines) {
    if (l.role === 'text') block.push(l);
    else flush();
  }
  flush();
  return units;
}

/** Does a line open a field that classifies a paper ("General Terms: Design, Theory", "Keywords: …")? */
function opensClassification(line: string): boolean {
  const label = fieldOf(plainOf(line))?.label;
  return !!label && CLASSIFICATION_LABEL.test(label);
}

const LIST_ITEM = /^(?:[-*+•▪·]\s+|\d{1,3}[.)]\s+|[a-z][.)]\s+|>\s*)/;

function splitBlock(block: Line[], wrapped: boolean, units: Unit[]): void {
  if (block.length === 1) {
    const h = headingCandidate(block[0].text);
    if (h) units.push({ type: 'heading', lines: block, heading: h, tentative: h.strength === 'plain' || h.strength === 'caps' });
    else units.push({ type: 'text', lines: block });
    return;
  }
  // a bold or Markdown title broken over several lines
  const first = block[0].text;
  const last = block[block.length - 1].text;
  if (block.length <= 4 && /^\*\*[^*]/.test(first) && /[^*]\*\*$/.test(last) && !block.slice(0, -1).some((l) => /\*\*$/.test(l.text)) && block.every((l) => l.text.length < 150)) {
    const title = block.map((l) => plainOf(l.text)).join(' ');
    if (!/[.;]$/.test(title)) {
      units.push({ type: 'heading', lines: block, heading: { title, number: null, level: null, strength: 'bold' } });
      return;
    }
  }
  // multi-line block: strong headings on their own line split it; the rest is text
  const lengths = block.map((l) => l.text.length).sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)];
  // a long run of short lines is hard-wrapped prose, whatever the rest of the document does
  wrapped = wrapped || (block.length >= 6 && median < 110 && !block.every((l) => LIST_ITEM.test(l.text)));
  let text: Line[] = [];
  const push = (): void => {
    if (text.length) units.push({ type: 'text', lines: text });
    text = [];
  };
  for (let i = 0; i < block.length; i++) {
    const l = block[i];
    const split = splitHeadingAt(block, i);
    if (split) {
      push();
      units.push({ type: 'heading', lines: block.slice(i, i + split.lines), heading: split.heading });
      i += split.lines - 1;
      continue;
    }
    const h = headingCandidate(l.text);
    const strongHere = h && (h.strength === 'markdown' || h.strength === 'named' || h.strength === 'caps' ||
      (h.strength === 'numbered' && h.title.split(/\s+/).length <= 10 && isTitleLine(h.title) && (wrapped || !LIST_ITEM.test(l.text) || !!h.number?.includes('.'))));
    // A section name in lower case after an unfinished line is the end of that line, wrapped
    // ("…, critical social" / "theory"), or a cell of a table ("number of" / "results").
    const wrappedWord = h !== null && h.strength === 'named' && /^\p{Ll}/u.test(h.title);
    const prevEnds = i === 0 || TERMINAL.test(block[i - 1].text) || (!wrappedWord && (wrapped || (h !== null && h.strength !== 'numbered')));
    if (h && strongHere && prevEnds && !(wrapped && i > 0 && /[-,]$/.test(block[i - 1].text))) {
      push();
      units.push({ type: 'heading', lines: [l], heading: h });
      continue;
    }
    // list items start their own unit, and so do the classification fields of a paper's front
    // matter, which often follow the abstract without a blank line
    if (text.length && (wrapped ? /^[-*+•▪·]\s/.test(l.text) : LIST_ITEM.test(l.text))) push();
    else if (text.length && opensClassification(l.text)) push();
    text.push(l);
    // hard-wrapped paragraphs end on a short line that ends a sentence
    if (wrapped && /[.!?:]["”’)]?$/.test(l.text) && l.text.length < median * 0.75) push();
  }
  push();
}

/** A section number on a line of its own ("4.2"), as PDF conversion leaves it: "1.0" is a value. */
const OWN_LINE_NUMBER = /^((?:[1-9]\d?)(?:\.[1-9]\d?){1,3})\.?$/;

/**
 * A numbered heading whose number stands on its own line, its title on the next ("4.2" /
 * "Document Fingerprint"), the title's last word perhaps wrapped to a third ("… from independent"
 * / "sources"). Only after a finished sentence, and only where the title reads as one.
 */
function splitHeadingAt(block: Line[], i: number): { heading: HeadingCandidate; lines: number } | null {
  const num = OWN_LINE_NUMBER.exec(block[i].text.trim());
  if (!num || i + 1 >= block.length) return null;
  if (i > 0 && !TERMINAL.test(block[i - 1].text)) return null;
  let title = block[i + 1].text.trim();
  let lines = 2;
  const third = block[i + 2]?.text.trim();
  const fourth = block[i + 3]?.text.trim();
  if (third && /^\p{Ll}[\p{L}-]*(?:\s+\p{L}[\p{L}-]*){0,2}$/u.test(third) && (!fourth || /^[\p{Lu}\p{N}]/u.test(fourth))) {
    title = `${title} ${third}`;
    lines = 3;
  }
  const h = headingCandidate(`${num[1]} ${title}`);
  if (!h || h.strength !== 'numbered' || h.title.split(/\s+/).length > 10 || !isTitleLine(h.title)) return null;
  // A value over a one-word label in a table ("6.3" / "BPM") is not a section.
  if (!/\s/.test(h.title) && !/\p{Ll}/u.test(h.title)) return null;
  return { heading: h, lines };
}

/** Weak (plain title-line) headings are believed only where a heading can stand. */
export function decideTentative(units: Unit[]): Unit[] {
  // from the end, so that what follows a candidate is already decided
  for (let i = units.length - 1; i >= 0; i--) {
    const u = units[i];
    if (u.type !== 'heading' || !u.tentative) continue;
    const prev = units[i - 1];
    const next = units[i + 1];
    const prevText = prev?.type === 'text' ? prev.lines[prev.lines.length - 1].text : null;
    const prevOpen = prevText !== null && !TERMINAL.test(prevText.replace(/[*_]+$/, '')) && prevText.split(/\s+/).length >= 8;
    const nextText = next?.type === 'text' ? next.lines[0].text : null;
    const nextLower = nextText !== null && /^[\p{Ll}]/u.test(plainOf(nextText));
    const nextIsFragment = nextText !== null && next.lines.length === 1 && nextText.split(/\s+/).length < 4 && /^\(/.test(nextText);
    // a section starts with prose: a short line followed by more short lines is figure or table residue
    const wordsOf = (x: Unit | undefined): number => (x ? x.lines.reduce((w, l) => w + l.text.split(/\s+/).length, 0) : 0);
    const nextShort = (next?.type === 'text' && wordsOf(next) < 12) ||
      // a title line over another plain title line: believed only when prose follows the pair
      (next?.type === 'heading' && (next.heading!.strength === 'plain' || next.heading!.strength === 'caps') && !(units[i + 2]?.type === 'text' && wordsOf(units[i + 2]) >= 12));
    if (prevOpen || nextLower || nextIsFragment || nextShort || !next) {
      u.type = 'text';
      delete u.heading;
    }
    u.tentative = false;
  }
  return units;
}

/**
 * Inside a reference list, lines that look like headings are entries ("Afridi, M. personal talks,
 * November 2022"); only a Markdown heading or a named section (Notes, Appendix) ends the list.
 */
export function flattenReferenceLists(units: Unit[]): Unit[] {
  let inRefs = false;
  for (const u of units) {
    if (u.type !== 'heading') continue;
    const h = u.heading!;
    const kind = kindOf(h);
    if (inRefs && !(h.strength === 'markdown' || h.strength === 'named' || (h.number && /^\d+$/.test(h.number) && kind !== 'other'))) {
      u.type = 'text';
      delete u.heading;
      continue;
    }
    inRefs = kind === 'references' || kind === 'notes';
  }
  return units;
}

/**
 * "Sources" opens a reference list only when reference entries follow it: under "3.1 Sources" (of
 * data) or a table's SOURCES column, the first lines are prose or figures, and the section is read
 * as ordinary text instead of swallowing the rest of the paper as references.
 */
export function checkUnsureReferences(units: Unit[]): Unit[] {
  units.forEach((u, i) => {
    if (u.type !== 'heading' || !UNSURE_REFERENCES.test(u.heading!.title)) return;
    const next: string[] = [];
    for (let k = i + 1; k < units.length && units[k].type === 'text' && next.length < 3; k++) for (const l of units[k].lines) if (next.length < 3 && l.text) next.push(l.text);
    if (!next.some(looksLikeEntry)) u.heading!.kind = 'other';
  });
  return units;
}

/**
 * Section numbers run in order: "11 Mbit/s" after section 4 is a table cell, not section 11. A
 * numbered heading is kept when its first number is the current top-level number or the next one.
 */
export function keepNumberSequence(units: Unit[]): Unit[] {
  // A paper has a dozen sections at most; "80.0" is a value in a table.
  const maxSectionNumber = 12;
  let top = 0;
  // Whether a top-level number was printed: PDF conversion often drops them ("EXPERIMENTAL
  // RESULTS" over "5.1" / "Data"), and then sub-sections may start at any number.
  let topPrinted = false;
  // Where numbered headings are set in heading type, a numbered line in body type is a list item.
  const typeset = units.filter((u) => u.type === 'heading' && u.heading!.strength === 'markdown' && u.heading!.number && /^\d/.test(u.heading!.number)).length >= 3;
  for (const u of units) {
    if (u.type !== 'heading' || u.front || !u.heading!.number || !/^\d/.test(u.heading!.number)) continue;
    const parts = u.heading!.number.split('.');
    const first = Number(parts[0]);
    // a heading set in heading type is believed, and tells where the outline is
    if (u.heading!.strength === 'markdown') {
      top = first;
      topPrinted ||= parts.length === 1;
      continue;
    }
    if (u.heading!.strength !== 'numbered') continue;
    if (typeset) { demoteNumbered(u); continue; }
    // sub-section numbers ("3.1") are strong evidence even when the parent was unnumbered
    const ok = parts.length > 1 ? first >= top && (first <= top + 3 || (!topPrinted && first <= maxSectionNumber)) : (first > top && first <= top + 2) || first === top || (top === 0 && first <= 3);
    if (ok) {
      top = first;
      topPrinted ||= parts.length === 1;
      continue;
    }
    // Out of sequence, its number is doubtful
    demoteNumbered(u);
  }
  return units;
}

/** A numbered heading whose number is doubtful is text, unless its title is a heading on its own. */
function demoteNumbered(u: Unit): void {
  const alone = headingCandidate(u.heading!.title);
  if (alone && (alone.strength === 'named' || alone.strength === 'caps')) {
    u.heading = alone;
    return;
  }
  u.type = 'text';
  delete u.heading;
}

/**
 * A run of three or more one-word capital "headings", each over a line or two, is a list of
 * acronyms and their expansions, not a run of sections ("API" / "Application programming interface").
 */
export function flattenTermLists(units: Unit[]): Unit[] {
  // an acronym: one word of up to ten characters with two capitals or more ("API", "GenAI", "LaMDA")
  const isTerm = (u: Unit | undefined): boolean => u?.type === 'heading' && (u.heading!.strength === 'caps' || u.heading!.strength === 'plain') &&
    /^[\p{L}\p{N}&-]{2,10}$/u.test(u.heading!.title.trim()) && (u.heading!.title.match(/\p{Lu}/gu) ?? []).length >= 2;
  for (let i = 0; i < units.length; ) {
    // a run: term, its expansion (a line or two), term, …
    const run: Unit[] = [];
    let j = i;
    while (isTerm(units[j])) {
      run.push(units[j]);
      j++;
      // its expansion: a line or two, split at most once (a lower-case acronym's line)
      for (let k = 0; k < 2 && units[j]?.type === 'text' && units[j].lines.length <= 3; k++) j++;
    }
    if (run.length >= 3) for (const u of run) { u.type = 'text'; delete u.heading; }
    i = Math.max(j, i + 1);
  }
  return units;
}

/** Re-join text split by a page break (and noise between): open end, lower-case start, or a stray citation. */
export function joinAcrossBreaks(units: Unit[], options: Readonly<{ minWordsForOpenEnd: number }>): Unit[] {
  const out: Unit[] = [];
  for (const u of units) {
    const prev = out[out.length - 1];
    if (u.type === 'text' && prev?.type === 'text') {
      const a = prev.lines[prev.lines.length - 1].text.replace(/[*_]+$/, '');
      const b = plainOf(u.lines[0].text);
      const aWords = a.split(/\s+/).length;
      const bList = /^(?:[-*+•▪·]\s|\d{1,3}[.)]\s)/.test(u.lines[0].text);
      const aField = fieldOf(prev.lines[0].text) !== null && prev.lines.length === 1 && aWords < 12;
      const bField = fieldOf(u.lines[0].text) !== null && b.split(/\s+/).length < 12;
      // Open: no closing mark, and the line was cut by the wrap (long, or as long as the block's
      // other lines) or stops on a word no sentence ends with ("… scheme introduced in").
      // (The wrap width from the block's last lines: a block that keeps growing is not re-read.)
      let widest = 0;
      for (let k = Math.max(0, prev.lines.length - 8); k < prev.lines.length; k++) widest = Math.max(widest, prev.lines[k].text.length);
      const wrapped = prev.lines.length > 1 && a.length >= 0.85 * widest;
      const open = !TERMINAL.test(a) && (aWords >= options.minWordsForOpenEnd || wrapped || danglingWord.test(a));
      const lower = /^[\p{Ll}]/u.test(b);
      const strayCitation = /^\([^()]{2,200}\)[.;,]?$/.test(b) && /\b(1[6-9]|20)\d\d\b/.test(b);
      if (!bList && !aField && !bField && (open || (lower && !/^[-*+•]\s/.test(u.lines[0].text)) || strayCitation)) {
        for (const l of u.lines) prev.lines.push(l);
        continue;
      }
    }
    out.push(u);
  }
  return out;
}
