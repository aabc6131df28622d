/**
 * Whether a date in a sentence dates a happening: the time of an event word the date is attached
 * to ("signed in February 2020", "the August 2021 withdrawal", "the Peace Agreement of February
 * 29, 2020", "In 1989, the US left Afghanistan"), and not a reference point or bound ("since
 * 2001", "following August 2021", "post-9/11", "between 2008 and 2022"), a deadline or plan ("the
 * May 1, 2021 deadline", "plans to leave by 2025"), a projection ("In 2025, the Taliban may …"), a
 * statistic over a period ("1,000 were killed in 2023", "earned INR 102,000 per hectare in 2022"),
 * a state ("an ally since 2001") or a sentence reporting a cited work ("Herrera and Wolt (2021)
 * study the withdrawal in 2021").
 *
 * The event words are general English for one-off happenings (signings, withdrawals, attacks,
 * elections, takeovers, laws, meetings, foundings, deaths), grouped by kind so that two sources
 * telling one happening in different words ("withdrawal", "left Afghanistan") can be matched. A
 * verb near the date tells the happening before a noun does: "the TTP ended the agreement on
 * November 28, 2022" is an ending, not a signing.
 */
import type { DateMention } from './timeline.js';
import { isStopWord } from './text/stopwords.js';

/** Kinds of happening and the word forms that tell them (lower case, whole words). */
const kinds: Record<string, { nouns: string[]; verbs: string[] }> = {
  agreement: {
    nouns: ['agreement', 'agreements', 'deal', 'accord', 'accords', 'treaty', 'pact', 'truce', 'ceasefire', 'cease-fire', 'armistice', 'signing', 'memorandum'],
    verbs: ['signed', 'agreed', 'concluded', 'brokered', 'ratified'],
  },
  withdrawal: {
    nouns: ['withdrawal', 'pullout', 'pull-out', 'departure', 'exit', 'retreat', 'drawdown', 'evacuation'],
    verbs: ['withdrew', 'withdrawn', 'left', 'departed', 'pulled', 'evacuated', 'retreated'],
  },
  takeover: {
    nouns: ['takeover', 'take-over', 'capture', 'seizure', 'fall', 'collapse', 'coup', 'overthrow', 'ouster', 're-take', 'retake', 'conquest'],
    verbs: ['seized', 'captured', 'collapsed', 'fell', 'overthrown', 'overthrew', 'ousted', 'toppled', 'deposed', 'conquered', 'retook'],
  },
  invasion: { nouns: ['invasion', 'occupation', 'incursion', 'intervention'], verbs: ['invaded', 'occupied', 'intervened'] },
  attack: {
    nouns: ['attack', 'bombing', 'raid', 'strike', 'airstrike', 'assault', 'massacre', 'assassination', 'shooting', 'ambush', 'hijacking', 'explosion', 'blast', 'incident', 'attacks', 'events'],
    verbs: ['attacked', 'bombed', 'struck', 'killed', 'assassinated', 'massacred', 'ambushed', 'hijacked', 'shot'],
  },
  war: { nouns: ['war', 'operation', 'offensive', 'campaign', 'battle', 'uprising', 'insurgency', 'rebellion', 'revolution'], verbs: ['fought', 'launched'] },
  election: {
    nouns: ['election', 'elections', 'vote', 'referendum', 'inauguration', 'resignation', 'appointment', 'impeachment'],
    verbs: ['elected', 'voted', 'replaced', 'succeeded', 'inaugurated', 'resigned', 'appointed', 'impeached', 'won', 'sworn', 'dismissed'],
  },
  law: {
    nouns: ['law', 'act', 'bill', 'amendment', 'ordinance', 'resolution', 'sanctions', 'embargo', 'ban', 'cutback', 'cutbacks', 'suspension', 'decree'],
    verbs: ['passed', 'enacted', 'adopted', 'approved', 'introduced', 'imposed', 'lifted', 'banned', 'suspended', 'vetoed', 'repealed', 'cut', 'designated', 'blacklisted', 'froze'],
  },
  meeting: {
    nouns: ['summit', 'conference', 'meeting', 'visit', 'talks', 'negotiations', 'dialogue', 'speech'],
    verbs: ['met', 'visited', 'hosted', 'convened', 'organized', 'organised', 'addressed', 'negotiated'],
  },
  statement: {
    nouns: ['announcement', 'declaration', 'proclamation', 'pledge', 'offer'],
    verbs: ['announced', 'declared', 'proclaimed', 'unveiled', 'outlined', 'offered', 'rejected', 'pledged', 'recognized', 'recognised', 'reset', 'restored', 'resumed', 'severed'],
  },
  founding: {
    nouns: ['founding', 'formation', 'creation', 'inception', 'independence', 'partition', 'launch'],
    verbs: ['founded', 'formed', 'established', 'created', 'began', 'begun', 'started', 'emerged', 'founded'],
  },
  ending: { nouns: ['end', 'termination', 'dissolution'], verbs: ['ended', 'terminated', 'dissolved', 'abandoned', 'scrapped', 'collapsed'] },
  death: { nouns: ['death', 'killing', 'murder', 'execution'], verbs: ['died', 'executed', 'murdered'] },
  release: {
    nouns: ['release', 'arrest', 'kidnapping', 'abduction', 'rescue', 'detention', 'extradition'],
    verbs: ['released', 'freed', 'arrested', 'kidnapped', 'abducted', 'rescued', 'detained', 'extradited', 'captured'],
  },
  disaster: { nouns: ['earthquake', 'flood', 'floods', 'cyclone', 'hurricane', 'tsunami', 'outbreak', 'famine'], verbs: ['struck', 'hit', 'flooded', 'erupted'] },
};

const nounKinds = new Map<string, string>();
/** The kind a noun names, singular or plural ("attack", "attacks"). */
const nounKind = { get: (w: string) => nounKinds.get(w) ?? (w.endsWith('s') ? nounKinds.get(w.slice(0, -1)) : undefined) };
const verbKind = new Map<string, string>();
for (const [kind, { nouns, verbs }] of Object.entries(kinds)) {
  for (const n of nouns) if (!nounKinds.has(n)) nounKinds.set(n, kind);
  for (const v of verbs) if (!verbKind.has(v)) verbKind.set(v, kind);
}
/** "took over", "took control", "took power", "came to power": a verb that tells a happening only with its particle. */
const phrasalVerb = /^(?:took|taken|take|takes|seize[sd]?)\s+(?:over|control|power|office)\b|^came\s+to\s+power\b/;

/** A date that only bounds or refers to a time, with no happening at it. */
const referenceBefore = /(?:\b(?:since|until|till|by|before|after|following|from|between|through|throughout|into|post|pre|beyond|towards?|and|or)\s+(?:(?:the|early|late|mid|end\s+of|beginning\s+of|middle\s+of)\s+){0,3}|\b(?:as\s+of|prior\s+to|up\s+to|ahead\s+of)\s+|\b(?:post|pre)-)$/i;
/** Nouns that make a date a deadline or a plan, not a time something happened. */
const deadlineNoun = /^(?:deadlines?|dates?|targets?|timelines?|timetables?|plans?|schedules?|goals?|horizons?|vision|roadmap)$/i;
/** Words that make what follows a possibility, a wish or a plan. */
const modal = /^(?:may|might|will|would|could|should|can|shall|must|to|plans?|planned|intends?|intended|expected|wants?|wanted|hopes?|hoped|likely)$/i;
/** A statistic: a rate, a share, or a count of hundreds (money excepted: "cut $300 million in aid" is an act). */
const statistic = /(?<![$£€¥]\s?)(?<![\p{L}\p{N},.])(?:\d{1,3}(?:,\d{3})+|\d{3,})(?![\p{N}])(?!\s*(?:million|billion))|\d\s*(?:%|percent\b|per\s+cent\b)|\bper\s+(?:hectare|acre|capita|head|year|annum|day|month)\b/u;
/** A capitalised name followed by a verb in the past ("Gujarat separated", "Washington imposed"). */
const actorVerb = /(?:^|[^\p{L}])(\p{Lu}[\p{L}'’-]+)\s+(\p{Ll}{3,}ed)\b/u;
/** Past forms that tell a state or a view, not an act ("Washington expressed mistrust", "Pakistan remained"). */
const stateVerb = /^(?:expressed|remained|seemed|appeared|continued|used|considered|believed|perceived|viewed|regarded|needed|wanted|hoped|feared|worried|tried|lacked|relied|depended|focused|aimed|claimed|argued|noted|stated|suggested|reported|recorded|showed|played|proved|remained)$/;
/** Clause boundaries: a semicolon or colon, a dash, or a comma before a conjunction that starts a new clause. */
const boundary = /;|:|\s[–—]\s|,\s+(?=(?:and|but|while|whereas|although|though|because|yet)\b)/g;
/** A citation written in running text: "Raz (2023)", "Herrera and Wolt (2021)", "Maaz et al". */
const narrativeCitation = /\p{Lu}[\p{L}'’-]+(?:\s+et\s+al\.?)?,?\s*\((?:1[5-9]|20)\d\d[a-z]?(?:[,;:]\s*(?:p\.\s*)?\d+)?\)|\bet\s+al\b/u;

interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
}

/** Plurals that name one happening ("peace talks", "the 2008 elections"), not a run of them. */
const oneHappening = new Set(['talks', 'negotiations', 'sanctions', 'cutbacks', 'elections', 'events', 'accords', 'floods']);

const wordRe = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

function wordsIn(text: string, from: number, to: number): Word[] {
  const out: Word[] = [];
  wordRe.lastIndex = from;
  for (let m = wordRe.exec(text); m && m.index < to; m = wordRe.exec(text)) {
    const w = m[0].replace(/['’]s$/, '');
    out.push({ text: w, lower: w.toLowerCase(), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The clause of `text` holding [start, end): between the strong boundaries around it. */
function clauseOf(text: string, start: number, end: number): { from: number; to: number } {
  let from = 0;
  let to = text.length;
  boundary.lastIndex = 0;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    if (m.index + m[0].length <= start) from = m.index + m[0].length;
    else if (m.index >= end) {
      to = m.index;
      break;
    }
  }
  return { from, to };
}

/** The happening a date tells: its kind and the word that names it. */
export interface EventAnchor {
  kind: string;
  /** The event word as written ("signed", "withdrawal"). */
  word: string;
  /** Whether a verb tells it ("signed in 2020"), rather than a noun ("the 2020 agreement"). */
  verb: boolean;
}

/** Whether a sentence reports what a cited work says ("Raz (2023) shows …", "Maaz et al. study …"). */
export function reportsCitedWork(raw: string): boolean {
  return narrativeCitation.test(raw);
}

function kindOfWord(w: Word, next: Word | undefined, rest: string): { kind: string; verb: boolean } | null {
  const v = verbKind.get(w.lower);
  if (v) return { kind: v, verb: true };
  if (phrasalVerb.test(rest)) return { kind: 'takeover', verb: true };
  // A capitalised event noun names one ("the Peace Agreement", "Defence Bill") as a plain one does.
  const n = nounKind.get(w.lower);
  if (n) {
    // "the end of …" is a happening only with what ended; "act" is a law only when named ("the Patriot Act").
    if (w.lower === 'act' && w.text !== 'Act') return null;
    if (w.lower === 'end' && next?.lower !== 'of') return null;
    return { kind: n, verb: false };
  }
  return null;
}

/** Characters read either side of a date (beyond the longest clause a happening is told in). */
const nearChars = 400;
/** Words looked at before a date for the happening it dates. */
const backWindow = 14;
/** Words looked at after a date that opens its clause ("In 1989, the US left …"). */
const forwardWindow = 12;

/**
 * The happening `date` (a mention in `masked`, the citation-masked sentence) is the time of, or
 * null when the date dates none. `raw` is the sentence as written; `citesWork`, whether it reports
 * a cited work (computed once per sentence by a caller reading several of its dates).
 */
export function eventAnchor(raw: string, masked: string, date: DateMention, citesWork = reportsCitedWork(raw)): EventAnchor | null {
  if (citesWork) return null;
  // Only the text near the date is read: an unsplit run of thousands of dates costs each of them
  // the same, not the length of the run.
  const near = { from: Math.max(0, date.start - nearChars), to: Math.min(masked.length, date.end + nearChars) };
  const clause = clauseOf(masked.slice(near.from, near.to), date.start - near.from, date.end - near.from);
  const from = near.from + clause.from;
  const to = near.from + clause.to;
  // The phrase of the date (between the commas around it, not those inside a number) without the
  // date itself: a count of hundreds, a share or a rate in it makes the date a statistic's period.
  const phraseComma = /,(?!\d{3})/g;
  let pFrom = from;
  let pTo = to;
  for (const m of masked.slice(from, to).matchAll(phraseComma)) {
    const at = from + m.index;
    if (at < date.start) pFrom = at + 1;
    else if (at >= date.end && pTo === to) pTo = at;
  }
  const others = masked.slice(pFrom, date.start) + ' ' + masked.slice(date.end, pTo);
  if (statistic.test(others.replace(/\b(?:1[5-9]|20)\d\d(?:s|[-–/]\d{2,4})?\b/g, ' '))) return null;
  const before = masked.slice(from, date.start);
  // "post-9/11 developments", "pre-2001": a period bounded by the date.
  if (/\b(?:post|pre)[-\s]$/i.test(before)) return null;
  const after = wordsIn(masked, date.end, to);
  // The date as a premodifier: "the August 2021 withdrawal", "A 2014 attack", "the 9/11 attacks",
  // or a noun inside the mention ("September 11 attacks of 2001").
  const inside = wordsIn(masked, date.start, date.end);
  for (const w of inside) {
    const k = nounKind.get(w.lower);
    if (k) return { kind: k, word: w.text, verb: false };
  }
  const head = after[0] && /^\s*,?\s*$/.test(masked.slice(date.end, after[0].start)) ? after[0] : undefined;
  if (head) {
    if (deadlineNoun.test(head.lower)) return null;
    const k = nounKind.get(head.lower);
    // "the 9/11 attacks": a plural names one happening when the date names its day.
    if (k && /^\s*$/.test(masked.slice(date.end, head.start)) && (!head.lower.endsWith('s') || date.date.length === 10 || oneHappening.has(head.lower))) return { kind: k, word: head.text, verb: false };
  }
  if (referenceBefore.test(before)) return null;
  // Back from the date, within the clause: the nearest event verb, else the nearest event noun.
  const back = wordsIn(masked, from, date.start);
  let noun: EventAnchor | null = null;
  let nounAt = -1;
  for (let k = back.length - 1, n = 0; k >= 0 && n < backWindow; k--, n++) {
    const w = back[k];
    if (deadlineNoun.test(w.lower) && !noun) return null;
    // A verb beyond the noun tells the happening only when it governs the noun ("ended the
    // agreement on …"), a few words before it; "efforts began to show results, Bin Laden's
    // death in 2011" dates the death.
    if (noun && nounAt - k > 3) break;
    const found = kindOfWord(w, back[k + 1], masked.slice(w.start, w.start + 30).toLowerCase());
    if (!found) continue;
    if (found.verb) {
      // "wanted to leave", "may withdraw": a wish or a possibility, not a happening.
      if (back.slice(Math.max(0, k - 3), k).some((x) => modal.test(x.lower))) return null;
      return { kind: found.kind, word: w.text, verb: true };
    }
    if (!noun) {
      // The nearest happening is a run of them ("continued attacks in 2021"): the date is its span.
      if (w.lower.endsWith('s') && !oneHappening.has(w.lower) && date.date.length < 10) return null;
      noun = { kind: found.kind, word: w.text, verb: false };
      nounAt = k;
    }
  }
  if (noun) return noun;
  // A named actor doing something in the past ("Gujarat separated farm feeders from village supply
  // in 2003", "the ISI arrested him in 2010"): a subject that acts, though its verb is in no list.
  if (!date.date.endsWith('s')) {
    const acted = actorVerb.exec(masked.slice(from, date.start));
    if (acted && !isStopWord(acted[1].toLowerCase()) && !stateVerb.test(acted[2]) && !back.slice(-backWindow).some((w) => modal.test(w.lower))) return { kind: 'act', word: acted[2], verb: true };
  }
  // A date opening its clause ("In 1989, the US left …", "In December 2021, the administration
  // organized …"): the happening is the verb that follows.
  const opens = /^\s*(?:\p{Lu}\p{Ll}*\s+)?(?:in|on|during|at)?\s*(?:(?:early|late|mid)-?\s*)?$/iu.test(before) && /^\s*,/.test(masked.slice(date.end, to));
  if (!opens) return null;
  for (let k = 0; k < Math.min(after.length, forwardWindow); k++) {
    const w = after[k];
    const found = kindOfWord(w, after[k + 1], masked.slice(w.start, w.start + 30).toLowerCase());
    if (!found?.verb) continue;
    if (after.slice(Math.max(0, k - 3), k).some((x) => modal.test(x.lower))) return null;
    return { kind: found.kind, word: w.text, verb: true };
  }
  return null;
}
