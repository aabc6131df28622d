/**
 * Glossary: acronym definitions and defined key concepts.
 *
 * Acronyms follow Schwartz & Hearst (2003), "A simple algorithm for identifying abbreviation
 * definitions in biomedical text": a short-form candidate sits in parentheses after its long form
 * ("Tehrik-i-Taliban Pakistan (TTP)") or the long form sits in parentheses after the short form
 * ("TTP (Tehrik-i-Taliban Pakistan)"). The long form is searched for right to left among the
 * min(|SF| + 5, 2·|SF|) words before the parenthesis: every letter or digit of the short form must be
 * matched, in order, and its first character must start a word of the long form. Spelling
 * variants of one short form ("Tehrik-i-Taliban" / "Tehreek-e-Taliban") are kept as variants.
 */
import type { ExtractedTerm, StructuredSource } from '../model/document.js';
import { bodyParagraphs, bodySentences, textOf } from './body-text.js';
import { tagText } from './text/nlp.js';

/** A glossary term with the way it was found. */
export interface FoundTerm extends ExtractedTerm {
  kind: 'acronym' | 'concept';
}

// The first letter of a short form is not matched on a function word: "Organization of Islamic
// Cooperation (OIC)" starts at "Organization", not at "of".
const functionWord = /^(?:of|and|the|for|in|on|to|by|with|from|at)\s/;
const isAlnum = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);

/**
 * Schwartz & Hearst's `findBestLongForm`: the shortest suffix of `candidate` whose characters match
 * the short form right to left, or null when there is none.
 */
export function bestLongForm(shortForm: string, candidate: string): string | null {
  let s = shortForm.length - 1;
  let l = candidate.length - 1;
  const sf = shortForm.toLowerCase();
  const lf = candidate.toLowerCase();
  while (s >= 0) {
    const c = sf[s];
    if (!isAlnum(c)) {
      s--;
      continue;
    }
    // Move left in the long form until the character matches; the short form's first character
    // must also be at the start of a word.
    while (l >= 0 && (lf[l] !== c || (s === 0 && (isAlnum(lf[l - 1]) || functionWord.test(lf.slice(l)))))) l--;
    if (l < 0) return null;
    l--;
    s--;
  }
  const start = candidate.lastIndexOf(' ', l) + 1;
  return candidate.slice(nameStart(candidate, start, shortForm));
}

/** Small words inside a proper name ("Organisation des Nations unies", "Bank of England"). */
const nameParticle = /^(?:of|the|for|and|de|des|du|la|le|les|del|di|da|von|van)$/;
const capitalised = (w: string) => /^\p{Lu}/u.test(w) && !/['’]s$/.test(w) && !nameParticle.test(w.toLowerCase());

/**
 * Where a long form starts when its first letter fell inside a name: "Organisation des Nations
 * unies pour l'éducation, la science et la culture (UNESCO)" matches the letters of UNESCO from
 * "unies" on, which is a fragment of the name, not its definition. A lower-case start right after
 * a name of two capitalised words or more (not a possessive, not one capital that may just open
 * the sentence) goes back to the first capital of the name.
 */
function nameStart(candidate: string, start: number, shortForm: string): number {
  if (!/^\p{Lu}/u.test(shortForm) || !/^\p{Ll}/u.test(candidate.slice(start))) return start;
  const before = candidate.slice(0, start).split(/(?<=\s)/);
  const words = before.map((w) => w.trim());
  if (!words.length || !capitalised(words[words.length - 1])) return start;
  let k = words.length - 1;
  let first = k;
  let capitals = 0;
  while (k >= 0 && words[k] && !/\n\s*\n/.test(before[k]) && (capitalised(words[k]) || nameParticle.test(words[k]))) {
    if (capitalised(words[k])) {
      first = k;
      capitals++;
    }
    k--;
  }
  return capitals >= 2 ? before.slice(0, first).join('').length : start;
}

/** A plausible short form: 2–10 characters, one word (dots and hyphens allowed), at least one capital, starting alphanumeric. */
export function isShortForm(sf: string): boolean {
  if (sf.length < 2 || sf.length > 10) return false;
  // "A,B" lists two things; a short form is one word ('U.S', 'R&D', 'ISIS-K').
  if (!/^[\p{L}\p{N}]/u.test(sf) || /[\s,;]/.test(sf)) return false;
  if (!/\p{Lu}/u.test(sf)) return false;
  if (/^\d+$/.test(sf) || /\b(?:1[5-9]|20)\d\d\b/.test(sf)) return false;
  // Mostly capitals: "TTP", "U.S", "WoT", "Quad" (capital first, short), not ordinary words ("Ed", "Bangladesh").
  const caps = (sf.match(/\p{Lu}/gu) ?? []).length;
  const letters = (sf.match(/\p{L}/gu) ?? []).length;
  return caps >= 2 || (letters <= 4 && /^\p{Lu}/u.test(sf));
}

/** Words of a long form, split as Schwartz & Hearst count them. */
const wordsOf = (s: string) => s.split(/\s+/).filter(Boolean);

/** Check a matched long form: longer than the short form, not containing it, and not a run of stop words. */
function validLongForm(sf: string, lf: string): boolean {
  if (lf.length <= sf.length) return false;
  const words = wordsOf(lf);
  if (words.length > Math.min(sf.replace(/[^\p{L}\p{N}]/gu, '').length + 5, sf.replace(/[^\p{L}\p{N}]/gu, '').length * 2)) return false;
  if (words.some((w) => w.replace(/[^\p{L}\p{N}.]/gu, '') === sf)) return false;
  if (!/^\p{L}/u.test(lf)) return false;
  // A long form that ends mid-word ("…China's") or starts with a function word is no definition.
  if (/^(?:and|or|of|the|in|on|for|to|a|an|by|with|from)\s/i.test(lf)) return false;
  return true;
}

const asciiLetterOrDigit = /[A-Za-z0-9]/;
const letterOrDigit = /^[\p{L}\p{N}]$/u;

/**
 * The word ending a text, before any trailing white space: letters, digits, dots, ampersands and
 * hyphens, from its first letter or digit ("U.S.", "R&D"). The same as
 * `/([\p{L}\p{N}][\p{L}\p{N}.&-]*)\s*$/u.exec(text)` (group and index), read backwards from the end
 * instead of retried at every position of a long text.
 */
export function lastWordOf(text: string): { word: string; index: number } | null {
  // trimEnd removes exactly the characters of \s (white space and line terminators).
  const end = text.trimEnd().length;
  let first = -1;
  let k = end;
  while (k > 0) {
    const c = text.charCodeAt(k - 1);
    let size = 1;
    // A letter outside the BMP is a surrogate pair, one code point for the u-flag class.
    if (c >= 0xdc00 && c <= 0xdfff && k >= 2) {
      const h = text.charCodeAt(k - 2);
      if (h >= 0xd800 && h <= 0xdbff) size = 2;
    }
    const ch = text.slice(k - size, k);
    const word = c < 128 ? asciiLetterOrDigit.test(ch) : letterOrDigit.test(ch);
    if (!word && ch !== '.' && ch !== '&' && ch !== '-') break;
    k -= size;
    if (word) first = k;
  }
  return first < 0 ? null : { word: text.slice(first, end), index: first };
}

/** How far before a parenthesis (UTF-16 units) a long form is sought. */
const lookBehind = 1000;

/** Definitions of one short form in one sentence span, both orders. */
function acronymsIn(text: string, offset: number): FoundTerm[] {
  const out: FoundTerm[] = [];
  const re = /\(([^()]{1,120})\)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const inner = m[1].trim();
    // Only the text just before the parenthesis can hold its long form (at most 15 words); a bounded
    // window keeps this linear in the sentence length.
    const from = Math.max(0, m.index - lookBehind);
    const before = text.slice(from, m.index);
    // Order 1: long form (SF). Allow a missing space ("Organization(SCO)").
    if (isShortForm(inner)) {
      const sfs = [inner];
      // "ISIS-K", "CASA-1000": try the part before a hyphenated suffix too.
      const dash = /^([\p{Lu}.]{2,})[-–][\p{L}\p{N}]+$/u.exec(inner);
      if (dash) sfs.push(dash[1]);
      for (const sf of sfs) {
        const n = sf.replace(/[^\p{L}\p{N}]/gu, '').length;
        const maxWords = Math.min(n + 5, n * 2);
        const tail = before.replace(/\s+$/, '');
        const clause = tail.slice(Math.max(tail.lastIndexOf(';'), tail.lastIndexOf(':'), tail.lastIndexOf('('), tail.lastIndexOf(')')) + 1);
        const words = wordsOf(clause);
        const cand = words.slice(Math.max(0, words.length - maxWords)).join(' ').replace(/^[^\p{L}\p{N}]+/u, '');
        const lf = bestLongForm(sf, cand);
        if (lf && validLongForm(sf, lf)) {
          const clean = lf.replace(/['’]s$/, '').replace(/[,.;:]+$/, '').replace(/\s+/g, ' ').trim();
          const starts = [...tail.matchAll(/\S+/g)].map((w) => w.index ?? 0);
          const k = wordsOf(lf).length;
          const start = offset + (starts.length >= k ? from + starts[starts.length - k] + (wordsOf(tail.slice(starts[starts.length - k]))[0].length - wordsOf(lf)[0].length) : m.index);
          out.push({ kind: 'acronym', term: inner, definition: clean, start, end: offset + m.index + m[0].length });
          break;
        }
      }
      continue;
    }
    // Order 2: SF (long form): the word before the parenthesis is the short form.
    const prev = lastWordOf(before);
    if (prev && isShortForm(prev.word) && wordsOf(inner.replace(/[-–]/g, ' ')).length >= 2 && !/\d{4}/.test(inner)) {
      const sf = prev.word;
      const lf = bestLongForm(sf, inner.replace(/[-–]/g, ' '));
      // The whole parenthesis must be the long form, starting with the short form's first letter.
      if (lf && lf.length >= inner.length - 1 && inner[0].toLowerCase() === sf[0].toLowerCase() && validLongForm(sf, inner)) {
        out.push({ kind: 'acronym', term: sf, definition: inner.replace(/[,.;:]+$/, '').replace(/\s+/g, ' '), start: offset + from + prev.index, end: offset + m.index + m[0].length });
      }
    }
  }
  return out;
}

// "X refers to …", "X is defined as …", "X means …", "the term X …".
const conceptPatterns: RegExp[] = [
  /(?:^|[.;:]\s+|,\s+)(?:the\s+(?:term|concept|notion|idea)\s+(?:of\s+)?)?[“"‘']?([\p{Lu}\p{Ll}][\p{L}\p{N}' -]{2,60}?)[”"’']?\s*(?:\([^)]*\)\s*)?,?\s+refers\s+to\s+([^.;]{10,300})/gu,
  /(?:^|[.;:]\s+|,\s+)(?:the\s+(?:term|concept|notion|idea)\s+(?:of\s+)?)?[“"‘']?([\p{Lu}\p{Ll}][\p{L}\p{N}' -]{2,60}?)[”"’']?\s*(?:\([^)]*\)\s*)?,?\s+(?:is|are|can\s+be|may\s+be|has\s+been|have\s+been)\s+(?:broadly\s+|generally\s+|commonly\s+|often\s+|here\s+|best\s+)?(?:defined|understood|described)\s+as\s+([^.;]{10,300})/gu,
  /(?:^|[.;:]\s+)the\s+(?:term|concept|notion)\s+(?:of\s+)?[“"‘']?([\p{L}][\p{L}\p{N}' -]{2,60}?)[”"’']?\s+(?:means|denotes|describes|signifies)\s+([^.;]{10,300})/giu,
];
// The defining words each pattern cannot match without (same flags), tested first: most sentences
// define nothing, and the patterns are costly (V8 takes tens of milliseconds to compile each for
// text outside Latin-1, as most papers are, and they may start at every comma).
const conceptCues: RegExp[] = [/refers\s+to\s/u, /(?:defined|understood|described)\s+as\s/u, /(?:means|denotes|describes|signifies)\s/iu];
const determiner = /^(?:the|a|an|this|that|these|those|such)\s+/i;

/**
 * "Structural realism, commonly known as neorealism", "the September 11 attacks of 2001, also known
 * as 9/11", "2,600 kilometres of border known as the Durand Line": the name after "known as" is
 * defined by the noun phrase just before it, back to the nearest comma or word that starts a phrase
 * ("with", "following", a verb of being).
 */
const knownAs = /,?\s+(?:(?:also|commonly|widely|popularly|often|generally|better|locally|sometimes)\s+)?(?:known|referred\s+to)\s+as\s+(?:the\s+)?[“"‘']?([\p{L}\p{N}][\p{L}\p{N}/'’ -]{1,50}?)[”"’']?(?=\s*(?:[,;.:)]|$|\s(?:is|was|are|were|has|had|and|which|that|marked|forms?|formed)\b))/gu;
/** Where the noun phrase before "known as" starts: after the last of these. */
const phraseStart = /(?:[,;:()]|\b(?:with|is|was|are|were|as|that|which|by|from|following|after|before|during|since|between|into|on|at|for)\s)(?!.*(?:[,;:()]|\b(?:with|is|was|are|were|as|that|which|by|from|following|after|before|during|since|between|into|on|at|for)\s))/su;

/** Parts of speech a noun phrase is made of ("more than 2600 kilometers of border", "the September 11 attacks of 2001"). */
const nounPhrasePos = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'DET', 'PART']);

/**
 * The noun phrase that ends a text: back from its end over nouns, names, adjectives, numbers and
 * "of", to the verb or clause word before them ("The two countries share more than 2600 kilometers
 * of border" → "more than 2600 kilometers of border"). Only the few sentences that say "known as"
 * are tagged.
 */
function nounPhraseEnding(text: string): string {
  const tokens = tagText(text);
  let k = tokens.length;
  while (k > 0) {
    const t = tokens[k - 1];
    const comparative = t.lower === 'than' && k >= 2 && /^(?:more|less|fewer)$/.test(tokens[k - 2].lower);
    if (!nounPhrasePos.has(t.pos) && t.lower !== 'of' && t.value !== '-' && !comparative) break;
    k--;
  }
  // The phrase starts at a word that can start one: not "of" nor a determiner other than "the".
  while (k < tokens.length && (tokens[k].lower === 'of' || (tokens[k].pos === 'DET' && tokens[k].lower !== 'the'))) k++;
  return k < tokens.length ? text.slice(tokens[k].start) : text;
}

/**
 * A copular definition: a term of at most five words, alone as the subject, then "is a/an" and a
 * class noun that a relative clause, "of", "for", "in" or "used" narrows ("Strategic depth is a
 * doctrine that …", "Hedging is a strategy of …"). An adjective before the noun makes it a judgement
 * ("ISKP is an increasing threat", "Regional connectivity is a crucial area"), not a definition.
 */
const copular = /^(?:[Tt]he\s+(?:term|concept|notion|idea)\s+(?:of\s+)?)?[“"‘']?((?!(?:[Tt]his|[Tt]hat|[Ii]t|[Tt]here|[Ss]uch|[Tt]hese|[Tt]hose|[Hh]e|[Ss]he|[Tt]hey|[Ww]e|[Oo]ne|[Ee]ach|[Ww]hich|[Aa]nother|[Ss]ome|[Aa]ny|[Aa]ll|[Bb]oth|[Mm]ost|[Mm]any|[Ee]very|[Nn]o|[Oo]ther)\b)\p{L}[\p{L}\p{N}'’-]*(?:\s+[\p{L}\p{N}'’-]+){0,4}?)[”"’']?\s+(?:is|are|refers\s+to)\s+(an?\s+(?!(?:\p{L}+(?:ing|ful|ive|ous|ant|ent|al|ic|ible|able|est|er))\s)\p{Ll}+(?:\s+\p{Ll}+)?\s+(?:that|which|who|whose|where|of|for|in|used|designed|aimed|by|to)\s[^.;]{10,240})/u;

/**
 * Whether a phrase can be a glossary term: at most five words, none a word that joins clauses
 * ("that", "because"), and not led by a word in capitals that is no acronym ("RECOGNISING that …",
 * the opening of a preamble clause).
 */
function isTermLike(term: string): boolean {
  const words = term.split(/\s+/);
  if (words.length > 5 || words.some((w) => /^(?:that|which|because|why|how|what|when|if|whether|while|although|since)$/i.test(w))) return false;
  return !(/^\p{Lu}{6,}$/u.test(words[0]) && words.length > 1);
}

/** Concept definitions in one sentence span. */
function conceptsIn(text: string, offset: number): FoundTerm[] {
  const out: FoundTerm[] = [];
  if (/known\s+as|referred\s+to\s+as/.test(text)) {
    knownAs.lastIndex = 0;
    for (let m = knownAs.exec(text); m; m = knownAs.exec(text)) {
      const before = text.slice(Math.max(0, m.index - 120), m.index);
      const cut = phraseStart.exec(before);
      const np = nounPhraseEnding((cut ? before.slice(cut.index + cut[0].length) : before).replace(/^\s*(?:the\s+)?/i, (x) => (/the/i.test(x) ? 'the ' : '')));
      const definition = np.trim().replace(/\s+/g, ' ');
      const term = m[1].trim().replace(/\s+/g, ' ');
      // A pronoun or a clause is no definition; the name must be short.
      if (/^(?:it|this|that|they|which|what|who)$/i.test(definition) || definition.split(' ').length > 10 || !isTermLike(term)) continue;
      // "why AI systems are (known as …)": a clause, not a noun phrase.
      if (/^(?:why|how|what|when|where|whether|if)\b|\b(?:is|are|was|were|be|been)$/i.test(definition)) continue;
      if ((definition.match(/\p{L}{3,}/gu) ?? []).length < 2 || !/[\p{Lu}\p{N}]/u.test(term + definition)) continue;
      const start = m.index - np.trimStart().length;
      out.push({ kind: 'concept', term, definition, start: offset + start, end: offset + m.index + m[0].length });
    }
  }
  const c = copular.exec(text.trimStart());
  if (c) {
    const lead = text.length - text.trimStart().length;
    const term = c[1].trim().replace(determiner, '');
    // A proper name as subject ("Afghanistan is a land …") describes a place or a body, not a concept.
    const proper = /^\p{Lu}\p{Ll}+$/u.test(term) && !/^\p{Lu}\p{Ll}+(?:ism|ity|ness|tion|sion|ment|cy|ing|ance|ence|ship|hood|logy|ics)$/u.test(term);
    if (!proper && isTermLike(term) && !/\b(?:is|are|was|were|has|have|had|not)\b/i.test(term)) out.push({ kind: 'concept', term, definition: c[2].trim().replace(/\s+/g, ' '), start: offset + lead + text.trimStart().indexOf(c[1]), end: offset + lead + c[0].length });
  }
  for (const [k, re] of conceptPatterns.entries()) {
    if (!conceptCues[k].test(text)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      let term = m[1].trim().replace(determiner, '');
      // A pronoun or a long clause is no term.
      if (/^(?:it|this|that|they|which|who|he|she|there)$/i.test(term) || term.split(/\s+/).length > 6) continue;
      if (/\b(?:is|are|was|were|has|have|had)\b/i.test(term)) continue;
      term = term.replace(/^[“"‘']|[”"’']$/g, '').replace(/^(?:term|concept|notion|idea)\s+(?:of\s+)?/i, '');
      // "… is defined as follows: f(x) = …" and formulas define nothing a reader can use in a glossary.
      const definition = m[2].trim().replace(/\s+/g, ' ');
      if (/^follows\b/i.test(definition) || (definition.match(/\p{L}{3,}/gu) ?? []).length < 3) continue;
      const at = m.index + m[0].indexOf(m[1]);
      out.push({ kind: 'concept', term, definition, start: offset + at, end: offset + m.index + m[0].length });
    }
  }
  return out;
}

/** Glossary terms of one source, in document order (acronyms first at equal offsets). */
export function findTerms(doc: StructuredSource): FoundTerm[] {
  const text = doc.source.text;
  const out: FoundTerm[] = [];
  // Acronyms are read per paragraph, so a sentence split inside "(U.S.)" cannot hide one.
  for (const p of bodyParagraphs(doc)) out.push(...acronymsIn(textOf(doc, p), p.start));
  for (const s of bodySentences(doc)) out.push(...conceptsIn(text.slice(s.start, s.end), s.start));
  return out.sort((a, b) => a.start - b.start || a.end - b.end || a.term.localeCompare(b.term));
}

/** Normalised key of a short form: "U.S" and "US" are one acronym. */
export function acronymKey(term: string): string {
  return term.replace(/[.\s]/g, '').toUpperCase();
}
