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

/** Occurrences of a phrase's words in order; written exactly as given when `exact` (an acronym's capitals). */
function countPhrase(t: Tokens, phrase: string, exact: boolean): number {
  const words = (phrase.replace(/(?<![\p{L}\p{N}])(?:\p{Lu}\.){2,}/gu, (m) => m.replace(/\./g, '')).match(word) ?? []);
  if (!words.length) return 0;
  const lower = words.map((w) => w.toLowerCase());
  let n = 0;
  for (const i of t.at.get(lower[0]) ?? []) {
    let k = 0;
    while (k < words.length && i + k < t.lower.length && (exact ? t.written[i + k] === words[k] : t.lower[i + k] === lower[k])) k++;
    if (k === words.length) n++;
  }
  return n;
}

/** Uses of a term in a text: its short form (capitals as written) for an acronym, and its definition. */
function usesIn(t: Tokens, entry: GlossaryEntry): number {
  const acronym = entry.kind !== 'concept';
  const forms = [entry.definition, ...(entry.variants ?? [])];
  let n = countPhrase(t, entry.term, acronym);
  for (const f of forms) if (f.split(/\s+/).length >= 2 || !acronym) n += countPhrase(t, f, false);
  return n;
}

/**
 * Each entry with its `importance`: 2 per source using the term, plus log2(1 + uses across the
 * corpus's body text), plus log2(1 + findings naming it). Rounded, so the same corpus gives the same figure.
 */
export function rankGlossary(entries: readonly GlossaryEntry[], analyses: readonly SourceAnalysis[]): GlossaryEntry[] {
  // The body only: a reference list repeats journal names ("… of International Relations") that
  // the papers do not discuss.
  const texts = analyses.map((a) => tokensOf(bodyParagraphs(a.doc).map((p) => textOf(a.doc, p)).join('\n')));
  const findings = analyses.flatMap((a) => a.findings.map((f) => tokensOf(f.text)));
  return entries.map((e) => {
    let sources = 0;
    let uses = 0;
    for (const t of texts) {
      const n = usesIn(t, e);
      if (n > 0) sources++;
      uses += n;
    }
    // A term is defined where it is used, so every entry has at least its defining source.
    sources = Math.max(sources, new Set(e.citations.map((c) => c.sourceId)).size);
    let named = 0;
    for (const f of findings) if (usesIn(f, e) > 0) named++;
    const importance = Number((2 * sources + Math.log2(1 + uses) + Math.log2(1 + named)).toFixed(3));
    return { ...e, importance };
  });
}
