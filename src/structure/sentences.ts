/**
 * A sentence splitter for clean paragraph text: one left-to-right pass (linear), splitting after
 * `.`, `!`, `?` (and closing quotes or brackets) when the next word starts a sentence — but not
 * after abbreviations (Dr., e.g., et al., U.S. before a name), initials (K. Waltz), decimals (3.5)
 * or inside a number.
 */

/** Abbreviations after which a period does not end a sentence (lower-case, without the final dot). */
const ABBREVIATIONS = new Set([
  'dr', 'mr', 'mrs', 'ms', 'prof', 'sr', 'jr', 'st', 'mt', 'gen', 'col', 'lt', 'capt', 'sgt', 'rev', 'hon', 'gov', 'sen', 'rep', 'pres', 'amb',
  'e.g', 'i.e', 'cf', 'vs', 'etc', 'viz', 'al', 'approx', 'ca', 'c', 'fig', 'figs', 'eq', 'eqs', 'no', 'nos', 'vol', 'vols', 'pp', 'p', 'ch', 'sec', 'art',
  'ed', 'eds', 'inc', 'ltd', 'co', 'corp', 'dept', 'univ', 'est', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'u.s', 'u.k', 'u.n', 'u.s.a', 'e.u', 'ph.d', 'm.phil', 'b.a', 'm.a', 'b.sc', 'm.sc', 'a.m', 'p.m', 'op', 'cit', 'ibid', 'resp', 'ref', 'refs',
]);

/** Abbreviations that can also end a sentence: split when the next word is a usual sentence opener. */
const SENTENCE_FINAL_ABBREVIATIONS = new Set(['etc', 'u.s', 'u.k', 'u.n', 'u.s.a', 'e.u', 'inc', 'ltd', 'co', 'corp', 'a.m', 'p.m', 'al']);

/** Words that typically open a sentence (to decide after "U.S." or "etc."). */
const OPENERS = new Set([
  'the', 'this', 'these', 'that', 'those', 'it', 'its', 'in', 'on', 'at', 'as', 'however', 'moreover', 'furthermore', 'thus', 'therefore', 'but',
  'and', 'a', 'an', 'we', 'they', 'he', 'she', 'there', 'such', 'for', 'while', 'although', 'since', 'after', 'before', 'when', 'if', 'our', 'their',
  'his', 'her', 'both', 'each', 'many', 'some', 'most', 'one', 'two', 'what', 'why', 'how', 'nevertheless', 'meanwhile', 'similarly', 'also',
  'despite', 'following', 'with', 'from', 'by', 'yet', 'consequently', 'additionally', 'finally', 'first', 'second', 'third', 'instead',
]);

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);
const OPENING = new Set(['"', '“', '‘', "'", '(', '[', '«']);

/** Sentence spans `[start, end)` in `text` (trimmed, non-empty). */
export function splitSentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text[i];
    if (c !== '.' && c !== '!' && c !== '?' && c !== '…') { i++; continue; }
    // the end of the terminal run: more punctuation and closing quotes/brackets
    let j = i + 1;
    while (j < n && (text[j] === '.' || text[j] === '!' || text[j] === '?' || text[j] === '…')) j++;
    while (j < n && CLOSERS.has(text[j])) j++;
    if (j >= n) break;
    if (text[j] !== ' ') { i = j; continue; }
    // next word
    let k = j;
    while (k < n && text[k] === ' ') k++;
    if (k >= n) break;
    if (c === '.' && j === i + 1 && !endsSentenceAfterPeriod(text, start, i, k)) { i = j; continue; }
    const next = text[k];
    // "… Al-Qaeda. (Nisar, Amin, & Asghar, 2023)." — a citation that trails the sentence stays with it
    if (next === '(') {
      let close = -1;
      for (let q = k + 1; q < Math.min(n, k + 200); q++) { if (text[q] === ')') { close = q; break; } if (text[q] === '(') break; }
      if (close > 0 && text[close + 1] === '.' && (close + 2 >= n || text[close + 2] === ' ') && /\d{4}/.test(text.slice(k, close))) { i = k; continue; }
    }
    const startsSentence = /[\p{Lu}\p{N}]/u.test(next) || OPENING.has(next) || (next === '-' && text[k + 1] === ' ');
    if (!startsSentence) { i = j; continue; }
    pushTrimmed(out, text, start, j);
    start = k;
    i = k;
  }
  pushTrimmed(out, text, start, n);
  return mergeCitationFragments(out, text);
}

/**
 * "Farhan et al, (2024)", "(Ullah et al, 2023)", "See for instance, Khan et al, (2024)." after a
 * sentence. Case-sensitive on purpose: with the `i` flag `\p{Lu}` matches any letter, and "This
 * describes the situation best, Syed et al, (2021)." read as a list of author names.
 */
const CITATION_ONLY = /^(?:[Ss]ee(?: for (?:instance|example)| also)?,?\s+)?(?:\((?:[^()]{0,120}?\b(?:1[6-9]|20)\d\d[a-z]?)\)|\p{Lu}[\p{L}'’.-]{0,40}(?:(?:\s+|,\s*)(?:[Ee]t\s+al\.?|and|&|\p{Lu}[\p{L}'’.-]{0,40}|\p{Lu}\.))*,?\s*\((?:1[6-9]|20)\d\d[a-z]?\))[.;]?$/u;

/** A citation printed after the full stop belongs to the sentence before it. */
function mergeCitationFragments(spans: { start: number; end: number }[], text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    if (prev && s.end - s.start <= 160 && CITATION_ONLY.test(text.slice(s.start, s.end))) {
      prev.end = s.end;
      continue;
    }
    out.push({ ...s });
  }
  return out;
}

function pushTrimmed(out: { start: number; end: number }[], text: string, a: number, b: number): void {
  while (a < b && text[a] === ' ') a++;
  while (b > a && text[b - 1] === ' ') b--;
  if (b > a) out.push({ start: a, end: b });
}

/** Decide whether the period at `dot` ends a sentence; `next` is where the following word starts. */
function endsSentenceAfterPeriod(text: string, sentenceStart: number, dot: number, next: number): boolean {
  // the token before the dot, including inner dots ("U.S", "e.g")
  let a = dot;
  while (a > sentenceStart && /[\p{L}\p{N}.]/u.test(text[a - 1])) a--;
  const token = text.slice(a, dot);
  if (!token) return true;
  const lower = token.toLowerCase();
  const nextWord = /^[\p{L}\p{N}'’]+/u.exec(text.slice(next, next + 40))?.[0] ?? '';
  // single letter: an initial ("K. Waltz") unless it is a lone pronoun-like word ("I.") at a real end
  if (/^\p{Lu}$/u.test(token)) return false;
  // inner-dot tokens: U.S, e.g, i.e, Ph.D
  if (ABBREVIATIONS.has(lower) || /^(\p{L}\.)+\p{L}$/u.test(token)) {
    const final = SENTENCE_FINAL_ABBREVIATIONS.has(lower) || /^(\p{Lu}\.)+\p{Lu}$/u.test(token);
    if (!final) return false;
    return OPENERS.has(nextWord.toLowerCase()) && /^\p{Lu}/u.test(nextWord);
  }
  // "et al. (2020)" handled by the caller: "(" is an opener, so check it here
  if (lower === 'al' && text[next] === '(') return false;
  // a number followed by a period and a lower-case word is not an end (caller requires upper case anyway)
  return true;
}
