/**
 * Adversarial inputs of a given size: shapes known to make parsers and tokenisers super-linear
 * (long runs without breaks, unclosed delimiters, deep nesting, huge sentences, many tiny blocks).
 * Used by the robustness test (one case, completion only) and by `measure.ts` (timings).
 */

/** Repeats `unit` until the string is at least `bytes` long, then cuts it there. */
function fill(unit: string, bytes: number): string {
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

export interface AdversarialCase {
  name: string;
  /** File name in sources/ (the extension picks the reader). */
  file: string;
  make: (bytes: number) => string;
}

export const adversarialCases: readonly AdversarialCase[] = [
  { name: 'one word, no spaces', file: 'a.txt', make: (n) => 'Title\n\n' + fill('a', n) },
  { name: 'one sentence of short words', file: 'b.txt', make: (n) => 'Title\n\n' + fill('the policy should reform water ', n) },
  { name: 'periods and abbreviations', file: 'c.txt', make: (n) => 'Title\n\n' + fill('e.g. U.S. Dr. 1. ', n) },
  { name: 'unclosed brackets and quotes', file: 'd.txt', make: (n) => 'Title\n\n' + fill('((([[[“"«', n) },
  { name: 'citation-like runs', file: 'e.txt', make: (n) => 'Title\n\n' + fill('(Smith et al., 2020; Jones 2019, ', n) },
  { name: 'dates everywhere', file: 'f.txt', make: (n) => 'Title\n\n' + fill('On 5 January 2021 and in 1990s, by March 2019, ', n) },
  { name: 'many one-line headings', file: 'g.txt', make: (n) => 'Title\n\n' + fill('1. Introduction\n\n', n) },
  { name: 'Markdown emphasis and link openers', file: 'h.md', make: (n) => '# Title\n\n' + fill('*_[`**__![', n) },
  { name: 'Markdown nested quotes', file: 'i.md', make: (n) => '# Title\n\n' + fill('> ', n) + 'x\n' },
  { name: 'Markdown nested lists', file: 'j.md', make: (n) => '# Title\n\n' + fill('- ', n) + 'x\n' },
  { name: 'HTML nested elements', file: 'k.html', make: (n) => '<html><head><title>T</title></head><body>' + fill('<div><span>', n) + '</body></html>' },
  { name: 'HTML unclosed tags and comments', file: 'l.html', make: (n) => '<html><body><p>' + fill('<b><!-- <i a="', n) },
  { name: 'capitalised words (acronym and actor candidates)', file: 'm.txt', make: (n) => 'Title\n\n' + fill('United Nations Security Council (UNSC) ', n) },
  { name: 'ordinary prose', file: 'n.txt', make: (n) => prose(n, true) },
  { name: 'prose on one line', file: 'o.txt', make: (n) => prose(n, false) },
];

/** Sentences with numbers and years, in paragraphs of eight (or all on one line). */
function prose(n: number, paragraphs: boolean): string {
  const parts: string[] = ['A Long Report', ''];
  let size = 16;
  for (let i = 0; size < n; i++) {
    const s = `Sentence ${i} reports that district ${i % 97} spent ${(i * 7) % 1000} million on schools in ${1990 + (i % 30)}.`;
    parts.push(s);
    size += s.length + 1;
    if (paragraphs && i % 8 === 7) {
      parts.push('');
      size++;
    }
  }
  return paragraphs ? parts.join('\n') : `${parts[0]}\n\n${parts.slice(2).join(' ')}`;
}
