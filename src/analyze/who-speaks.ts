/**
 * Who speaks: whether a duty word is the writers' own or someone else's they report. A modal after
 * "X said that", inside quotation marks (double or single), or in a paragraph quoted whole after a
 * lead-in ("As OpenAI write about their model:" then the quoted passage) states another party's
 * view; the writers' own reported claims ("this paper argues that …") stay theirs. Likewise a
 * sentence whose subject is another author ("Raz (2023) shows", "according to Ali") reports their
 * claim, not the writers' ({@link citesOthers}).
 */
import type { StructuredSource } from '../model/document.js';
import { maskCitations, textOf } from './body-text.js';

/** Text of the clause that ends at `index`: from the last clause boundary to the cue. */
export function clauseBefore(masked: string, index: number): string {
  const head = masked.slice(0, index);
  const cut = Math.max(head.lastIndexOf(';'), head.lastIndexOf(':'), head.lastIndexOf('—'), head.lastIndexOf(' – '));
  return head.slice(cut + 1);
}

// Reporting verbs: a modal after "X said that" is X's claim, not the paper's advice.
const reportingVerb = /\b(?:said|says|stated|states|argued|argues|claimed|claims|declared|declares|demanded|requested|asked|insisted|insists|warned|warns|told|believed|believes|contended|contends|maintained|asserted|asserts|announced|vowed|pledged|promised|urged|suggested|proposed|emphasi[sz]ed|stressed|opined|observed|remarked|added|wrote|hoped|expected|anticipated|thought|felt|feared)$/i;
/** Longest reporting verb plus the character before it (for the word boundary). */
const reportingTail = 12;

/**
 * Whether a text ends with a reporting verb, white space and an optional "that" and white space:
 * the same as `/\b(?:said|…|feared)\s+(?:that\s+)?$/i.test(text)`, read from the end instead of
 * tried at every position of the clause.
 */
export function endsWithReporting(text: string): boolean {
  // trimEnd removes exactly \s; the pattern needs at least one such character at the end.
  const end = text.trimEnd();
  if (end.length === text.length) return false;
  if (reportingVerb.test(end.slice(-reportingTail))) return true;
  if (!/that$/i.test(end)) return false;
  const before = end.slice(0, -4);
  const verb = before.trimEnd();
  return verb.length < before.length && reportingVerb.test(verb.slice(-reportingTail));
}
// Subjects that mean the paper itself, whose reported claims are the paper's own.
const selfSubject = /\b(?:this|the present|our|the)\s+(?:paper|study|article|research|analysis|report|essay|work)\b|\bwe\b|\bthe authors?\b|\bthe researchers?\b|\bthis paper's\b/i;

/** Whether the duty word at `index` sits inside a quotation or follows a reporting verb (someone else's claim). */
export function isReported(masked: string, index: number): boolean {
  const head = masked.slice(0, index);
  const opens = (head.match(/[“"]/g) ?? []).length;
  const closes = (head.match(/[”]/g) ?? []).length;
  if (/[“]/.test(head) ? opens > closes : opens % 2 === 1) return true;
  // Inside single quotes: an opening ‘ after which no ’ closes (one between letters is an apostrophe).
  const single = head.lastIndexOf('‘');
  if (single >= 0 && /(?:^|[\s(\[—–-])$/.test(head.slice(0, single)) && !/’(?!\p{L})/u.test(head.slice(single))) return true;
  const clause = clauseBefore(masked, index);
  if (endsWithReporting(clause.replace(/\s+[^,\s]+\s*$/, ' ').replace(/\s+$/, ' ').trimEnd() + ' ') || endsWithReporting(clause.slice(0, clause.search(/\S+\s*$/)))) {
    if (!selfSubject.test(clause)) return true;
  }
  // "X argued that Pakistan should …": a reporting verb anywhere before, with "that" leading to the cue.
  const rep = /\b(?:said|says|stated|argued|argues|claimed|claims|declared|demanded|requested|asked|insisted|warned|told|believed|believes|contended|asserted|announced|vowed|pledged|urged|suggested|proposed|opined|remarked|wrote|hoped|expected|anticipated|feared|according\s+to)\b[^.;]*?\bthat\b[^;]*$/i;
  const rm = rep.exec(head);
  if (rm && !selfSubject.test(head.slice(0, rm.index + 40)) && !/\bit\s+is\b/i.test(head.slice(rm.index))) return true;
  if (/\baccording\s+to\b/i.test(head) && !selfSubject.test(head)) return true;
  return false;
}


/** Opening and closing quotation marks; a ’ between letters is an apostrophe. */
const openers = /[“‘]/g;
const closers = /[”]|’(?!\p{L})/gu;

/**
 * Whether a body paragraph is a passage quoted from someone else: it follows a lead-in ending in a
 * colon (a footnote mark may follow it) and either is wrapped in quotation marks or ends with a
 * closing mark it never opened (the opening one stood before, or was lost in the text layer).
 */
export function quotesAnother(doc: StructuredSource, paragraph: number): boolean {
  const p = doc.paragraphs[paragraph];
  const prev = doc.paragraphs[paragraph - 1];
  if (!p || !prev) return false;
  if (!/:[\s\u00b9\u00b2\u00b3\u2070-\u2079]*$/.test(textOf(doc, prev))) return false;
  const t = textOf(doc, p).trim();
  // The closing mark, perhaps before a citation or after the full stop.
  if (!/[”’]\s*(?:\([^()]{2,80}\))?\s*\.?$/.test(t)) return false;
  const opened = (t.match(openers) ?? []).length;
  const closed = (t.match(closers) ?? []).length;
  return /^[“‘"]/.test(t) || closed > opened;
}

// Another author's claim: "Raz (2023) shows", "According to Ali", "(Khan, 2021)", "X et al. argue".
// "According to UNESCO data" names where a figure comes from, not whose view it is; "according to
// their roles" (a possessive after it) says in what measure, not who says so.
const otherAuthor = [
  /\p{Lu}[\p{L}'’-]+(?:\s+(?:et\s+al\.?|&\s+\p{Lu}[\p{L}'’-]+|and\s+\p{Lu}[\p{L}'’-]+))?,?\s*\((?:1[5-9]|20)\d\d[a-z]?\)/u,
  /\baccording\s+to\s+(?!(?:this|the present|our)\s+(?:paper|study|analysis))(?!(?:their|its|his|her|our|your|one's)\s)(?![^,]{0,40}\b(?:data|survey|surveys|statistics|figures|estimates|census)\b)/i,
  /\bet\s+al\b/i,
  /\b(?:scholars|analysts|experts|observers|critics|commentators|researchers)\s+(?:\w+\s+)?(?:argue|argued|believe|believed|suggest|suggested|note|noted|contend|contended|claim|claimed|maintain|maintained)\b/i,
  // A view others hold, as the sentence's subject: "A prevalent view in India is that …", "It is
  // widely believed that …" (what the report then argues with, not what it finds).
  /^(?:a|the|one)\s+(?:[\p{L}-]+\s+){0,2}(?:view|belief|perception|assumption|notion|narrative|consensus|wisdom)\s+(?:in|among|within|held\s+by)\s+[^,;.]{1,60}?\s+(?:is|was)\s+that\b|^it\s+is\s+(?:widely|commonly|often|generally|frequently)\s+(?:believed|assumed|argued|held|thought|claimed)\s+that\b/iu,
];

// "Raz (2023)" needs a parenthesised year; tested first because the name pattern is slow to scan.
const yearInParentheses = /\((?:1[5-9]|20)\d\d[a-z]?\)/;
const [namedYear, ...otherCues] = otherAuthor;

/**
 * Whose claim the sentence reports: 'named' when another author is its subject ("Raz (2023) shows",
 * "according to Ali"), 'supported' when it only carries a parenthetical citation ("… (Khan, 2021)"),
 * null when it cites nobody.
 */
export function citesOthers(raw: string): 'named' | 'supported' | null {
  if ((yearInParentheses.test(raw) && namedYear.test(raw)) || otherCues.some((re) => re.test(raw))) return 'named';
  // A parenthetical citation was masked out of the sentence (cheapest tests first; all must hold).
  return raw.includes('(') && /\((?:[^()]*\p{Lu}[^()]*?)(?:1[5-9]|20)\d\d/u.test(raw) && maskCitations(raw) !== raw ? 'supported' : null;
}
