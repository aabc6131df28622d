/**
 * A report's imprint: copyright lines ("© 2024 RUSI", "© UNESCO 2023", "Copyright © 2024 by the
 * Centre for …"), "Published in 2023 by …" lines, and the organisations a report names most where
 * it speaks of itself (contact lines, running headers, author notes).
 */
import type { PageLine } from './report-lines.js';

/** A publisher or holder read from one line, with its year when printed. */
export interface ImprintRead {
  kind: 'copyright' | 'published-by';
  name: string | null;
  year: number | null;
  start: number;
  end: number;
  page: number;
}

/** Words of a credit line, not a holder: "Photo credit: © kras99/Shutterstock.com". */
const CREDIT = /\b(?:photo|photos|image|images|cover|illustration|picture|credit|credits|stock|shutterstock|getty|istock|adobe|alamy|unsplash|header)\b|\.com\b|\//i;

/** Copyright and published-by lines, in reading order. */
export function readImprints(lines: readonly PageLine[]): ImprintRead[] {
  const out: ImprintRead[] = [];
  for (const l of lines) {
    const t = l.text;
    if (t.length > 300) continue;
    const c = /^(?:copyright\s*)?(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(.*)$/i.exec(t);
    if (c) {
      const value = c[1];
      const before = t.slice(0, t.length - value.length);
      if (CREDIT.test(before) || (CREDIT.test(value) && !/ \/ /.test(value))) continue;
      const y = /\b((?:19|20)\d{2})\b/.exec(value);
      out.push({ kind: 'copyright', name: holderOf(value), year: y ? Number(y[1]) : null, start: l.start, end: l.end, page: l.page });
      continue;
    }
    const p = /^(?:first\s+)?published\s+(?:in\s+((?:19|20)\d{2})\s+)?by\s+(.{3,200})$/i.exec(t) ?? /^(?:first\s+)?published\s+by\s+(.{3,200}?)\s+in\s+((?:19|20)\d{2})\b/i.exec(t);
    if (p) {
      const [year, name] = /^\d/.test(p[1] ?? '') ? [p[1], p[2]] : p[2] && /^\d{4}$/.test(p[2]) ? [p[2], p[1]] : [p[1], p[2]];
      out.push({ kind: 'published-by', name: holderOf(name ?? ''), year: year ? Number(year) : null, start: l.start, end: l.end, page: l.page });
    }
  }
  return out;
}

/** The holder named in a copyright or published-by value, without year, "by the", address and rights. */
function holderOf(value: string): string | null {
  // "© 2023 The Authors, Published by iRASD": the authors hold the rights, the publisher is named after
  const by = /\bpublished by\s+(.{2,150})$/i.exec(value);
  if (by) value = by[1];
  else if (/^\W*(?:(?:19|20)\d{2}\W+)?(?:the\s+)?authors?(?:\(s\))?\b/i.test(value)) return null;
  let v = value
    .replace(/\b(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2,4})?\b/g, ' ')
    .replace(/\ball rights reserved\b.*$/i, '')
    .replace(/,?\s*except\b.*$/i, '')
    .replace(/\.\s+(?:This|Some|Licen[sc]ed|Published|The)\b.*$/, '')
    // an address after the name ("…Organization, 7, place de Fontenoy")
    .replace(/,\s*\d.*$/, '');
  // "by the Centre for …": the lower-case article is not part of the name, a capital one is ("The World Bank")
  v = v.replace(/^\s*by\s+/i, '').replace(/^\s*the\s+/, '');
  v = v.replace(/^[\s,.;:]+|[\s,.;:]+$/g, '').replace(/\s+/g, ' ');
  if (!v || v.length < 2 || v.length > 150 || !/^\p{Lu}/u.test(v) || /^(?:and|or|of|for|the)$/i.test(v)) return null;
  return v;
}

/** Is `short` an acronym of `long` ("UNESCO" of "United Nations Educational, Scientific and Cultural Organization")? */
export function isAcronymOf(short: string, long: string): boolean {
  if (!/^\p{Lu}{2,10}$/u.test(short)) return false;
  const initials = long.split(/[\s,/-]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
  return initials === short || initials.replace(/^T/, '') === short;
}

/** Kinds of body an organisation's name ends on. */
const BODY = String.raw`Institution|Institute|Centre|Center|Foundation|Council|Organi[sz]ation|Bank|Forum|Trust|Commission|Agency|Programme|Observatory|Initiative|Network|Society|Academy|Fund|Coalition|Alliance|Association|Federation|Secretariat|Ministry|Office|Union|Group|Project`;
/** Does the name end on a kind of body ("World Bank", "United Nations", "Takshashila Institution")? */
export function isBodyName(name: string): boolean {
  return new RegExp(String.raw`\b(?:${BODY}|Nations|Bank|Press|University|Ministry|Department|Government|Parliament|Assembly|Committee)\b`).test(name);
}

const ORG = new RegExp(String.raw`(?:\bThe\s+)?(?:\p{Lu}[\p{L}&'’-]+\s+(?:(?:of|for|and|on)\s+(?:the\s+)?)?){1,6}(?:${BODY})\b(?:\s+(?:of|for|on)\s+(?:the\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,3})?`, 'gu');

/**
 * The organisation a report speaks of most as itself: named bodies in the text, each weighed by
 * how often it is named and whether its distinctive word is also in a contact address (an e-mail
 * or web domain) or in a running header or series line. Null when no body stands out.
 */
export function likelyOrganisation(source: string, evidence: readonly string[]): { name: string; start: number; end: number } | null {
  const found = new Map<string, { name: string; count: number; start: number; end: number }>();
  // footnote marks glued to a word ("The Takshashila1 Institution") become spaces of the same length
  const text = source.replace(/(\p{Ll})(\d{1,2})(?=\s)/gu, (_m, a: string, d: string) => a + ' '.repeat(d.length));
  for (const m of text.matchAll(ORG)) {
    // A name that runs on from the line above keeps only its own line when that line names the
    // body in two words or more ("… and Priya Naidu" / "Pacific Resilience Finance Observatory").
    const lastBreak = m[0].lastIndexOf('\n');
    const own = lastBreak >= 0 ? m[0].slice(lastBreak + 1) : m[0];
    const raw = lastBreak >= 0 && own.trim().split(/\s+/).length >= 2 ? own : m[0];
    // "Geostrategy Programme of The Takshashila Institution": the body a unit belongs to
    const name = raw.replace(/\s+/g, ' ').trim().replace(/^.*\s(?:of|at)\s+(?=The\s)/, '');
    const key = name.replace(/^The\s+/, '').toLowerCase();
    if (key.split(/\s+/).length < 2) continue;
    const entry = found.get(key);
    if (entry) {
      entry.count++;
      if (/^The\s/.test(name) && !/^The\s/.test(entry.name)) entry.name = name;
    } else found.set(key, { name, count: 1, start: m.index! + (raw === m[0] ? 0 : lastBreak + 1), end: m.index! + m[0].length });
  }
  const domains = [...source.matchAll(/(?:@|www\.|https?:\/\/(?:www\.)?)([a-z0-9-]{3,40})\./gi)].map((m) => m[1].toLowerCase());
  const ev = evidence.map((e) => e.toLowerCase());
  let best: { name: string; score: number; start: number; end: number } | null = null;
  for (const [key, e] of found) {
    const words = key.split(/\s+/).filter((w) => w.length > 3 && !new RegExp(`^(?:${BODY})$`, 'i').test(w));
    const inDomain = words.some((w) => domains.some((d) => d.includes(w.replace(/[^a-z]/g, ''))));
    const inHeader = words.some((w) => ev.some((x) => x.includes(w)));
    const score = e.count + (inDomain ? 3 : 0) + (inHeader ? 3 : 0);
    if ((inDomain || inHeader) && (!best || score > best.score)) best = { name: e.name, score, start: e.start, end: e.end };
  }
  return best ? { name: best.name, start: best.start, end: best.end } : null;
}
