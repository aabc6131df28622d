/**
 * Breaking styled text into lines: Unicode line-break opportunities (UAX #14, `linebreak`),
 * greedy filling, en-US hyphenation (Liang patterns) when a word overflows, justification by widening
 * the spaces. Every word is measured once (the font set caches widths).
 */
import { createRequire } from 'node:module';
import type LineBreakerType from 'linebreak';
import { syllablesOf } from './hyphenate.js';
import type { Face, FontSet } from './fonts.js';

// Required, not imported: through its CommonJS build the package and its three dependencies
// load without Node's export-name scan (~20 ms less in a cold process).
const LineBreaker = createRequire(import.meta.url)('linebreak') as typeof LineBreakerType;

export type Rgb = readonly [number, number, number];

/** How a run of text looks and what it points to. */
export interface Style {
  face: Face;
  size: number;
  color: Rgb;
  /** External link (already checked to be http, https or mailto). */
  link?: string;
  /** Internal link to an anchor id. */
  goto?: string;
  /** Baseline shift in points (superscripts). */
  rise?: number;
}

/** Input: a run of text in one style. `\n` forces a line break. */
export interface Span {
  text: string;
  style: Style;
}

/** A measured piece of a line, positioned from the line's left edge. */
export interface Piece {
  text: string;
  style: Style;
  x: number;
  width: number;
}

/** One laid-out line. */
export interface Line {
  pieces: Piece[];
  /** Natural width (before justification). */
  width: number;
  height: number;
  /** Baseline offset from the line's top. */
  baseline: number;
}

export interface BreakOptions {
  width: number;
  justify: boolean;
  /** Line height as a multiple of the largest font size on the line. */
  leading: number;
  hyphenate: boolean;
}

interface Word {
  pieces: Omit<Piece, 'x'>[];
  width: number;
  /** Width of the space after the word (0 if none). */
  space: number;
  /** A forced break follows. */
  hard: boolean;
}

const hyphenCache = new Map<string, string[]>();
function syllables(word: string): string[] {
  let s = hyphenCache.get(word);
  if (!s) {
    s = syllablesOf(word);
    hyphenCache.set(word, s);
  }
  return s;
}

function measurePieces(text: string, style: Style, fonts: FontSet, out: Omit<Piece, 'x'>[]): number {
  const runs = fonts.resolve(text, style.face);
  let width = 0;
  for (const ft of runs) {
    const s = ft.face === style.face ? style : { ...style, face: ft.face };
    const w = fonts.width(ft.text, ft.face, s.size);
    out.push({ text: ft.text, style: s, width: w });
    width += w;
  }
  return width;
}

/** Space, tab, line feed, carriage return, no-break space: what may trail a word. */
const isGlue = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;

/** Splits spans into words at the Unicode line-break opportunities. */
function toWords(spans: readonly Span[], fonts: FontSet): Word[] {
  let full = '';
  const ends: number[] = [];
  for (const s of spans) {
    full += s.text;
    ends.push(full.length);
  }
  const words: Word[] = [];
  const lb = new LineBreaker(full);
  let last = 0;
  // Breaks come in order, so the span holding a word's start only moves forward.
  let first = 0;
  let brk: { position: number; required: boolean } | null;
  while ((brk = lb.nextBreak())) {
    const pos = brk.position;
    // The trailing run of spaces is glue, except no-break spaces at its start: they stay in the word.
    let wordEnd = pos;
    while (wordEnd > last && isGlue(full.charCodeAt(wordEnd - 1))) wordEnd--;
    while (wordEnd < pos && full.charCodeAt(wordEnd) === 0xa0) wordEnd++;
    let spaced = false;
    let newline = false;
    for (let k = wordEnd; k < pos; k++) {
      const c = full.charCodeAt(k);
      if (c === 10 || c === 13) newline = true;
      else spaced = true;
    }
    while (first < spans.length && ends[first]! <= last) first++;
    const pieces: Omit<Piece, 'x'>[] = [];
    let width = 0;
    for (let i = first; i < spans.length; i++) {
      const start = ends[i]! - spans[i]!.text.length;
      if (start >= wordEnd) break;
      const a = Math.max(last, start);
      const b = Math.min(wordEnd, ends[i]!);
      if (a < b) width += measurePieces(a === 0 && b === full.length ? full : full.slice(a, b), spans[i]!.style, fonts, pieces);
    }
    const styleForSpace = pieces.length ? pieces[pieces.length - 1]!.style : spans[0]?.style;
    const space = spaced && styleForSpace ? fonts.width(' ', styleForSpace.face, styleForSpace.size) : 0;
    const hard = newline || (brk.required && pos < full.length);
    if (pieces.length > 0 || hard) words.push({ pieces, width, space, hard });
    last = pos;
  }
  return words;
}

/**
 * Where a word may take a hyphen: the Liang syllables of a word of six letters or more, merged so
 * that at least two letters come before and three after any hyphen, trailing punctuation kept on
 * the last piece. Null when the word may not be broken, as for the part of a compound after its
 * hyphen ("self-" + "determination"). Justified and ragged text both break words here.
 */
function hyphenationPieces(word: Word, prev: Word | undefined): string[] | null {
  if (word.pieces.length !== 1) return null;
  if (prev !== undefined && prev.space === 0 && /[-‐–]$/.test(prev.pieces[prev.pieces.length - 1]?.text ?? '')) return null;
  const m = /^(\p{L}{6,})(\p{P}*)$/u.exec(word.pieces[0]!.text);
  if (!m) return null;
  const parts = [...syllables(m[1]!)]; // a copy: the cache is shared
  while (parts.length > 1 && parts[0]!.length < 2) parts.splice(0, 2, parts[0]! + parts[1]!);
  while (parts.length > 1 && parts[parts.length - 1]!.length < 3) parts.splice(-2, 2, parts[parts.length - 2]! + parts[parts.length - 1]!);
  if (parts.length < 2) return null;
  parts[parts.length - 1] += m[2]!;
  return parts;
}

/** Splits a word so that its head plus a hyphen fits in `room`; null if no hyphenation point fits. */
function hyphenateWord(word: Word, prev: Word | undefined, room: number, fonts: FontSet): [Word, Word] | null {
  const parts = hyphenationPieces(word, prev);
  if (!parts) return null;
  const p = word.pieces[0]!;
  for (let k = parts.length - 1; k >= 1; k--) {
    const head = parts.slice(0, k).join('');
    const hw = fonts.width(head + '-', p.style.face, p.style.size);
    if (hw <= room) {
      const tail = parts.slice(k).join('');
      const tw = fonts.width(tail, p.style.face, p.style.size);
      return [
        { pieces: [{ ...p, text: head + '-', width: hw }], width: hw, space: 0, hard: false },
        { pieces: [{ ...p, text: tail, width: tw }], width: tw, space: word.space, hard: word.hard },
      ];
    }
  }
  return null;
}

/** Breaks a word that is wider than a whole line into chunks that fit (long URLs, tokens). */
function splitOverlong(word: Word, width: number, fonts: FontSet): Word[] {
  const out: Word[] = [];
  let cur: Omit<Piece, 'x'>[] = [];
  let curW = 0;
  for (const p of word.pieces) {
    for (const ch of p.text) {
      const w = fonts.width(ch, p.style.face, p.style.size);
      if (curW + w > width && curW > 0) {
        out.push({ pieces: cur, width: curW, space: 0, hard: false });
        cur = []; curW = 0;
      }
      const prev = cur[cur.length - 1];
      if (prev && prev.style === p.style) { prev.text += ch; prev.width += w; } else cur.push({ text: ch, style: p.style, width: w });
      curW += w;
    }
  }
  out.push({ pieces: cur, width: curW, space: word.space, hard: word.hard });
  return out;
}

/** A piece of a word between two possible breaks (whole words, or syllables of long ones). */
interface Fragment {
  word: number;
  pieces: Omit<Piece, 'x'>[];
  width: number;
  /** Glue after the fragment (0 inside a word or where the text has no space). */
  space: number;
  /** Breaking after this fragment needs a hyphen (it ends a syllable, not a word). */
  hyphen: number;
  hard: boolean;
}

function toFragments(words: Word[], fonts: FontSet, hyphenate: boolean): Fragment[] {
  const out: Fragment[] = [];
  words.forEach((w, wi) => {
    const parts = hyphenate ? hyphenationPieces(w, words[wi - 1]) : null;
    if (!parts) {
      out.push({ word: wi, pieces: w.pieces, width: w.width, space: w.space, hyphen: 0, hard: w.hard });
      return;
    }
    const { style } = w.pieces[0]!;
    const hw = fonts.width('-', style.face, style.size);
    parts.forEach((text, k) => {
      const last = k === parts.length - 1;
      const width = fonts.width(text, style.face, style.size);
      out.push({ word: wi, pieces: [{ text, style, width }], width, space: last ? w.space : 0, hyphen: last ? 0 : hw, hard: last && w.hard });
    });
  });
  return out;
}

/**
 * Chooses line breaks for the whole paragraph at once (total fit, after Knuth and Plass): the
 * sum over lines of (10 + badness)² is minimal, where badness grows with the cube of how much
 * each line's spaces must stretch; hyphenated breaks cost extra. Avoids the loose lines a greedy
 * filler leaves before a long unbreakable word.
 */
function totalFit(frags: Fragment[], width: number): number[] | null {
  const n = frags.length;
  const best = new Array<number>(n + 1).fill(Infinity);
  const from = new Array<number>(n + 1).fill(-1);
  best[0] = 0;
  for (let j = 1; j <= n; j++) {
    let natural = 0;
    let glue = 0;
    for (let i = j - 1; i >= 0; i--) {
      const f = frags[i]!;
      if (i < j - 1) {
        if (f.hard) break;
        natural += f.space;
        glue += f.space;
      }
      natural += f.width;
      if (best[i] === Infinity) continue;
      const end = frags[j - 1]!;
      const lineWidth = natural + end.hyphen;
      if (lineWidth > width && i < j - 1) break;
      const last = j === n || end.hard;
      const slack = Math.max(0, width - lineWidth);
      const ratio = glue > 0 ? slack / glue : slack > 0.5 ? 10 : 0;
      const badness = last ? 0 : Math.min(10000, 100 * ratio ** 3);
      const demerits = best[i]! + (10 + badness) ** 2 + (end.hyphen ? 3000 : 0);
      if (demerits < best[j]!) { best[j] = demerits; from[j] = i; }
    }
  }
  if (best[n] === Infinity) return null;
  const breaks: number[] = [];
  for (let j = n; j > 0; j = from[j]!) breaks.unshift(j);
  return breaks;
}

/** Rebuilds the words of one line from its fragments, re-measuring split words as drawn. */
function lineWords(frags: Fragment[], fonts: FontSet): Word[] {
  const out: Word[] = [];
  for (let k = 0; k < frags.length; ) {
    let e = k;
    while (e + 1 < frags.length && frags[e + 1]!.word === frags[k]!.word) e++;
    const group = frags.slice(k, e + 1);
    const first = group[0]!;
    if (group.length === 1 && first.hyphen === 0) out.push({ pieces: first.pieces, width: first.width, space: first.space, hard: first.hard });
    else {
      // Syllables that stay together are drawn (and so measured) as one word.
      const p = first.pieces[0]!;
      const end = group[group.length - 1]!;
      const text = group.map((g) => g.pieces[0]!.text).join('') + (end.hyphen ? '-' : '');
      const width = fonts.width(text, p.style.face, p.style.size);
      out.push({ pieces: [{ text, style: p.style, width }], width, space: end.space, hard: end.hard });
    }
    k = e + 1;
  }
  return out;
}

/** Lays out spans into lines no wider than `options.width`. */
export function breakLines(spans: readonly Span[], fonts: FontSet, options: BreakOptions): Line[] {
  const queue = toWords(spans, fonts).flatMap((w) => (w.width > options.width ? splitOverlong(w, options.width, fonts) : [w]));
  const lines: Word[][] = [];
  const hardEnd: boolean[] = [];
  const frags = options.justify ? toFragments(queue, fonts, options.hyphenate) : [];
  const breaks = options.justify ? totalFit(frags, options.width) : null;
  if (breaks) {
    let start = 0;
    for (const b of breaks) {
      lines.push(lineWords(frags.slice(start, b), fonts));
      hardEnd.push(frags[b - 1]!.hard || b === frags.length);
      start = b;
    }
  } else {
    // Ragged text: first fit, hyphenating a word that would overflow.
    let cur: Word[] = [];
    let curW = 0;
    const flush = (hard: boolean) => { lines.push(cur); hardEnd.push(hard); cur = []; curW = 0; };
    for (let i = 0; i < queue.length; i++) {
      const w = queue[i]!;
      const gap = cur.length ? cur[cur.length - 1]!.space : 0;
      if (cur.length && curW + gap + w.width > options.width) {
        const split = options.hyphenate ? hyphenateWord(w, queue[i - 1], options.width - curW - gap, fonts) : null;
        if (split) {
          cur.push(split[0]);
          flush(false);
          queue.splice(i + 1, 0, split[1]);
          continue;
        }
        flush(false);
      }
      curW += (cur.length ? cur[cur.length - 1]!.space : 0) + w.width;
      cur.push(w);
      if (w.hard) flush(true);
    }
    if (cur.length) flush(true);
    else if (hardEnd.length) hardEnd[hardEnd.length - 1] = true;
  }

  return lines.map((words, li) => {
    const natural = words.reduce((s, w, k) => s + w.width + (k < words.length - 1 ? w.space : 0), 0);
    const gaps = words.slice(0, -1).filter((w) => w.space > 0).length;
    const isLast = hardEnd[li] || li === lines.length - 1;
    const stretch = options.justify && !isLast && gaps > 0 ? (options.width - natural) / gaps : 0;
    // A line whose spaces would grow to three times their width reads worse justified than
    // ragged (it only happens before a long unbreakable citation or URL).
    const space = words.find((w) => w.space > 0)?.space ?? 0;
    const extra = stretch > 2 * space ? 0 : stretch;
    const pieces: Piece[] = [];
    let x = 0;
    let maxSize = 0;
    let afterSpace = false;
    for (let k = 0; k < words.length; k++) {
      const w = words[k]!;
      for (const p of w.pieces) {
        const prev = pieces[pieces.length - 1];
        // Pieces of one style are drawn as one: within a word always, and across a space when
        // the line is not stretched (advances add up exactly: no pair with a space is kerned).
        if (prev && prev.style === p.style && (!afterSpace || extra <= 0)) {
          prev.text += (afterSpace ? ' ' : '') + p.text;
          prev.width = x + p.width - prev.x;
        } else pieces.push({ ...p, x });
        afterSpace = false;
        x += p.width;
        maxSize = Math.max(maxSize, p.style.size);
      }
      if (k < words.length - 1 && w.space > 0) {
        x += w.space + Math.max(0, extra);
        afterSpace = true;
      }
    }
    if (maxSize === 0) maxSize = spans[0]?.style.size ?? 10;
    const height = maxSize * options.leading;
    // Centre the em box in the line box: descenders (about 0.24 em) stay inside it.
    return { pieces, width: natural, height, baseline: height / 2 + maxSize * 0.26 };
  });
}
