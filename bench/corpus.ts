/**
 * Bench corpora: the bundled papers, then synthetic sources made by recombining their paragraphs
 * with a seeded generator, so every run of `make bench` measures the same texts.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** A small seeded PRNG (mulberry32): the same seed gives the same sequence everywhere. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Paper {
  name: string;
  text: string;
}

/** The source papers of a folder (txt and md), sorted by name. */
export function readPapers(dir: string): Paper[] {
  return readdirSync(dir)
    .filter((n) => /\.(txt|md)$/.test(n) && !/^readme/i.test(n))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/** Paragraphs long enough to be body text (headings and page furniture are short). */
function paragraphsOf(text: string): string[] {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length >= 200);
}

/** Synthetic source `i`: a title line, then paragraphs drawn from all papers, about a paper's length. */
export function syntheticSource(papers: readonly Paper[], i: number): string {
  const rand = seeded(1000 + i);
  const pool = papers.flatMap((p) => paragraphsOf(p.text));
  const perPaper = Math.round(pool.length / papers.length);
  const count = Math.max(4, Math.round(perPaper * (0.75 + rand() * 0.5)));
  const donor = papers[Math.floor(rand() * papers.length)];
  const title = donor.text.split('\n').map((l) => l.trim()).find((l) => l.length > 10) ?? donor.name;
  const body: string[] = [];
  for (let k = 0; k < count; k++) body.push(pool[Math.floor(rand() * pool.length)]);
  return `Synthetic source ${i}: ${title}\n\n${body.join('\n\n')}\n`;
}

/** Writes a corpus of `size` sources into `dir` (the papers first, then synthetic ones); returns its bytes. */
export function writeCorpus(papers: readonly Paper[], size: number, dir: string): number {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < size; i++) {
    const [name, text] = i < papers.length ? [papers[i].name, papers[i].text] : [`synthetic-${String(i).padStart(4, '0')}.txt`, syntheticSource(papers, i)];
    const path = join(dir, name);
    if (!existsSync(path)) writeFileSync(path, text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}
