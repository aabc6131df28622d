/**
 * Keyphrase candidates of one source and their per-source features. Candidates are noun phrases
 * found by part of speech (adjective/noun runs ending in a noun, as in TopicRank and PositionRank),
 * keyed by their Porter-stemmed words so that "Ramsey graphs" and "Ramsey graph" are one candidate.
 * Before chunking, written compounds are joined back ("client-server") and verb tags that the
 * syntax rules out are corrected (keyphrase-retag.ts); markup left from HTML never joins a phrase.
 * A phrase the text abbreviates ("support vector machines (SVMs)") is flagged, and its acronym's
 * mentions count as its own. Only per-source statistics are computed here, so the analysis of a source stays cacheable; the
 * ranking that needs the whole corpus (IDF) is `rankKeyphrases` in rank-keyphrases.ts.
 */
import type { CandidateFeatures, CandidateStats, StructuredSource } from '../model/document.js';
import { retagNouns } from './keyphrase-retag.js';
import { sentenceTokens } from './text/doc-tokens.js';
import type { TaggedToken } from './text/nlp.js';
import { tagText } from './text/nlp.js';
import { stemPhrase, stemWord, wordsOf } from './text/stem.js';
import { genericWords, isStopWord } from './text/stopwords.js';

/** Longest candidate, in words. */
export const maxPhraseWords = 4;

// A word: letters, digits and inner hyphens, en dashes (joined compounds) and apostrophes, with at
// least one letter ("3D", "IPv6", "US–Pakistan").
const wordLike = /^(?=[\p{N}-]*\p{L})[\p{L}\p{N}][\p{L}\p{N}'’–-]*$/u;
const nounTags = new Set(['NOUN', 'PROPN']);

/** Can the token be part of a noun phrase? */
function isPhraseToken(t: TaggedToken): boolean {
  if (!wordLike.test(t.value) || t.value.length < 2) return false;
  if (isStopWord(t.lower)) return false;
  if (nounTags.has(t.pos) || t.pos === 'ADJ') return true;
  // Participles as modifiers ("distributed systems", "learning rate") are tagged VERB by the model.
  return t.pos === 'VERB' && /(?:ed|ing)$/.test(t.lower);
}

/**
 * Display form of tokens[k]: as written for acronyms and mixed case ("TCP", "IPv6") and for a
 * capitalised word inside a sentence, which English capitalises only as a name ("United States",
 * "Shanghai Cooperation Organization", "Cold War"); else lower case (a capital at the start of a
 * sentence says nothing about the word).
 */
function displayWord(tokens: readonly TaggedToken[], k: number): string {
  const t = tokens[k];
  if (/\p{Lu}/u.test(t.value.slice(1))) return t.value;
  if (/^\p{Lu}/u.test(t.value)) {
    for (let i = 0; i < k; i++) if (tokens[i].type !== 'punctuation') return t.value;
  }
  return t.lower;
}

/** A stop word as a piece of a compound: "us", "it", but not "US" or "IT". */
function isStopPiece(t: TaggedToken): boolean {
  return isStopWord(t.lower) && !/^\p{Lu}{2,}$/u.test(t.value);
}

/** Marks that join the words of a compound when they touch both: hyphens, and the en dash of "US–Pakistan relations". */
const joiner = new Set(['-', '‐', '–']);
const alnum = /^[\p{L}\p{N}]/u;
const alnumEnd = /[\p{L}\p{N}]$/u;

/**
 * The tagger splits written compounds ("client-server", "meta-reasoning", "3D"); joins them back
 * into one token when the pieces touch (no space between), so a compound is one word of a phrase,
 * as the evaluation protocol's hyphen-splitting stemmer expects. The joined token takes the part
 * of speech of its last piece (the head of the compound); a digit-only piece never ends one.
 */
function joinCompounds(tokens: TaggedToken[]): TaggedToken[] {
  const out: TaggedToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let j = i;
    // Extend over "-" + word, or a directly touching word ("3" "D"); never from a stop word, but
    // from an acronym written like one ("US-Pakistan relations", "IT-enabled"): its capitals say
    // it is not the pronoun. Alone, "US" stays a stop word, as common as the corpus's subject.
    if (isStopPiece(tokens[i])) {
      out.push(tokens[i]);
      continue;
    }
    for (;;) {
      const a = tokens[j];
      const h = tokens[j + 1];
      const b = tokens[j + 2];
      if (h && h.start === a.end && joiner.has(h.value) && b && b.start === h.end && alnumEnd.test(a.value) && alnum.test(b.value)) j += 2;
      else if (h && h.start === a.end && alnumEnd.test(a.value) && alnum.test(h.value) && h.type !== 'punctuation' && !isStopWord(h.lower)) j += 1;
      else break;
    }
    // A compound may hold a stop word inside ("peer-to-peer"), not at its end.
    while (j > i && isStopPiece(tokens[j])) j -= joiner.has(tokens[j - 1].value) ? 2 : 1;
    if (j === i) {
      out.push(tokens[i]);
      continue;
    }
    const first = tokens[i];
    const last = tokens[j];
    const value = tokens.slice(i, j + 1).map((t) => t.value).join('');
    const number = /^[\p{N}.,-]+$/u.test(value);
    out.push({ start: first.start, end: last.end, value, lower: value.toLowerCase(), pos: number ? 'NUM' : last.pos === 'NUM' ? first.pos : last.pos, type: number ? 'number' : 'word' });
    i = j;
  }
  return out;
}

/**
 * Is tokens[i] a piece of markup left in a text converted from HTML or XML: a tag name right after
 * "<" or "</" ("<A href=…>"), an attribute name right before "=" ("href=", "class="), or the name of
 * an escaped tag or entity ("&lt;TABLE&gt;")?
 */
function isMarkup(tokens: TaggedToken[], i: number): boolean {
  const t = tokens[i];
  const touching = (a: TaggedToken | undefined, b: TaggedToken | undefined) => a !== undefined && b !== undefined && a.end === b.start;
  const at = (k: number) => tokens[k];
  if (touching(t, at(i + 1)) && at(i + 1).value === '=') return true;
  // "<A", "</A"
  if (touching(at(i - 1), t) && (at(i - 1).value === '<' || (at(i - 1).value === '/' && touching(at(i - 2), at(i - 1)) && at(i - 2).value === '<'))) return true;
  // "&lt;TABLE", "&lt;/TABLE"
  const semi = touching(at(i - 1), t) && at(i - 1).value === ';' ? i - 1 : touching(at(i - 1), t) && at(i - 1).value === '/' && at(i - 2)?.value === ';' ? i - 2 : -1;
  return semi > 0 && at(semi - 1)?.lower === 'lt';
}

/** Maximal noun-phrase chunks of a token list: index ranges [from, to). */
function chunksOf(tokens: TaggedToken[]): [number, number][] {
  const out: [number, number][] = [];
  let from = -1;
  for (let i = 0; i <= tokens.length; i++) {
    let ok = i < tokens.length && isPhraseToken(tokens[i]);
    // A past participle right after a noun or pronoun is a verb ("Pakistan enjoyed …"), not a
    // modifier; a gerund there usually heads a compound ("data mining").
    if (ok && tokens[i].pos === 'VERB' && /ed$/.test(tokens[i].lower) && i > 0 && (nounTags.has(tokens[i - 1].pos) || tokens[i - 1].pos === 'PRON')) ok = false;
    if (ok && isMarkup(tokens, i)) ok = false;
    if (ok && from < 0) from = i;
    if (!ok && from >= 0) {
      out.push([from, i]);
      from = -1;
    }
  }
  return out;
}

/**
 * Is every number in tokens[i..j) the last part of a written name ("MPEG-7", "IEEE-802")? Not when
 * the number goes on past the token ("post-9" of "post-9/11", "v-1" of "v-1.2") or opens it.
 */
function numberedName(tokens: TaggedToken[], i: number, j: number): boolean {
  for (let k = i; k < j; k++) {
    const parts = wordsOf(tokens[k].value);
    if (!parts.some((p) => /^\d+$/.test(p))) continue;
    if (/^\d/.test(parts[0]) || !/^\d+$/.test(parts[parts.length - 1]) || parts.slice(0, -1).some((p) => /^\d+$/.test(p))) return false;
    const next = tokens[k + 1];
    if (next && next.start === tokens[k].end) return false;
  }
  return true;
}

/** Is tokens[i..j) an acceptable candidate: ends in a noun, with no generic adjective first and no lone generic word? */
function isCandidate(tokens: TaggedToken[], i: number, j: number): boolean {
  const last = tokens[j - 1];
  // Gerunds close a phrase too ("machine learning", "data mining"), though tagged VERB, and stand
  // as terms alone ("bootstrapping", "clustering").
  const gerund = last.pos === 'VERB' && /ing$/.test(last.lower);
  if (!nounTags.has(last.pos) && !gerund) return false;
  // A single generic word is never a term. A generic head after a specific modifier may be one
  // ("response time", "clustering method"); the ranking demotes it (`genericHead`). A generic noun
  // may modify a head ("type theory", "table detection"); a generic adjective may not open a
  // phrase ("new method", "different kinds").
  if (genericWords.has(last.lower) && (j - i === 1 || genericWords.has(tokens[j - 2].lower))) return false;
  if (genericWords.has(tokens[i].lower) && !nounTags.has(tokens[i].pos)) return false;
  // A single word must be a real term: at least three letters, or a two-character acronym ("IR", "3G").
  if (j - i === 1 && last.value.length < 3 && !/^(?=.*\p{L})[\p{Lu}\p{N}]{2}$/u.test(last.value)) return false;
  return true;
}

/** The stemmed key of tokens[i..j): hyphenated words split, as the evaluation protocol does. */
function keyOf(tokens: TaggedToken[], i: number, j: number): string {
  const parts: string[] = [];
  for (let k = i; k < j; k++) for (const w of wordsOf(tokens[k].lower)) parts.push(stemWord(w));
  return parts.join(' ');
}

/** Every candidate n-gram of a short text (the title, headings): stemmed key → written form. */
function keysOfText(text: string): Map<string, { form: string; head: boolean }> {
  const keys = new Map<string, { form: string; head: boolean }>();
  const tokens = retagNouns(joinCompounds(tagText(text)));
  for (const [from, to] of chunksOf(tokens)) {
    for (let i = from; i < to; i++) {
      for (let j = i + 1; j <= Math.min(to, i + maxPhraseWords); j++) {
        if (!isCandidate(tokens, i, j)) continue;
        const key = keyOf(tokens, i, j);
        if (!keys.has(key)) keys.set(key, { form: tokens.slice(i, j).map((_, k) => displayWord(tokens, i + k)).join(' '), head: j === to });
      }
    }
  }
  return keys;
}

/**
 * Is tokens[i..j) spelled out by the acronym in parentheses right after it ("self-organizing map
 * (SOM)", "network address translation (NAT)")? As in Schwartz & Hearst's acronym finder, the
 * definition is a strong sign that the phrase is a term of the source. The letters of the acronym must be the initials of the words, or of their hyphen-separated parts.
 */
function definedByAcronym(tokens: TaggedToken[], i: number, j: number): boolean {
  if (j - i < 2 || tokens[j]?.value !== '(' || tokens[j + 2]?.value !== ')') return false;
  const acr = tokens[j + 1].value;
  if (!/^\p{Lu}[\p{L}\p{N}]*\p{Lu}s?$/u.test(acr)) return false;
  const letters = acr.replace(/s$/, '').toLowerCase();
  const words = tokens.slice(i, j).map((t) => t.lower);
  const initials = words.map((w) => w[0]).join('');
  const partInitials = words.flatMap((w) => wordsOf(w)).map((w) => w[0]).join('');
  return letters === initials || letters === partInitials;
}

/** Sentences that may yield candidates: not references or notes. */
function eligibleSentences(doc: StructuredSource): boolean[] {
  const skipKinds = new Set(['references', 'notes']);
  return doc.sentences.map((s) => !(s.section >= 0 && skipKinds.has(doc.sections[s.section]?.kind)) && s.duplicateOf === undefined);
}

/** Where the lead of the source ends (abstract or, failing that, its first 10% / 400 words). */
function leadEnd(doc: StructuredSource, tokenStarts: number[]): number {
  const abs = doc.sections.findIndex((s) => s.kind === 'abstract');
  if (abs >= 0) {
    const idx = doc.sentences.findIndex((s) => s.section > abs);
    if (idx > 0) return tokenStarts[idx];
  }
  const total = tokenStarts[tokenStarts.length - 1] ?? 0;
  return Math.max(400, Math.round(total * 0.1));
}

/**
 * Collects the candidates of one source with their features: frequency, first and last position
 * (relative, 0..1), position weight (sum of 1/(1+offset in words)), sections touched, occurrences
 * in the lead, presence in the title, and how often the phrase stands as a whole noun phrase.
 */
export function collectCandidates(doc: StructuredSource): CandidateStats {
  const tokensBySentence = sentenceTokens(doc).map((ts) => retagNouns(joinCompounds(ts)));
  const eligible = eligibleSentences(doc);
  const tokenStarts: number[] = [];
  let totalTokens = 0;
  for (const ts of tokensBySentence) {
    tokenStarts.push(totalTokens);
    totalTokens += ts.length;
  }
  tokenStarts.push(totalTokens);
  const lead = leadEnd(doc, tokenStarts);
  const titleKeys = keysOfText(doc.metadata.title ?? '');
  const headingKeys = keysOfText(doc.sections.filter((s) => s.kind !== 'references' && s.kind !== 'notes').map((s) => s.heading).join('\n\n'));
  /** Per key: its features, written forms with their counts, and the sections it occurs in. */
  const acc = new Map<string, { c: CandidateFeatures; forms: Map<string, number>; sections: Set<number> }>();
  const denom = Math.max(1, totalTokens);
  /** Phrase key → key of the acronym the text defines for it. */
  const acronyms = new Map<string, string>();
  /** Counts one occurrence of tokens[i..j) (in chunk [from, to)) of sentence si. */
  const add = (tokens: TaggedToken[], si: number, i: number, j: number, from: number, to: number, key: string, form: string) => {
    // Fragments of numbers ("post-9" from "post-9/11") are not phrases; a name with a number is
    // ("MPEG-7", "CITC-1").
    if (/(?:^| )\d+(?: |$)/.test(key) && !numberedName(tokens, i, j)) return;
    const at = tokenStarts[si] + i;
    let e = acc.get(key);
    if (!e) {
      const c: CandidateFeatures = { text: '', tf: 0, first: at / denom, last: at / denom, words: key.split(' ').length, position: 0, lead: 0, title: titleKeys.has(key) ? 1 : 0, maximal: 0, head: 0, firstWord: at, heading: headingKeys.has(key) ? 1 : 0, sections: 0, acronym: 0, genericHead: genericWords.has(tokens[j - 1].lower) ? 1 : 0 };
      e = { c, forms: new Map(), sections: new Set() };
      acc.set(key, e);
    }
    const c = e.c;
    c.tf++;
    c.last = at / denom;
    c.position += 1 / (1 + at);
    if (at < lead) c.lead++;
    if (i === from && j === to) c.maximal++;
    if (j === to) c.head++;
    if (j === to && !c.acronym && definedByAcronym(tokens, i, j)) {
      c.acronym = 1;
      acronyms.set(key, stemPhrase(tokens[j + 1].lower));
    }
    e.forms.set(form, (e.forms.get(form) ?? 0) + 1);
    e.sections.add(doc.sentences[si].section);
  };
  tokensBySentence.forEach((tokens, si) => {
    if (!eligible[si]) return;
    for (const [from, to] of chunksOf(tokens)) {
      // Stemmed and display forms of each word, computed once; keys grow word by word.
      const stems: string[] = [];
      const shown: string[] = [];
      for (let k = from; k < to; k++) {
        stems.push(keyOf(tokens, k, k + 1));
        shown.push(displayWord(tokens, k));
      }
      for (let i = from; i < to; i++) {
        let key = '';
        let form = '';
        for (let j = i + 1; j <= Math.min(to, i + maxPhraseWords); j++) {
          key = j === i + 1 ? stems[i - from] : `${key} ${stems[j - 1 - from]}`;
          form = j === i + 1 ? shown[i - from] : `${form} ${shown[j - 1 - from]}`;
          if (isCandidate(tokens, i, j)) add(tokens, si, i, j, from, to, key, form);
        }
      }
    }
  });
  // The acronym's mentions are mentions of the phrase it stands for ("SVMs" of "support vector machines").
  for (const [key, acr] of acronyms) {
    const c = acc.get(key)!.c;
    const a = acc.get(acr)?.c;
    if (!a || a === c) continue;
    c.tf += a.tf;
    c.head += a.head;
    c.maximal += a.maximal;
    c.lead += a.lead;
    c.last = Math.max(c.last, a.last);
    c.position += a.position;
    for (const s of acc.get(acr)!.sections) acc.get(key)!.sections.add(s);
  }
  const out: CandidateStats = {};
  for (const [key, { c, forms, sections }] of acc) {
    // Most frequent written form; ties go to the alphabetically first, for determinism.
    let best = '';
    let bestCount = 0;
    for (const [form, n] of forms) if (n > bestCount || (n === bestCount && form < best)) [best, bestCount] = [form, n];
    c.text = best;
    c.sections = sections.size;
    c.position = Number(c.position.toFixed(8));
    out[key] = c;
  }
  return out;
}
