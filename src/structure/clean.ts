/**
 * Reading text from pieces of the source: joins lines and page-break fragments, re-joins words
 * hyphenated across a break, drops footnote markers and Markdown markup — and remembers, for every
 * character kept, the source offset it came from, so sentences found in the clean text map back
 * to exact spans of the source.
 */
import type { Span } from '../model/document.js';

/** Clean text plus, for each of its UTF-16 units, the offset in the source it came from. */
export interface MappedText {
  text: string;
  map: Int32Array;
}

/** Superscript digits and letters used as footnote markers (¹ ² ³ ⁰-⁹ ⁱ ⁿ, ⁺ ⁻). */
export const SUPERSCRIPT = '\u00b9\u00b2\u00b3\u2070\u2071\u2074\u2075\u2076\u2077\u2078\u2079\u207a\u207b\u207f';
const SUP_SET = new Set(SUPERSCRIPT.split(''));

/** Whether `c` is a superscript footnote-marker character. */
export function isSuperscript(c: string): boolean {
  return SUP_SET.has(c);
}

/** Options of {@link cleanPieces}. */
export interface CleanOptions {
  /** Decides whether `left-` + `right` across a line break is one word ("addition-"+"ally"). */
  joinHyphen: (left: string, right: string) => boolean;
}

/** Words after which "No.5", "Vol.21", "pp.12" is a number, not a footnote marker. */
const NUMBER_LABELS = /(?:^|[^\p{L}])(?:no|nos|vol|vols|pp?|fig|figs|eq|eqs|ch|chap|sec|art|para|ref|refs|table|tab|v|n|iss|ed)$/iu;

const isLetter = (c: string | undefined): boolean => !!c && /\p{L}/u.test(c);
const isLower = (c: string | undefined): boolean => !!c && /\p{Ll}/u.test(c);
const isDigit = (c: string | undefined): boolean => !!c && c >= '0' && c <= '9';
const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0' || c === '\f' || c === '\v';

/**
 * Clean the concatenation of `pieces` of `source` (each a line or fragment; joined by one space).
 * Linear in the length of the pieces.
 */
export function cleanPieces(source: string, pieces: readonly Span[], options: Readonly<CleanOptions>): MappedText {
  let cap = pieces.length + 1;
  for (const p of pieces) cap += Math.max(0, p.end - p.start);
  const out = new TextBuilder(cap);
  for (let p = 0; p < pieces.length; p++) {
    let { start } = pieces[p];
    const { end } = pieces[p];
    // list and quote markers at the start of a piece (any depth, linear)
    start = skipBlockMarkers(source, start, end);
    if (p > 0 && out.length) {
      // hyphen at the end of the previous piece + lower-case letter here: maybe one word broken by the line
      if (out.last() === '-' && isLetter(out.at(out.length - 2)) && isLower(source[start])) {
        const left = out.wordBefore(out.length - 1);
        const right = wordAt(source, start, end);
        // joined ("addition-" + "ally"), or the hyphen kept without a space ("post-" + "withdrawal")
        if (options.joinHyphen(left, right)) out.pop();
      } else out.push(' ', start);
    }
    scanInline(source, start, end, out);
  }
  out.trimEnd();
  return out.result();
}

const UTF16 = new TextDecoder('utf-16le');

/** Clean text under construction: UTF-16 units and their source offsets in typed arrays. */
class TextBuilder {
  private readonly units: Uint16Array;
  private readonly offsets: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.units = new Uint16Array(capacity);
    this.offsets = new Int32Array(capacity);
  }
  /** Append one character (spaces collapse to one; never a leading space). */
  push(c: string, at: number): void {
    const code = c.charCodeAt(0);
    if (code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 12 || code === 11) {
      if (this.length === 0 || this.units[this.length - 1] === 32) return;
      this.units[this.length] = 32;
    } else this.units[this.length] = code;
    this.offsets[this.length++] = at;
  }
  /** Append a code unit that is not whitespace. */
  pushCode(code: number, at: number): void {
    this.units[this.length] = code;
    this.offsets[this.length++] = at;
  }
  last(): string | undefined {
    return this.length ? String.fromCharCode(this.units[this.length - 1]) : undefined;
  }
  at(i: number): string | undefined {
    return i >= 0 && i < this.length ? String.fromCharCode(this.units[i]) : undefined;
  }
  pop(): void {
    if (this.length) this.length--;
  }
  trimEnd(): void {
    while (this.length && this.units[this.length - 1] === 32) this.length--;
  }
  wordBefore(end: number): string {
    let i = end;
    while (i > 0 && isLetter(String.fromCharCode(this.units[i - 1]))) i--;
    return String.fromCharCode(...this.units.subarray(i, end));
  }
  result(): MappedText {
    // UTF-16LE bytes of the units (a lone surrogate becomes U+FFFD: same length, offsets stay aligned)
    const units = this.units.subarray(0, this.length);
    const text = UTF16.decode(new Uint8Array(units.buffer, units.byteOffset, units.byteLength));
    return { text, map: this.offsets.slice(0, this.length) };
  }
}

/** Skip `- `, `* `, `+ `, `> ` markers (nested to any depth) at the start of a line. */
export function skipBlockMarkers(source: string, start: number, end: number): number {
  let i = start;
  for (;;) {
    while (i < end && (source[i] === ' ' || source[i] === '\t')) i++;
    const c = source[i];
    if (i < end && c === '>') { i++; continue; }
    if (i + 1 < end && (c === '-' || c === '*' || c === '+' || c === '•' || c === '·' || c === '▪') && (source[i + 1] === ' ' || source[i + 1] === '\t')) { i += 2; continue; }
    return i;
  }
}

function wordAt(source: string, start: number, end: number): string {
  let i = start;
  while (i < end && isLetter(source[i])) i++;
  return source.slice(start, i);
}

/**
 * Inline markup and noise: superscript markers, `^{…}` markers, `**`/`*`/`_` emphasis, `\` escapes,
 * `<url>` brackets, `[text](url)` links (text kept), `[^n]` footnote references, footnote numbers
 * glued after punctuation (`word.21 `).
 */
function scanInline(s: string, start: number, end: number, out: TextBuilder): void {
  const push = (c: string, at: number): void => out.push(c, at);
  let i = start;
  while (i < end) {
    const code = s.charCodeAt(i);
    // the common case first: letters, digits and commas need no thought
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 44) {
      out.pushCode(code, i);
      i++;
      continue;
    }
    const c = s[i];
    if (SUP_SET.has(c)) { i++; continue; }
    if (c === '^' && s[i + 1] === '{') {
      const close = findWithin(s, i + 2, Math.min(end, i + 14), '}', '{');
      if (close > 0) { i = close + 1; continue; }
    }
    if (c === '\\' && i + 1 < end && /[\\`*_{}[\]()#+\-.!<>|$~"']/.test(s[i + 1])) { push(s[i + 1], i + 1); i += 2; continue; }
    if (c === '*') {
      // emphasis marker runs; a lone "*" between spaces (a multiplication) stays
      let j = i;
      while (j < end && s[j] === '*') j++;
      if (!(isSpace(s[i - 1]) && isSpace(s[j]))) { i = j; continue; }
      for (; i < j; i++) push(c, i);
      continue;
    }
    if (c === '_') {
      let j = i;
      while (j < end && s[j] === '_') j++;
      const inWord = /[\p{L}\p{N}]/u.test(s[i - 1] ?? '') && /[\p{L}\p{N}]/u.test(s[j] ?? '');
      if (!inWord && j - i <= 2 && !(isSpace(s[i - 1]) && isSpace(s[j]))) { i = j; continue; }
      for (; i < j; i++) push(c, i);
      continue;
    }
    if (c === '<' && /^<(https?:|mailto:|www\.)/i.test(s.slice(i, i + 10))) {
      const close = findWithin(s, i + 1, Math.min(end, i + 4000), '>', '<');
      if (close > 0) {
        for (let k = i + 1; k < close; k++) push(s[k], k);
        i = close + 1;
        continue;
      }
    }
    if (c === '[' && s[i + 1] === '^') {
      // a Markdown footnote reference, "…two decades.[^8]": a marker, not reading text (its
      // definition, "[^8]: …", is a note)
      const close = findWithin(s, i + 2, Math.min(end, i + 40), ']', '[');
      if (close > i + 2 && s[close + 1] !== ':' && !/\s/.test(s.slice(i + 2, close))) {
        i = close + 1;
        continue;
      }
    }
    if (c === '[') {
      // [text](url) → text
      const close = findWithin(s, i + 1, Math.min(end, i + 2000), ']', '[');
      if (close > 0 && s[close + 1] === '(') {
        const paren = findWithin(s, close + 2, Math.min(end, close + 4000), ')', '(');
        if (paren > 0 && !/\s/.test(s.slice(close + 2, paren))) {
          scanInline(s, i + 1, close, out);
          i = paren + 1;
          continue;
        }
      }
    }
    if ((c === '.' || c === ',' || c === ';' || c === ':' || c === '”' || c === '"' || c === ')') && isDigit(s[i + 1])) {
      // footnote number glued after punctuation that ends a word: "Kashmir.21 The", "deceit”.14"
      const before = s[i - 1];
      let j = i + 1;
      while (j < end && isDigit(s[j])) j++;
      const digits = j - i - 1;
      const endsWord = j === end || isSpace(s[j]);
      // a word of two letters or more ("H.264", "v.2" are names and versions, not markers)
      const wordBeforeIsText = (isLetter(before) && isLetter(s[i - 2])) || before === ')' || before === '”' || before === '"' || before === '’' || before === '.';
      if (digits <= 3 && endsWord && wordBeforeIsText && !(c === ':' || c === ',') && !NUMBER_LABELS.test(s.slice(Math.max(start, i - 6), i))) {
        push(c, i);
        i = j;
        continue;
      }
    }
    push(c, i);
    i++;
  }
}

/**
 * Index of `want` in `s[from, to)`, or -1; gives up at whitespace or at `stop` (another opener), so
 * scanning from every opener of a long line stays linear.
 */
function findWithin(s: string, from: number, to: number, want: string, stop: string): number {
  for (let j = from; j < to; j++) {
    const c = s[j];
    if (c === want) return j;
    if (c === stop || c === '\n') return -1;
  }
  return -1;
}

/** Trim a span of the source so it starts and ends on visible text, not on markers or spaces. */
export function trimSpan(source: string, start: number, end: number): Span {
  let a = start;
  let b = end;
  while (a < b && (isSpace(source[a]) || source[a] === '*')) a++;
  while (b > a && (isSpace(source[b - 1]) || SUP_SET.has(source[b - 1]) || source[b - 1] === '*')) b--;
  return { start: a, end: b };
}
