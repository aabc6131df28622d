/**
 * Sentences about the document or its publisher rather than its subject. A report's summary often
 * opens by presenting itself ("The guidance presents an assessment of …", "It proposes key steps
 * for …") and its publisher ("The World Bank supports …", "UNESCO's first global guidance … aims
 * to …"): true, but what the report covers or who made it, not what it finds. So are the authors'
 * own acts ("We set out …", "We urge …"), an organisation describing itself and the document's
 * editions. A claim the document makes keeps its reporting verb and stays ("This report argues
 * that …", "The paper further demonstrates that …").
 */
import type { StructuredSource } from '../model/document.js';

/** Verbs with which a document presents its contents or aims, or asks ("It calls on …", "The guidance stresses the need for …"), not a claim. */
const presenting = String.raw`(?:calls?\s+(?:on|upon)|urges?|invites?|recommends?|advocates?|(?:stresses|underlines|emphasi[sz]es|highlights|underscores)\s+the\s+(?:need|importance)|outlines?|presents?|proposes?|provides?|offers?|describes?|aims?|seeks?|sets?\s+out|examines?|reviews?|discuss(?:es)?|explores?|introduces?|summari[sz]es?|covers?|addresses|focuses|includes?|contains?|maps?\s+out|is\s+(?:intended|designed|meant|organi[sz]ed|structured|divided)|concludes\b(?!\s+that\b))`;

/** The document as a sentence's subject: "This report", "The guidance", "UNESCO's first global guidance on GenAI in education", "It". */
const documentSubject = String.raw`(?:(?:this|the|its|our|[\p{Lu}][\p{L}.&-]*['’]s)\s+(?:[\p{L}-]+\s+){0,3}?(?:paper|study|article|report|brief|briefing|guidance|guide|guidelines|publication|document|note|chapter|handbook|toolkit|edition|volume|review|assessment)(?:\s+(?:on|for|of|about|in)\s+[^,.;:]{1,60}?)?|(?:section|chapter|part)\s+\d+(?:\.\d+)*|it)`;

const presentsItselfPattern = new RegExp(`^(?:[^,]{0,60},\\s+)?${documentSubject}\\s+(?:also\\s+|further\\s+|then\\s+|first\\s+|therefore\\s+)?${presenting}\\b`, 'iu');

/** Whether a sentence is the document presenting what it contains or sets out to do ("It outlines requirements for …"). */
export function presentsItself(text: string): boolean {
  return presentsItselfPattern.test(text);
}

/** Verbs with which a publisher, as the subject, still makes a claim about the subject ("The Institute assesses that …"). */
const judging = /^(?:assess|find|found|believe|judge|conclude|estimate|argue|warn|expect|consider)/i;

/** Names a document's publisher goes by: its name without "The", the name before a comma, its acronym in parentheses. */
export function publisherNames(doc: StructuredSource): string[] {
  const p = doc.metadata.publisher?.trim();
  if (!p) return [];
  const names = new Set<string>();
  const acronym = /\(([\p{Lu}]{2,10})\)/u.exec(p)?.[1];
  if (acronym) names.add(acronym);
  for (const part of p.replace(/\([^)]*\)/g, ' ').split(/,/)) {
    const name = part.replace(/^\s*the\s+/i, '').replace(/\s+/g, ' ').trim();
    if (name.length >= 3) names.add(name);
  }
  return [...names];
}

/**
 * Whether a sentence tells what the document's publisher does, is or aims at ("The World Bank
 * supports …", "In pursuit of this goal, the World Bank works to …"): its subject is the publisher
 * and its verb does not judge. `names` from {@link publisherNames}.
 */
export function aboutThePublisher(names: readonly string[], text: string): boolean {
  if (!names.length) return false;
  const opening = /^(?:[^,]{0,60},\s+)?(?:the\s+)?/i.exec(text)?.[0] ?? '';
  for (const candidate of [text, text.slice(opening.length)]) {
    const body = candidate.replace(/^the\s+/i, '');
    for (const name of names) {
      if (!body.toLowerCase().startsWith(name.toLowerCase())) continue;
      const after = body.slice(name.length);
      // "UNESCO's guidance …" is the document (presentsItself); "World Bank data show …" is a source of figures.
      if (!/^\s+\p{Ll}/u.test(after)) continue;
      // What the publisher is and does now ("supports", "is committed to", "works to"); a past act
      // ("The European Union adopted the AI Act") is an event of the subject.
      const m = /^\s+(?:(has|have|is|are|will|continues\s+to)\s+|(?:also|now)\s+)?(\p{L}+)/u.exec(after);
      if (m && (m[1] || /\p{L}[^s]s$/u.test(m[2])) && !judging.test(m[2])) return true;
    }
  }
  return false;
}

// The authors' own acts: a roadmap ("we set out", "we turn to") or a call to action ("we urge X to").
// "We find/argue/conclude that" are claims, and "we propose/present X" a paper's contribution: they stay.
// What the authors set out to examine is no finding either ("In this paper, we systematically
// dissect the assumptions …"): what they found follows "we find that".
/** The authors' own acts (a roadmap, a call to action, what they set out to examine): about the document, not its subject. */
export const authorialAct = /^(?:(?:in|throughout)\s+this\s+(?:paper|report|brief|briefing|study|chapter|section),?\s+|finally,\s+|first,\s+)?we\s+(?:also\s+|then\s+|therefore\s+|now\s+|\p{L}+ly\s+)?(?:set\s+out|urge|invite|call\s+(?:on|upon)|encourage|ask|turn\s+to|begin\s+(?:by|with)|thank|(?:examine|analy[sz]e|dissect|explore|investigate|trace|map|study|consider)\b(?!\s+(?:that|whether)\b))/iu;
// An organisation describing itself ("The Small Islands Climate Justice Collective is a network of …").
/** An organisation describing itself. */
export const aboutTheMakers = /^(?:the\s+)?(?:\p{Lu}[\p{L}'’&-]*\s+){1,7}(?:\([A-Z]{2,8}\)\s+)?(?:is|are)\s+an?\s+(?:[\p{L}-]+\s+){0,3}(?:network|think[\s-]tank|organi[sz]ation|institute|centre|center|coalition|collective|alliance|foundation|consortium|non-profit|charity)\b/iu;
// The document's own editions, plans and making ("The next edition of the Island Resilience Report
// will …", "This briefing was reviewed by …").
/** The document's own editions, plans and making. */
export const aboutTheEdition = /\b(?:next|forthcoming|future|previous|last\s+year's)\s+editions?\b|^(?:this|the\s+present)\s+(?:report|paper|brief|briefing|study|commentary)\s+(?:will|is\s+(?:organi[sz]ed|structured)|proceeds|(?:was|has\s+been)\s+(?:reviewed|prepared|written|funded|commissioned|produced|published|supported))\b/i;

/**
 * Whether a sentence is about the document or its makers rather than its subject: the document
 * presenting itself, its publisher's work, the authors' own acts, an organisation describing
 * itself, the document's editions. `publisher` from {@link publisherNames}.
 */
export function aboutTheDocument(text: string, publisher: readonly string[]): boolean {
  return authorialAct.test(text) || aboutTheMakers.test(text) || aboutTheEdition.test(text) || presentsItself(text) || aboutThePublisher(publisher, text);
}

/** Lower-case words of a text, punctuation aside ("Taliban's" is one word). */
const wordsOf = (t: string): string => (t.toLowerCase().replace(/[’‘]/g, "'").match(/[\p{L}\p{N}']+/gu) ?? []).join(' ');

/**
 * Whether a sentence is the document's title printed again (a running title or a citation line
 * left in the text: "Taliban's Afghanistan Takeover: Assessment of Regional Powers and Indian
 * Interests."): the document's name, which the brief shows already, not a statement about its subject.
 */
export function repeatsTitle(doc: StructuredSource, text: string): boolean {
  const title = doc.metadata.title?.trim();
  if (!title) return false;
  const said = wordsOf(text);
  return said === wordsOf(title) || (!!doc.metadata.subtitle && said === wordsOf(`${title} ${doc.metadata.subtitle}`));
}
