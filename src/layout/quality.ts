/**
 * The quality of a PDF's text layer. Some defects are repaired where the intended text is certain
 * (ligature code points, soft-hyphen runs, no-break spaces, control characters used as spaces or
 * after drop capitals); others are only reported, naming the pages, because guessing would put
 * words in the author's mouth (ligatures dropped or mapped to wrong glyphs, letter-spaced runs,
 * unmapped glyphs, pages without text).
 */
import type { QualityIssue } from './types.js';

const LIGATURES: Record<string, string> = { '\ufb00': 'ff', '\ufb01': 'fi', '\ufb02': 'fl', '\ufb03': 'ffi', '\ufb04': 'ffl', '\ufb05': 'st', '\ufb06': 'st' };
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Repair what is certain in one line of a text layer. */
export function repairLine(s: string): string {
  let t = s;
  if (/[\ufb00-\ufb06]/.test(t)) t = t.replace(/[\ufb00-\ufb06]/g, (c) => LIGATURES[c]);
  // a hyphen drawn as several hyphen-like characters, or a soft hyphen between letters
  if (/[\u00ad\u2010\u2011]/.test(t)) t = t.replace(/[-\u00ad\u2010\u2011]{2,}/g, '-').replace(/(\p{L})\u00ad(?=\p{L})/gu, '$1').replace(/\u00ad$/, '-');
  if (CONTROL.test(t)) {
    // a drop capital followed by a control character and the rest of its word ("I\u0007 nform")
    t = t.replace(/(^|\s)(\p{Lu})[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]\s*(?=\p{Ll})/gu, '$1$2');
    t = t.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]+/g, ' ');
  }
  if (/[\u00a0\u2007\u202f]/.test(t)) t = t.replace(/[\u00a0\u2007\u202f]/g, ' ');
  return t.replace(/ {2,}/g, ' ');
}

/** Short words of English that stand alone; a split word leaves pieces that are not among them. */
const SHORT_WORDS = new Set(('a an as at be by do go he if in is it me my no of on or so to up us we am are but can did for had has her him his how its may nor not now off one our out own per she the too two use via was who why yet you all any few its law men new old see set six ten way age aid air and act due end era far key let low map may net non oil pay put raw red run say sea tax top war win ask big bit box buy cut day die eat eye fit fly fun get god got gun hit hot ice job lie lot mix pro sum ten try vs etc et al eg ie cf pp mr dr st nd rd th km kg mm cm ml mg ok oh ah i ii iii iv v vi vii viii ix x xi xii').split(' '));

/** Per-page text-layer defects (pages are 1-based, in order). */
export function assessPages(pages: readonly { page: number; raw: string }[]): QualityIssue[] {
  const found = new Map<QualityIssue['rule'], { pages: number[]; what: string; repaired: boolean }>();
  const add = (rule: QualityIssue['rule'], page: number, what: string, repaired: boolean): void => {
    const e = found.get(rule) ?? { pages: [], what, repaired };
    if (!e.pages.includes(page)) e.pages.push(page);
    found.set(rule, e);
  };
  const withText = pages.filter((p) => p.raw.trim().length >= 20).length;
  for (const { page, raw } of pages) {
    const letters = (raw.match(/\p{L}/gu) ?? []).length;
    if (raw.trim().length < 20) {
      if (withText > 0) add('no-text-layer', page, 'no text layer (scanned or image-only pages)', false);
      continue;
    }
    const controls = (raw.match(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g) ?? []).length;
    if (controls >= 3) add('control-chars', page, 'control characters in place of spaces or after drop capitals (repaired)', true);
    if (/[-\u00ad\u2010\u2011]{3,}/.test(raw)) add('odd-hyphens', page, 'hyphens drawn as several characters (repaired)', true);
    const unmapped = (raw.match(/\ufffd|\(cid:\d+\)|[\ue000-\uefff\uf100-\uf8ff]/g) ?? []).length;
    if (unmapped >= 3 && unmapped > letters * 0.005) add('garbled-glyphs', page, 'glyphs without a character (cid or private-use codes)', false);
    if (/(?:^|\s)(?:\p{L} ){5,}\p{L}(?=\s|$)/u.test(raw)) add('letter-spaced', page, 'letter-spaced runs read as single letters', false);
    if (brokenWords(raw) >= 3) add('garbled-ligatures', page, 'ligatures missing or mapped to wrong characters', false);
  }
  return [...found].map(([rule, e]) => ({ rule, pages: e.pages, what: e.what, repaired: e.repaired }));
}

/**
 * Words a text layer broke: a letter or digit standing for a dropped ligature inside a lower-case
 * word ("aHacks", "a6acks"), or a word split where a ligature was ("tea er", "s ool"): two
 * lower-case pieces, one of them a fragment that is no word, the other short.
 */
export function brokenWords(text: string): number {
  let n = 0;
  for (const m of text.matchAll(/\b\p{Ll}+[A-Z0-9]\p{Ll}{2,}\b/gu)) if (!/^(?:mc|mac|de|di|la|le|van|von)/i.test(m[0])) n++;
  for (const m of text.matchAll(/(?<![\p{L}\-'’])(\p{Ll}{1,5}) (\p{Ll}{1,4})(?![\p{L}\-'’])/gu)) {
    const [a, b] = [m[1], m[2]];
    // (single letters on both sides are a letter-spaced run, reported as such)
    if (!SHORT_WORDS.has(a) && !SHORT_WORDS.has(b) && (a.length <= 2 || b.length <= 2) && a.length + b.length > 2) n++;
  }
  return n;
}

/** "pages 3–5, 9" from sorted page numbers. */
export function pageRanges(pages: readonly number[]): string {
  const out: string[] = [];
  const sorted = [...pages].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    out.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j;
  }
  return `${sorted.length > 1 ? 'pages' : 'page'} ${out.join(', ')}`;
}
