/**
 * Shared part-of-speech tagging: one lazily created wink-nlp instance (its English lite model),
 * used by keyphrases and summaries. Tagging is pure and deterministic; the instance is created on
 * first use so that importing the analyze stage costs nothing.
 */
import winkNLP from 'wink-nlp';
import { leanWinkModel } from './wink-model.js';

/** One token of a text, with UTF-16 offsets into that text. */
export interface TaggedToken {
  start: number;
  end: number;
  /** The token as written. */
  value: string;
  /** Lower-cased value. */
  lower: string;
  /** Universal POS tag from wink-nlp ('NOUN', 'PROPN', 'ADJ', 'VERB', 'PUNCT', …). */
  pos: string;
  /** wink-nlp token type ('word', 'number', 'punctuation', 'symbol', …). */
  type: string;
}

type Nlp = ReturnType<typeof winkNLP>;

/** A POS tagger over one wink-nlp instance. */
export type Tagger = (text: string) => TaggedToken[];

// wink-nlp's lexicon grows as it reads, and how it splits a token with punctuation in it depends on
// whether it has met the pieces before ("U.S." after one document, "U.S" + "." after another). So the
// tagger reads a normalised copy in which no such token is left: dotted abbreviations lose their
// dots, and every other punctuation character stands apart. Letters, digits, inner hyphens and
// apostrophes stay as written; each character of the copy remembers its offset in the original.
const dottedAbbreviation = /(?<![\p{L}\p{N}.])(?:\p{L}\.){2,}(?![\p{L}\p{N}])/gu;
const wordChar = /[\p{L}\p{N}\p{M}]/u;
/** Longest run of word characters handed to the tagger as one token (longer runs are split). */
const maxTokenLength = 64;

/** Punctuation and symbols: every character that is not a letter, digit, mark or white space. */
const punctuation = /[^\p{L}\p{N}\p{M}\s]/gu;
const space = /\s/;

/** The normalised copy of a text and, for each of its positions, the original offset (-1 for added spaces). */
function normaliseForTagger(text: string): { spaced: string; origin: Int32Array } {
  const drop = new Set<number>();
  for (const m of text.matchAll(dottedAbbreviation)) for (let i = 0; i < m[0].length; i++) if (m[0][i] === '.') drop.add(m.index + i);
  const parts: string[] = [];
  const origin = new Int32Array(text.length * 3 + 1);
  let k = 0;
  let from = 0;
  let lastOut = '';
  const copy = (to: number) => {
    if (to <= from) return;
    // No word is longer than maxTokenLength: longer runs are cut with a space, which keeps wink's
    // per-token abbreviation test (/[a-z].*\.$/, quadratic in token length) linear overall.
    let start = from;
    let run = 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 9 || c === 13 || (c > 127 && space.test(text[i]))) run = 0;
      else if (++run > maxTokenLength) {
        parts.push(text.slice(start, i), ' ');
        for (let j = start; j < i; j++) origin[k++] = j;
        origin[k++] = -1;
        start = i;
        run = 1;
      }
    }
    parts.push(text.slice(start, to));
    for (let i = start; i < to; i++) origin[k++] = i;
    lastOut = text[to - 1];
  };
  for (const m of text.matchAll(punctuation)) {
    const i = m.index;
    const c = m[0];
    const inner = (c === '-' || c === "'" || c === '’') && i > 0 && i + 1 < text.length && wordChar.test(text[i - 1]) && wordChar.test(text[i + 1]);
    if (inner) continue;
    copy(i);
    from = i + c.length;
    if (drop.has(i)) continue;
    // Punctuation and symbols: one character, spaces either side.
    if (k > 0 && !space.test(lastOut)) {
      parts.push(' ');
      origin[k++] = -1;
    }
    parts.push(c);
    for (let j = 0; j < c.length; j++) origin[k++] = i + j;
    lastOut = c;
    if (from < text.length && !space.test(text[from])) {
      parts.push(' ');
      origin[k++] = -1;
      lastOut = ' ';
    }
  }
  copy(text.length);
  origin[k] = text.length;
  return { spaced: parts.join(''), origin: origin.subarray(0, k + 1) };
}

/** A tagger over a new wink-nlp instance (its model takes about 0.2 s of CPU to load). */
export function createTagger(): Tagger {
  // Only POS tagging: wink's tagger reads the whole token stream, not its sentences, so its sentence
  // splitter would only cost time (tags are identical without it; sentences come from structure).
  // Negation, sentiment and entities are not used either, so the model is the lean one without them.
  const n: Nlp = winkNLP(leanWinkModel() as Parameters<typeof winkNLP>[0], ['pos']);
  const its = n.its;
  // Lower-cased forms by token value: most tokens recur, and lower-casing a string cut from text
  // outside Latin-1 takes V8's slow path.
  const lowered = new Map<string, string>();
  const lower = (value: string): string => {
    let l = lowered.get(value);
    if (l === undefined) {
      if (lowered.size > 100_000) lowered.clear();
      lowered.set(value, (l = value.toLowerCase()));
    }
    return l;
  };
  return (text: string): TaggedToken[] => {
    const { spaced, origin } = normaliseForTagger(text);
    const tokens = n.readDoc(spaced).tokens();
    const values = tokens.out(its.value) as string[];
    const spaces = tokens.out(its.precedingSpaces) as string[];
    const pos = tokens.out(its.pos) as string[];
    const types = tokens.out(its.type) as string[];
    const out: TaggedToken[] = [];
    let at = 0;
    for (let i = 0; i < values.length; i++) {
      at += spaces[i].length;
      let start = at;
      // Guard against any normalisation by the tokenizer: re-find the token from the cursor.
      if (!spaced.startsWith(values[i], at)) {
        const found = spaced.indexOf(values[i], at);
        if (found < 0) continue;
        start = found;
      }
      const end = start + values[i].length;
      at = end;
      const s = origin[start];
      const e = origin[end - 1] + 1;
      if (s < 0 || e <= s) continue;
      // The token as written (a dotted abbreviation gets its final dot back).
      const value = text.slice(s, e + (text[e] === '.' && /^(?:\p{L}\.)+\p{L}$/u.test(text.slice(s, e)) ? 1 : 0));
      // A number's category is fixed by wherever the lexicon first met it; make it a number always.
      const c = value.charCodeAt(0);
      const number = c >= 48 && c <= 57 && /^\d+(?:[.,]\d+)*$/.test(value);
      out.push({ start: s, end: s + value.length, value, lower: lower(value), pos: number ? 'NUM' : pos[i], type: number ? 'number' : types[i] });
    }
    return out;
  };
}

let shared: Tagger | null = null;

/** Tags a text with the shared tagger (created on first use); offsets are exact UTF-16 offsets into `text`. */
export function tagText(text: string): TaggedToken[] {
  shared ??= createTagger();
  return shared(text);
}
