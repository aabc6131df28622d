/**
 * Who makes what a recommendation is about. "Standards should cover …" asks nobody by name, but a
 * brief on AI standards says who writes them ("European standardisation organisations, led by CEN
 * and CENELEC, are in the process of drafting the necessary AI standards"): the ask is theirs. The
 * document's own sentences give, for each thing, the bodies it says make, draft or issue it; a
 * recommendation whose subject is such a thing is addressed to the body named most often.
 */
import type { StructuredSource } from '../model/document.js';
import { bodySentences, perSource } from './body-text.js';
import { isAgentPhrase } from './advice-context.js';


const making = String.raw`(?:draft|develop|prepar|writ|produc|creat|design|elaborat|issu|publish|adopt|draw(?:ing)?\s+up|set(?:t)?|updat|revis)`;
// "X, led by Y, are in the process of drafting the … standards"; "X is developing guidelines".
const makerActs = new RegExp(String.raw`^(?:the\s+)?((?:[\p{L}'’-]+\s+){0,6}?[\p{L}'’-]+)(?:\s*,[^,.;]{2,80},)?\s+(?:are|is|were|was|have\s+been|has\s+been|will\s+be)\s+(?:now\s+|currently\s+|already\s+)?(?:in\s+the\s+process\s+of\s+|responsible\s+for\s+|tasked\s+with\s+|mandated\s+to\s+)?${making}\p{L}*\s+([^.;:]{2,80})`, 'iu');
// "… standards (being) drafted by CEN and CENELEC".
const madeBy = new RegExp(String.raw`\b([\p{L}-]+)\s+(?:(?:are|is|were|was|being|been|to\s+be)\s+)*${making}\p{L}*\s+by\s+(?:the\s+)?((?:[\p{L}'’-]+\s+){0,6}?[\p{L}'’-]+)(?=[\s,.;:)]|$)`, 'iu');

/** A noun as its singular head ("standards" → "standard"), lower-cased. */
function headOf(word: string): string {
  const w = word.toLowerCase();
  return /ies$/.test(w) ? w.slice(0, -3) + 'y' : /(?:ss|us|is)$/.test(w) ? w : w.replace(/s$/, '');
}

/** For each thing (singular head noun) the bodies the document says make it, with how often. */
const makersOf: (doc: StructuredSource) => Map<string, Map<string, number>> = perSource((doc) => {
  const out = new Map<string, Map<string, number>>();
  const add = (thing: string, maker: string) => {
    const m = out.get(thing) ?? out.set(thing, new Map()).get(thing)!;
    m.set(maker, (m.get(maker) ?? 0) + 1);
  };
  for (const s of bodySentences(doc)) {
    if (!/ing\b|\bby\b/.test(s.text)) continue;
    const acts = makerActs.exec(s.text);
    if (acts && isAgentPhrase(acts[1])) for (const w of acts[2].split(/[\s,()]+/).slice(0, 6)) if (/^\p{L}{4,}$/u.test(w)) add(headOf(w), acts[1]);
    const by = madeBy.exec(s.text);
    if (by && isAgentPhrase(by[2])) add(headOf(by[1]), by[2]);
  }
  return out;
});

/**
 * The body that makes what a recommendation's subject names ("Standards should …" → the bodies
 * the document says draft standards; "Requirements captured in standards should …" and
 * "standardisers should …" → the same, by a noun of the subject or a word built on the thing's
 * name); null when the subject is itself a named actor, or the document names no maker of it.
 */
export function makerAddressee(doc: StructuredSource, sentence: string): string | null {
  const nouns = subjectNouns(sentence);
  if (!nouns.length) return null;
  const made = makersOf(doc);
  for (const n of nouns) {
    const makers = made.get(n);
    if (makers) return mostOften(makers);
  }
  // "standardisation deliverables", "standardisers": words built on the thing's name
  for (const n of nouns) for (const [thing, makers] of made) if (thing.length >= 6 && n.length > thing.length && n.startsWith(thing)) return mostOften(makers);
  return null;
}

/**
 * The makers the language names after what the sentence is about, as the document spells them:
 * "Policies should …" → its "policy-makers"; "Decisions must …" → its "decision makers". Null when
 * the document never names them.
 */
export function namedMakers(doc: StructuredSource, sentence: string): string | null {
  const thing = subjectHead(sentence);
  if (!thing || thing.length < 4) return null;
  const stem = thing.replace(/y$/, '(?:y|ie)');
  const counts = new Map<string, number>();
  for (const m of doc.source.text.matchAll(new RegExp(String.raw`\b${stem}[-\s]?makers\b`, 'gi'))) {
    const k = m[0].toLowerCase().replace(/\s+/g, ' ');
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return mostOften(counts);
}

/** The key counted most often; ties go to the first counted (a Map keeps insertion order). */
function mostOften(counts: ReadonlyMap<string, number>): string | null {
  let best: string | null = null;
  let count = 0;
  for (const [k, n] of counts) if (n > count) [best, count] = [k, n];
  return best;
}

/** The subject of a duty sentence: before its modal, or the clause of "it is crucial that X are …". */
function dutySubject(sentence: string): string | null {
  const t = sentence.trim();
  const modal = /^(?:[^,]{0,120},\s+)?((?:[\p{L}-]+\s+){0,7}?[\p{L}-]+)\s+(?:should|must|need\s+to|needs\s+to|ought\s+to)\b/iu.exec(t);
  if (modal) return modal[1];
  const that = /^(?:[^,]{0,120},\s+)?it\s+is\s+(?:\p{L}+\s+)?(?:crucial|essential|important|vital|necessary|imperative|critical|urgent)\s+that\s+((?:[\p{L}-]+\s+){0,7}?[\p{L}-]+)\s+(?:are|is|be|should|must|remain|become)\b/iu.exec(t);
  return that ? that[1] : null;
}

/** The singular head noun of a duty sentence's subject, when it is a thing, not an actor. */
function subjectHead(sentence: string): string | null {
  return subjectNouns(sentence)[0] ?? null;
}

/**
 * The nouns of a duty sentence's subject, its head first: "Requirements captured in standards" →
 * requirement, standard. Empty when the subject is an actor the reader names ("Governments").
 */
function subjectNouns(sentence: string): string[] {
  const subject = dutySubject(sentence);
  if (!subject || isAgentPhrase(subject)) return [];
  // The head noun of the subject: "Standards for the AI Act" → "Standards"; the act of making is
  // not the thing made: "drafting of these standards" → "standards".
  const act = /^(?:the\s+)?[\p{L}-]+(?:ing|ment|tion)\s+of\s+(?:the\s+|these\s+|those\s+|such\s+)?((?:[\p{L}-]+\s+){0,3}?[\p{L}-]+)$/iu.exec(subject);
  const [phrase, ...rest] = act ? [act[1]] : subject.split(/\s+(?:of|for|on|in|to|about|with|from|under|at|that|which|who|and|or)\s+/i);
  const words = phrase.split(/\s+/);
  // a participle after the head ("Requirements captured") is not the head
  while (words.length > 1 && /ed$/i.test(words[words.length - 1])) words.pop();
  const head = words.pop() ?? '';
  if (/^(?:it|this|that|they|these|those|there|we|you|one)$/i.test(head)) return [];
  const others = [...words, ...rest.flatMap((r) => r.split(/\s+/))].filter((w) => /^\p{L}{4,}$/u.test(w) && !/ed$/i.test(w) && !/^(?:these|those|their|such|this|that|with|from)$/i.test(w));
  return [...new Set([head, ...others].map(headOf))];
}
