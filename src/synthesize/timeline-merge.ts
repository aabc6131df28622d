/**
 * Corpus timeline: the dated happenings of every source, one row per happening however many
 * sources tell it, and the dates they disagree on kept on the row.
 *
 * Two mentions tell one happening when they are of one kind ("withdrawal": "the August 2021
 * withdrawal", "US soldiers left Afghanistan in August 2021"), their dates are compatible (equal, or
 * one the other made more precise: "2021", "August 2021", "August 15, 2021") and they name the same
 * parties (or the same day). Two rows of one kind about the same parties whose dates cannot both be
 * right ("signed in February 2020" / "signed in 2021"), at most two years apart, are one happening
 * misdated by a source: the row most sources give keeps its date and lists the other as a
 * `conflictingDates` entry with its citations.
 */
import type { SourceAnalysis } from '../model/document.js';
import type { Citation, TimelineEvent } from '../model/schema.js';
import { citationOf } from './cite.js';
import { byCitation, similarEnough } from './collect.js';
import { builtinActorAliases } from '../analyze/data/actor-aliases.js';
import { isStopWord } from '../analyze/text/stopwords.js';
import type { TermVector } from '../analyze/text/vectors.js';

/**
 * Events a source contributes to the timeline, in document order. Papers have a hundred or so;
 * thousands mean generated or unsplit text.
 */
const maxEventsPerSource = 500;
/** Years apart beyond which two dates of one kind of happening are two happenings (a withdrawal in 1989 and one in 2021). */
const conflictYears = 2;

/** Kinds told of one happening in either's words: a killing is an attack and a death ("the 2011 raid that killed bin Laden", "Bin Laden's death in 2011"). */
const sameKindAs: Readonly<Record<string, string>> = { death: 'attack' };

const monthNames = /^(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/;

interface RawEvent {
  date: string;
  text: string;
  kind?: string;
  verb?: boolean;
  start: number;
  end: number;
  source: number;
  parties: Set<string>;
}

/** Sort key of an ISO date or decade: a decade sorts before the dates inside it. */
export function dateKey(date: string): string {
  return date.endsWith('s') ? `${date.slice(0, 4)}-00-00` : date.length === 4 ? `${date}-00-01` : date.length === 7 ? `${date}-00` : date;
}

/** How precise a date is: 3 a day, 2 a month, 1 a year, 0 a decade. */
const precision = (date: string) => (date.endsWith('s') ? 0 : date.length === 4 ? 1 : date.length === 7 ? 2 : 3);

/** Whether two dates can be the same time: equal, or one the other made more precise ("1980s" ⊃ "1989" ⊃ "1989-02"). */
export function compatibleDates(a: string, b: string): boolean {
  const prefix = (d: string) => (d.endsWith('s') ? d.slice(0, 3) : d);
  const pa = prefix(a);
  const pb = prefix(b);
  return pa.startsWith(pb) || pb.startsWith(pa);
}

/**
 * The parties an event names: its capitalised names (not a sentence's first word, nor a month),
 * known aliases made one ("U.S.", "Washington" → United States), and a name compared by its first
 * five letters, so "Afghan" and "Afghanistan", "Pakistani" and "Pakistan" are one party.
 */
export function partiesOf(text: string): Set<string> {
  const out = new Set<string>();
  // "U.S.-Taliban", "Pakistan–Afghanistan": two parties joined by a dash.
  const names = text.replace(/(?<=[\p{L}.])[-–](?=\p{Lu})/gu, ' ').match(/(?:\p{Lu}[\p{L}.'’-]*)(?:\s+(?:of\s+)?\p{Lu}[\p{L}.'’-]*)*/gu) ?? [];
  for (const name of names) {
    const clean = name.replace(/['’]s$/, '').replace(/\.$/, '');
    const alias = builtinActorAliases[clean.toLowerCase()];
    if (alias) {
      out.add(alias.toLowerCase().slice(0, 5));
      continue;
    }
    for (const w of clean.split(/\s+/)) {
      const lower = w.toLowerCase().replace(/[.'’]/g, '');
      const aliased = builtinActorAliases[w.toLowerCase()];
      if (aliased) out.add(aliased.toLowerCase().slice(0, 5));
      else if (lower.length > 1 && !isStopWord(lower) && !monthNames.test(lower) && lower !== 'of') out.add(lower.slice(0, 5));
    }
  }
  return out;
}

const overlap = (a: ReadonlySet<string>, b: ReadonlySet<string>) => {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
};

/** The text with its years and dates blanked, so two tellings compare on their words alone. */
const undated = (t: string) => t.replace(/\b(?:1[6-9]|20)\d\d\b|\b\d{1,2}(?:st|nd|rd|th)?\b/g, ' ');

/** Whether `e` tells the happening of a group holding `members` (of its kind, with compatible dates). */
function sameHappening(e: RawEvent, members: readonly RawEvent[], counts: Map<string, TermVector>): boolean {
  return members.some((m) => {
    if (precision(e.date) === 3 && e.date === m.date) return true;
    const shared = overlap(e.parties, m.parties);
    if (shared === 0) return false;
    const smaller = Math.min(e.parties.size, m.parties.size);
    return shared >= Math.min(2, smaller) || similarEnough(undated(e.text), undated(m.text), 0.25, counts);
  });
}

interface Group {
  kind: string;
  items: RawEvent[];
  dates: Set<string>;
  parties: Set<string>;
  sources: Set<number>;
  conflicts: Group[];
  absorbed: boolean;
}

/** The row's date: the most precise one its sources give (the most often given on a tie, then the earliest). */
function dateOf(g: Group): string {
  const count = new Map<string, number>();
  for (const e of g.items) count.set(e.date, (count.get(e.date) ?? 0) + 1);
  return [...count.keys()].sort((a, b) => precision(b) - precision(a) || count.get(b)! - count.get(a)! || dateKey(a).localeCompare(dateKey(b)))[0];
}

/**
 * The telling that reads best as a timeline row: one of the row's kind, one whose verb tells the
 * happening ("was signed in February 2020") before one that only names it, then the shortest.
 */
function leadOf(g: Group): RawEvent {
  const ofKind = (e: RawEvent) => Number((e.kind ? (sameKindAs[e.kind] ?? e.kind) : '') === g.kind);
  return [...g.items].sort((a, b) => ofKind(b) - ofKind(a) || Number(!!b.verb) - Number(!!a.verb) || a.text.length - b.text.length || a.source - b.source || a.start - b.start)[0];
}

/** Events with the same happening (from any source) are one row; ordered by date. */
export function mergeTimeline(analyses: readonly SourceAnalysis[], order: ReadonlyMap<string, number>): TimelineEvent[] {
  const raw: RawEvent[] = analyses.flatMap((a, i) => a.events.slice(0, maxEventsPerSource).map((e) => ({ date: e.date, text: e.text, kind: e.kind, verb: e.verb, start: e.start, end: e.end, source: i, parties: partiesOf(e.text) })));
  // The most precise dates first, so a year-only mention joins the happening its month or day names.
  const ordered = raw.map((e, i) => ({ e, i })).sort((a, b) => precision(b.e.date) - precision(a.e.date) || a.i - b.i);
  const groups: Group[] = [];
  // Groups by kind and year (a decade's groups under its first three digits), to compare with few.
  const byKey = new Map<string, Group[]>();
  const keysOf = (kind: string, date: string) => (date.endsWith('s') ? [`${kind}:${date.slice(0, 3)}`] : [`${kind}:${date.slice(0, 4)}`, `${kind}:${date.slice(0, 3)}`]);
  const byDay = new Map<string, Group[]>();
  const counts = new Map<string, TermVector>();
  for (const { e } of ordered) {
    // An event of no known kind (from an older analysis) is matched by its exact date and words.
    const kind = e.kind ? (sameKindAs[e.kind] ?? e.kind) : `text:${e.date}`;
    // A happening on a named day, told as different kinds ("the Taliban took over Kabul on August
    // 15, 2021", "the Taliban reached Kabul's gates on August 15, 2021, the city collapsed"), is
    // one when the tellings name a party in common.
    const sameDay = precision(e.date) === 3 ? (byDay.get(e.date) ?? []).filter((g) => g.kind !== kind && overlap(g.parties, e.parties) > 0) : [];
    const candidates = [...(byKey.get(keysOf(kind, e.date)[0]) ?? []), ...sameDay];
    let best: Group | null = null;
    for (const g of candidates) {
      if (![...g.dates].every((d) => compatibleDates(d, e.date))) continue;
      if (g.kind === kind && (e.kind ? !sameHappening(e, g.items, counts) : !g.items.some((m) => m.date === e.date && similarEnough(m.text, e.text, 0.4, counts)))) continue;
      if (!best || g.sources.size > best.sources.size || (g.sources.size === best.sources.size && g.items.length > best.items.length)) best = g;
    }
    if (!best) {
      best = { kind, items: [], dates: new Set(), parties: new Set(), sources: new Set(), conflicts: [], absorbed: false };
      groups.push(best);
      for (const k of keysOf(kind, e.date)) byKey.set(k, [...(byKey.get(k) ?? []), best]);
    }
    if (precision(e.date) === 3 && !best.dates.has(e.date)) byDay.set(e.date, [...(byDay.get(e.date) ?? []), best]);
    best.items.push(e);
    best.dates.add(e.date);
    best.sources.add(e.source);
    for (const p of e.parties) best.parties.add(p);
  }
  attachConflicts(groups, counts);
  const citationsOf = (items: readonly RawEvent[]): Citation[] => items.map((e) => citationOf(analyses[e.source].doc, e)).sort((a, b) => byCitation(a, b, order));
  return groups
    .filter((g) => !g.absorbed)
    .map((g) => {
      const lead = leadOf(g);
      const row: TimelineEvent = { date: dateOf(g), text: lead.text, citations: citationsOf(g.items), support: g.sources.size };
      if (!g.kind.startsWith('text:')) row.kind = g.kind;
      if (g.conflicts.length) row.conflictingDates = g.conflicts.map((c) => ({ date: dateOf(c), text: leadOf(c).text, citations: citationsOf(c.items) }));
      return row;
    })
    .sort((a, b) => dateKey(a.date).localeCompare(dateKey(b.date)) || byCitation(a.citations[0], b.citations[0], order));
}

/**
 * Rows of one kind naming the same parties (two or more in common, and two thirds of the smaller
 * row's, or fewer in similar words), whose dates cannot both be right and are at most
 * `conflictYears` apart: the row given by fewer sources (fewer tellings, then the later date) is
 * attached to the other as a conflicting date.
 */
function attachConflicts(groups: Group[], counts: Map<string, TermVector>): void {
  const year = (g: Group) => Number(dateOf(g).slice(0, 4));
  const weight = (g: Group) => g.sources.size * 1000 + g.items.length;
  const byKind = new Map<string, Group[]>();
  for (const g of groups) if (!g.kind.startsWith('text:') && !dateOf(g).endsWith('s')) byKind.set(g.kind, [...(byKind.get(g.kind) ?? []), g]);
  for (const list of byKind.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        if (a.absorbed || b.absorbed || Math.abs(year(a) - year(b)) > conflictYears || compatibleDates(dateOf(a), dateOf(b))) continue;
        const shared = overlap(a.parties, b.parties);
        const smaller = Math.min(a.parties.size, b.parties.size);
        if (shared < Math.min(2, smaller) || shared === 0) continue;
        // Most of the parties of the smaller row, or the same words: not merely two parties every row names.
        if (shared < (2 / 3) * smaller && !a.items.some((x) => b.items.some((y) => similarEnough(undated(x.text), undated(y.text), 0.2, counts)))) continue;
        const [major, minor] = weight(a) > weight(b) || (weight(a) === weight(b) && dateKey(dateOf(a)) <= dateKey(dateOf(b))) ? [a, b] : [b, a];
        if (minor.conflicts.length) continue;
        major.conflicts.push(minor);
        minor.absorbed = true;
      }
    }
  }
}
