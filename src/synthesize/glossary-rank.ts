/**
 * How much a glossary term matters to the brief: how many sources use it (by its short form or its
 * definition), how often, and how many of the sources' findings name it. A term every paper keeps
 * returning to ("TTP", "CPEC") ranks above one a single paper spells out once in passing ("IR"),
 * whatever their letters: the brief shows the most important terms, not the first ones in the
 * alphabet.
 */
import type { SourceAnalysis } from '../model/document.js';
import type { GlossaryEntry } from '../model/schema.js';
import { bodyParagraphs, textOf } from '../analyze/body-text.js';

/** The words of a text as written and lower-cased, dotted abbreviations joined ("U.S." → "US"). */
interface Tokens {
  written: string[];
  lower: string[];
  /** Lower-cased word → its positions. */
  at: Map<string, number[]>;
}

const word = /[\p{L}\p{N}]+/gu;

function tokensOf(text: string): Tokens {
  const joined = text.replace(/(?<![\p{L}\p{N}])(?:\p{Lu}\.){2,}/gu, (m) => m.replace(/\./g, ''));
  const written = joined.match(word) ?? [];
  const lower = written.map((w) => w.toLowerCase());
  const at = new Map<string, number[]>();
  lower.forEach((w, i) => {
    const list = at.get(w);
    if (list) list.push(i);
    else at.set(w, [i]);
  });
  return { written, lower, at };
}

/** A phrase as the words it must match: as written (an acronym's capitals) and lower-cased. */
interface Phrase {
  written: string[];
  lower: string[];
  exact: boolean;
}

function phraseOf(text: string, exact: boolean): Phrase {
  const written = text.replace(/(?<![\p{L}\p{N}])(?:\p{Lu}\.){2,}/gu, (m) => m.replace(/\./g, '')).match(word) ?? [];
  return { written, lower: written.map((w) => w.toLowerCase()), exact };
}

/** Occurrences of a phrase's words in order; written exactly as given when `exact` (an acronym's capitals). */
function countPhrase(t: Tokens, p: Phrase): number {
  if (!p.lower.length) return 0;
  let n = 0;
  for (const i of t.at.get(p.lower[0]) ?? []) {
    let k = 0;
    while (k < p.lower.length && i + k < t.lower.length && (p.exact ? t.written[i + k] === p.written[k] : t.lower[i + k] === p.lower[k])) k++;
    if (k === p.lower.length) n++;
  }
  return n;
}

/** The phrases that count as uses of a term: its short form (capitals as written) for an acronym, and its definitions. */
function phrasesOf(entry: GlossaryEntry): Phrase[] {
  const acronym = entry.kind !== 'concept';
  const out = [phraseOf(entry.term, acronym)];
  for (const f of [entry.definition, ...(entry.variants ?? [])]) if (f.split(/\s+/).length >= 2 || !acronym) out.push(phraseOf(f, false));
  return out;
}

const usesIn = (t: Tokens, phrases: readonly Phrase[]) => phrases.reduce((n, p) => n + countPhrase(t, p), 0);

/**
 * Each entry with its `importance`: 2 per source using the term, plus log2(1 + uses across the
 * corpus's body text), plus log2(1 + findings naming it). Rounded, so the same corpus gives the same figure.
 */
export function rankGlossary(entries: readonly GlossaryEntry[], analyses: readonly SourceAnalysis[]): GlossaryEntry[] {
  // The body only: a reference list repeats journal names ("… of International Relations") that
  // the papers do not discuss.
  const texts = analyses.map((a) => tokensOf(bodyParagraphs(a.doc).map((p) => textOf(a.doc, p)).join('\n')));
  const findings = analyses.flatMap((a) => a.findings.map((f) => tokensOf(f.text)));
  // Findings by the words they use, so a term is checked only against findings holding its first word.
  const findingsWith = new Map<string, number[]>();
  findings.forEach((f, i) => {
    for (const w of f.at.keys()) {
      const list = findingsWith.get(w);
      if (list) list.push(i);
      else findingsWith.set(w, [i]);
    }
  });
  return entries.map((e) => {
    const phrases = phrasesOf(e);
    let sources = 0;
    let uses = 0;
    for (const t of texts) {
      const n = usesIn(t, phrases);
      if (n > 0) sources++;
      uses += n;
    }
    // A term is defined where it is used, so every entry has at least its defining source.
    sources = Math.max(sources, new Set(e.citations.map((c) => c.sourceId)).size);
    const named = new Set<number>();
    for (const p of phrases) for (const i of findingsWith.get(p.lower[0] ?? '') ?? []) if (!named.has(i) && countPhrase(findings[i], p) > 0) named.add(i);
    const importance = Number((2 * sources + Math.log2(1 + uses) + Math.log2(1 + named.size)).toFixed(3));
    return { ...e, importance };
  });
}
