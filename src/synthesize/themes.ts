/**
 * Themes across the corpus: the sources' keyphrases are pooled, each is represented by the
 * sentences that use it (the sum of their TF-IDF vectors, over every source), and the phrases are
 * grouped by agglomerative clustering with average linkage on cosine similarity. A theme is a
 * cluster: labelled by its strongest phrases, discussed by the sources whose body uses them, and
 * holding the findings and recommendations closest to it.
 */
import type { SourceAnalysis } from '../model/document.js';
import type { Keyphrase } from '../model/document.js';
import { bodySentences } from '../analyze/body-text.js';
import { contentTerms, cosine, countTerms, inverseFrequencies, norm, weigh, type TermVector } from '../analyze/text/vectors.js';
import { stemWord, wordsOf } from '../analyze/text/stem.js';


/** Longest keyphrase (UTF-16 units) whose written forms are looked up in the sentences. */
const maxSurfaceLength = 200;
/** Options of theme finding. */
export interface ThemeOptions {
  /** Most themes to return. */
  max: number;
  /** Keyphrases taken from each source. */
  perSource: number;
  /** Average-linkage similarity below which clusters are not merged. */
  link: number;
  /** Largest share of corpus sentences a phrase may occur in and still name a theme. */
  maxShare: number;
}

/** Most phrases clustered into themes, whatever the corpus size. */
const maxPooledPhrases = 240;

export const defaultThemeOptions: Readonly<ThemeOptions> = { max: 6, perSource: 15, link: 0.3, maxShare: 0.06 };

/** A theme before ids are given. */
export interface ThemeCluster {
  label: string;
  keyphrases: string[];
  /** Indices of the sources that discuss it, ascending. */
  sources: number[];
  score: number;
  vector: TermVector;
  /** Stemmed keys of its phrases, to test whether an item names the theme. */
  keys: string[];
}

/** The sentences of the corpus with their stems and vectors, built once per synthesis. */
export interface CorpusIndex {
  sentences: { source: number; stems: string; vector: TermVector; text: string }[];
  idf: Map<string, number>;
}

/** Index every body sentence of every source. */
export function indexCorpus(analyses: readonly SourceAnalysis[]): CorpusIndex {
  const raw: { source: number; stems: string; terms: string[]; text: string }[] = [];
  analyses.forEach((a, i) => {
    for (const s of bodySentences(a.doc)) raw.push({ source: i, stems: ` ${wordsOf(s.text).map(stemWord).join(' ')} `, terms: contentTerms(s.text), text: s.text });
  });
  const idf = inverseFrequencies(raw.map((r) => r.terms));
  return { idf, sentences: raw.map((r) => ({ source: r.source, stems: r.stems, vector: weigh(countTerms(r.terms), idf), text: r.text })) };
}

/** TF-IDF vector of any text against the corpus. */
export function vectorOf(text: string, index: CorpusIndex): TermVector {
  return weigh(countTerms(contentTerms(text)), index.idf);
}

const keyOf = (phrase: string) => wordsOf(phrase).map(stemWord).join(' ');

function add(into: TermVector, v: TermVector, w = 1): void {
  for (const [t, x] of v) into.set(t, (into.get(t) ?? 0) + x * w);
}

/** Find the corpus themes from each source's ranked keyphrases. */
export function findThemes(keyphrases: readonly (readonly Keyphrase[])[], index: CorpusIndex, options: Readonly<ThemeOptions> = defaultThemeOptions): ThemeCluster[] {
  // Pool the phrases by stem; weight = sum over sources of the phrase's score relative to that source's best.
  const pooled = new Map<string, { text: string; weight: number; best: number }>();
  keyphrases.forEach((list) => {
    const top = list.slice(0, options.perSource);
    const max = Math.max(...top.map((k) => k.score), 1e-9);
    for (const k of top) {
      const key = keyOf(k.text);
      if (!key) continue;
      const w = k.score / max;
      const p = pooled.get(key);
      if (!p) pooled.set(key, { text: k.text, weight: w, best: w });
      else {
        p.weight += w;
        if (w > p.best || (w === p.best && k.text < p.text)) Object.assign(p, { text: k.text, best: w });
      }
    }
  });
  // Only the best-weighted phrases are clustered: the context scan below reads every sentence for each
  // phrase, so an uncapped pool (which grows with the corpus) made synthesis quadratic in the sources.
  const keys = [...pooled.keys()]
    .sort((a, b) => pooled.get(b)!.weight - pooled.get(a)!.weight || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, maxPooledPhrases)
    .sort();
  // Context vector and sources of each phrase.
  const phrases = keys.map((key) => {
    const vector: TermVector = new Map();
    const counts = new Map<number, number>();
    const surfaces = new Map<string, number>();
    // A "phrase" of hundreds of characters (unsplit text) would make a regular expression too large to compile.
    const phraseText = pooled.get(key)!.text;
    const surfaceRe = phraseText.length > maxSurfaceLength ? null : new RegExp(`(?<![\\p{L}\\p{N}])${wordsOf(phraseText).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s-]+')}(?![\\p{L}\\p{N}])`, 'giu');
    for (const s of index.sentences) {
      if (!s.stems.includes(` ${key} `)) continue;
      add(vector, s.vector);
      counts.set(s.source, (counts.get(s.source) ?? 0) + 1);
      if (surfaceRe) for (const m of s.text.matchAll(surfaceRe)) surfaces.set(m[0], (surfaces.get(m[0]) ?? 0) + 1);
    }
    // Name the phrase as the sources most often write it ("South Asia", "Afghan Taliban").
    const written = [...surfaces.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
    if (written && written.toLowerCase().replace(/[\s-]+/g, ' ') === pooled.get(key)!.text.toLowerCase().replace(/[\s-]+/g, ' ')) pooled.get(key)!.text = written;
    const sources = [...counts.entries()].filter(([, n]) => n >= Math.min(2, Math.max(...counts.values()))).map(([i]) => i).sort((a, b) => a - b);
    const used = [...counts.values()].reduce((x, y) => x + y, 0);
    // Phrases as common as the corpus's own subject ("pakistan", "relations") name no theme.
    const share = used / Math.max(1, index.sentences.length);
    const single = !key.includes(' ');
    // (In a small corpus a phrase must still be used often before it counts as generic.)
    const generic = used >= 5 && (share > options.maxShare || (single && share > options.maxShare / 3 && !/^[A-Z]{2,}$/.test(pooled.get(key)!.text)));
    return { key, text: pooled.get(key)!.text, weight: pooled.get(key)!.weight * Math.log(1 / Math.max(share, 1e-6)), vector, norm: norm(vector), sources, generic };
  }).filter((p) => p.norm > 0 && !p.generic);

  // Agglomerative clustering, average linkage; ties broken by the lower cluster indices.
  const sim = phrases.map((a) => phrases.map((b) => cosine(a.vector, b.vector, a.norm, b.norm)));
  let clusters: number[][] = phrases.map((_, i) => [i]);
  for (;;) {
    let best = -1;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < clusters.length; i++) {
      for (let j = i + 1; j < clusters.length; j++) {
        let total = 0;
        for (const a of clusters[i]) for (const b of clusters[j]) total += sim[a][b];
        const avg = total / (clusters[i].length * clusters[j].length);
        if (avg > best + 1e-12) {
          best = avg;
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0 || best < options.link) break;
    clusters[bi] = [...clusters[bi], ...clusters[bj]].sort((a, b) => a - b);
    clusters = clusters.filter((_, k) => k !== bj);
  }

  const themes: ThemeCluster[] = clusters.map((members) => {
    const ps = members.map((m) => phrases[m]).sort((a, b) => b.weight - a.weight || a.text.localeCompare(b.text));
    const sources = [...new Set(ps.flatMap((p) => p.sources))].sort((a, b) => a - b);
    const vector: TermVector = new Map();
    for (const p of ps) add(vector, p.vector, 1 / p.norm);
    const weight = ps.reduce((s, p) => s + p.weight, 0);
    return { label: labelOf(ps.map((p) => p.text)), keyphrases: ps.map((p) => p.text), sources, score: Number((weight * sources.length).toFixed(6)), vector, keys: ps.map((p) => p.key) };
  });
  // Themes across the corpus first: more sources, then weight; a theme of one source only if room remains.
  return themes
    .filter((t) => t.sources.length > 0)
    .sort((a, b) => Number(b.sources.length > 1) - Number(a.sources.length > 1) || b.score - a.score || a.label.localeCompare(b.label))
    .slice(0, options.max);
}

/** A readable label: the strongest phrase, joined with the next one that adds new words. */
export function labelOf(phrases: readonly string[]): string {
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  if (!phrases.length) return 'Theme';
  const first = phrases[0];
  const seen = new Set(wordsOf(first).map(stemWord));
  const second = phrases.slice(1).find((p) => wordsOf(p).every((w) => !seen.has(stemWord(w))));
  return second && wordsOf(first).length + wordsOf(second).length <= 6 ? `${cap(first)} and ${second}` : cap(first);
}

/** Themes an item belongs to: the closest theme, and any other nearly as close; items naming a theme's phrase lean to it. */
export function themesOfItem(text: string, themes: readonly ThemeCluster[], index: CorpusIndex): number[] {
  if (!themes.length) return [];
  const v = vectorOf(text, index);
  const vn = norm(v);
  const stems = ` ${wordsOf(text).map(stemWord).join(' ')} `;
  const scores = themes.map((t) => cosine(v, t.vector, vn, norm(t.vector)) + (t.keys.some((k) => stems.includes(` ${k} `)) ? 0.1 : 0));
  const best = Math.max(...scores);
  if (best < 0.05) return [];
  return scores.map((s, i) => [s, i] as const).filter(([s]) => s >= best * 0.85).sort((a, b) => b[0] - a[0] || a[1] - b[1]).slice(0, 2).map(([, i]) => i);
}
