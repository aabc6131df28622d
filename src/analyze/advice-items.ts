/**
 * List items as units of advice. Reports state most recommendations as bulleted or numbered items
 * ("→ Promote free and competitive media", "8. Be mindful of …", "a) Governments should …",
 * "• R&D Centres to develop …"), often under a lead-in that says who is asked ("We RECOMMEND that
 * governments … consider the following actions:", "INSTRUCTS the Committee:"). An item is read
 * whole, one recommendation; whether it is one depends on its form (imperative, "X to do",
 * a modal sentence, a noun phrase) and on its context (the lead-in, the zone it sits in).
 */
import type { Span, StructuredSource } from '../model/document.js';
import { bodyParagraphs, textOf } from './body-text.js';
import { tagText } from './text/nlp.js';
import { isAgentPhrase } from './advice-context.js';
import { INLINE_LABEL } from '../layout/blocks.js';

/** One item of a list, with the lead-in that introduces its list (if any). */
export interface ListItem extends Span {
  /** Where the item's own words start (after its bullet or number). */
  bodyStart: number;
  paragraph: number;
  section: number;
  /** The lead-in sentence of the list ("… the following actions:"), as text, or null. */
  leadIn: string | null;
  /**
   * The sentence before a lead-in that points back to it ("Institutions should develop strategies.
   * This can be achieved through the following four strategies:"), or null: it says whom the items ask.
   */
  leadAntecedent: string | null;
}

/** A lead-in opening with a word that points back to the sentence before it. */
const anaphoricLead = /^\s*(?:this|these|that|those|such|it|in\s+particular|specifically|namely|to\s+(?:this|that)\s+end|in\s+(?:this|that)\s+(?:respect|regard|context))\b/i;

/** The lead-in of a paragraph (its last sentence, when it ends in a colon) and the antecedent a pointing lead-in has. */
function leadOf(text: string, colon: RegExp): { leadIn: string | null; antecedent: string | null } {
  const parts = sentencesOf(text);
  const last = parts[parts.length - 1] ?? '';
  if (!colon.test(last)) return { leadIn: null, antecedent: null };
  return { leadIn: last, antecedent: anaphoricLead.test(last) ? (parts[parts.length - 2] ?? null) : null };
}

// A bullet glyph, a number or letter label ("8.", "a)", "(iii)", "II.", "R6:") at the start of a line.
const marker =
  /^[ \t]*(?:[•●○◦▪■□▫➢➤►▸▹→⇒✓✔❖◆◇·‣⁃*‒–—-](?=[ \t\u0007])|\(?(?:\d{1,2}|[a-z]|[ivx]{1,5})[.)](?=[ \t])|\((?:\d{1,2}|[a-z]|[ivx]{1,5})\)(?=[ \t])|[IVX]{1,5}\.(?=[ \t])|R\d{1,2}[:.]?(?=[ \t]))[ \t\u0007]*/;

/** Whether a paragraph or line opens with a list marker. */
export function opensWithMarker(text: string): boolean {
  return marker.test(text);
}

/**
 * A label that wrapped to a line start inside a running sentence: "… taken by: (1) agencies,\n(2)
 * providers …". The line before ends mid-sentence and holds a label of the same kind itself.
 */
function continuesEnumeration(prevLine: string, line: string): boolean {
  return line.trimStart().search(INLINE_LABEL) === 0 && INLINE_LABEL.test(prevLine) && !/[.!?:;]["”’)]*\s*$/.test(prevLine);
}

/** A paragraph that stands between items without ending their list: a thematic sub-heading line. */
function isTransparent(text: string): boolean {
  const t = text.trim();
  return t.split(/\s+/).length <= 16 && !/[.:;!?]["”’)]*$/.test(t) && !opensWithMarker(t);
}

/**
 * Every list item of the body, in document order. A paragraph holding several items (a PDF that
 * joined "a) …" and "b) …") gives one item per marked line; text before its first marker is not an
 * item (it is prose, or the list's lead-in).
 */
export function listItems(doc: StructuredSource): ListItem[] {
  const text = doc.source.text;
  const out: ListItem[] = [];
  // Items come from the body; a lead-in may stand in front matter the body leaves out.
  const body = new Set(bodyParagraphs(doc));
  let lastLeadIn: string | null = null;
  let antecedent: string | null = null;
  let prevWasItem = false;
  doc.paragraphs.forEach((p, index) => {
    const raw = textOf(doc, p);
    // Offsets of marked line starts inside the paragraph.
    const starts: { at: number; body: number }[] = [];
    let lineStart = 0;
    let prevLine = '';
    while (lineStart <= raw.length) {
      const nl = raw.indexOf('\n', lineStart);
      const line = raw.slice(lineStart, nl < 0 ? raw.length : nl);
      const m = marker.exec(line);
      if (m && /\S/.test(line.slice(m[0].length)) && !continuesEnumeration(prevLine, line)) starts.push({ at: lineStart, body: lineStart + m[0].length });
      // A bullet alone on its line ("•" then the item's words on the next): the item starts there.
      else if (m && !/\S/.test(line.slice(m[0].length)) && nl >= 0 && /\S/.test(raw.slice(nl + 1)) && !marker.test(raw.slice(nl + 1).replace(/^\s*\n/, ''))) starts.push({ at: lineStart, body: nl + 1 + (/^\s*/.exec(raw.slice(nl + 1))?.[0].length ?? 0) });
      if (/\S/.test(line)) prevLine = line;
      if (nl < 0) break;
      lineStart = nl + 1;
    }
    if (!starts.length) {
      if (isTransparent(p.text)) return;
      // A prose paragraph ends the list; if it ends with a colon it leads the next one in.
      ({ leadIn: lastLeadIn, antecedent } = leadOf(p.text, /:\s*["”’)]*\s*$/));
      prevWasItem = false;
      return;
    }
    if (!body.has(p)) return;
    const head = raw.slice(0, starts[0].at).trim();
    if (head) {
      ({ leadIn: lastLeadIn, antecedent } = leadOf(head.replace(/\s+/g, ' '), /:\s*$/));
    } else if (!prevWasItem && !lastLeadIn) {
      antecedent = null;
      // First item of a list with no lead-in paragraph: a heading that leads in ("INSTRUCTS the
      // Committee on Digital Economy Policy:") serves as one.
      const h = doc.sections[p.section]?.heading ?? '';
      if (/:\s*$/.test(h) || /^\s*(?:[IVX]+\.\s*)?[A-Z]{4,}(?:\s+(?:ON|UPON|THAT))?\s/.test(h)) lastLeadIn = h;
    }
    starts.forEach((s, i) => {
      const end = i + 1 < starts.length ? starts[i + 1].at : raw.length;
      let e = p.start + end;
      while (e > p.start + s.body && /\s/.test(text[e - 1])) e--;
      out.push({ start: p.start + s.at, end: e, bodyStart: p.start + s.body, paragraph: index, section: p.section, leadIn: lastLeadIn, leadAntecedent: antecedent });
    });
    prevWasItem = true;
  });
  return out;
}

function sentencesOf(text: string): string[] {
  return text.trim().split(/(?<=[.!?]["”’)]?)\s+(?=[A-Z“"‘(])/);
}

/** How a lead-in presents its list: as asks, as a description (abilities, contents), or neither. */
export type LeadKind = 'ask' | 'describe' | 'neutral' | 'none';

const askLead =
  /\b(?:recommends?|(?<!\b(?:the|a|an|this|these|its|their|our)\s+)recommended|(?:our|these|the\s+following|key|main)\s+recommendations?|invites?|calls?\s+(?:on|upon|for)|urges?|instructs?|encourages?|requests?|should|must|ought\s+to|needs?\s+to|have\s+to|has\s+to|is\s+(?:essential|necessary|crucial|vital|important)|following\s+(?:actions|steps|measures|priorities|principles|policies|reforms|changes|initiatives))\b/i;
const describeLead =
  /\b(?:able|possible|ability|abilities|functions?|capable|allows?|enables?|includ(?:e|es|ed|ing)|such\s+as|e\.g\.|for\s+example|for\s+instance|consists?\s+of|composed\s+of|comprises?|remains?\s+to|following\s+(?:reasons|factors|questions|features|characteristics|elements|criteria|components|areas|themes|findings|categories|types|examples|cases))\b/i;

/** The kind of a lead-in: the ask words of its main clause win over the description words. */
export function leadKindOf(leadIn: string | null): LeadKind {
  if (!leadIn) return 'none';
  // "it is possible to:", "the ability to:" describe what something can do.
  if (/\b(?:possible|able|ability|abilities|functions?)\s+to\s*:?\s*$/i.test(leadIn)) return 'describe';
  if (askLead.test(leadIn) && !/\b(?:participants|respondents|interviewees|they|he|she)\s+(?:said|argued|recommended|suggested)\b/i.test(leadIn)) return 'ask';
  if (describeLead.test(leadIn)) return 'describe';
  // A lead-in in the past tense narrates what was done ("The steps the players took were recorded as follows:").
  if (/\b(?:was|were|had|did|took)\b|\b\p{L}+ed\s+as\s+follows\b/iu.test(leadIn)) return 'describe';
  return 'neutral';
}

/** The form of an item's first clause. */
export type ItemForm = 'imperative' | 'actor-to' | 'to-infinitive' | 'noun-phrase' | 'clause';

/** Verbs right after a first word that make it their subject: "Research shows that …", "Support remains …". */
const linking = /^(?:shows|showed|suggests|suggested|indicates|indicated|finds|found|remains|remained|seems|seemed|appears|appeared|grows|grew|matters|mattered|varies|varied|differs|differed|increased|decreased|rose|fell|declined|improved|worsened|means|meant)$/;

/** Words that open a clause but are not imperative verbs, though a tagger may call them verbs. */
const notImperative = /^(?:the|this|these|that|those|it|there|its|their|a|an|in|on|at|for|with|by|as|if|when|while|although|because|since|after|before|from|of|and|but|or|so|such|many|most|some|all|both|each|every|no|one|first|second|third|finally|also|however|moreover|thus|hence|therefore|overall|here|now|then|today|yet|only|even|just|we|they|he|she|you|i|our|my|his|her)$/i;

/**
 * The form of an item's text (its marker and lead-in label already cut): an instruction opening
 * with a verb in its base form ("Promote free media", "Be mindful of …", "Dynamically review …"),
 * "Actors to do …", "to do …" (completing the lead-in), a noun phrase with no finite verb ("A
 * global governing body for AI"), or a clause.
 */
export function itemForm(body: string): ItemForm {
  const t = body.replace(/[\u0000-\u001f]+/g, ' ').replace(/^[\s*_"“‘]+/, '').trim();
  if (/^to\s+\p{Ll}+/u.test(t)) return 'to-infinitive';
  const first = /^\p{L}[\p{L}-]*/u.exec(t)?.[0] ?? '';
  const clause = t.split(/[.;:!?](?:\s|$)|,\s/)[0];
  // A first word in "-s" is a verb's third person ("Fotor: incorporates GenAI in …" describes a
  // tool), not an instruction; base forms in "-s" end "-ss" or "-us" ("Assess", "Focus").
  if (first && !notImperative.test(first) && !/\p{L}{3}ing$/iu.test(first) && (!/ed$/i.test(first) || /eed$|^embed$/i.test(first)) && !/\p{L}{2}[^su]s$/iu.test(first)) {
    // "you must" before the words makes the tagger read a sentence-initial verb as a verb.
    const tokens = tagText(`you must ${clause.charAt(0).toLowerCase()}${clause.slice(1, 200)}`).slice(2);
    const lead = (tokens[0]?.pos === 'ADV' || /^(?:further|also)$/i.test(tokens[0]?.value ?? '')) && tokens.length > 1 ? 1 : 0;
    const verb = tokens[lead];
    // A clause that opens with "Be" ("Be mindful of …", "Be cognizant that …") instructs.
    if (verb && (verb.pos === 'VERB' || verb.lower === 'be')) {
      // "Access to finance remains limited": a finite verb soon after the first word makes that word
      // its subject. Only an auxiliary, or an "-s"/"-ed" verb after a noun and before an adjective,
      // adverb, preposition or clause ("remains limited", "shows that"), counts: a tagger calls
      // plural nouns verbs ("develop AI tools to …") and participles describe ("skills required").
      const finite = tokens.find((x, i) => i > lead && i <= lead + 5 && ((x.pos === 'AUX' && /^(?:is|are|was|were|has|have|had|will|would|can|could|may|might|does|do|did|should|must|shall)$/.test(x.lower)) || (x.pos === 'VERB' && i - 1 > lead && /^(?:NOUN|PROPN|PRON|VERB)$/.test(tokens[i - 1].pos) && /^(?:\p{L}+[^s]s|\p{L}+ed)$/u.test(x.lower) && /^(?:ADJ|ADV|ADP|SCONJ|DET)$/.test(tokens[i + 1]?.pos ?? 'ADV')) || (i - 1 === lead && linking.test(x.lower))));
      const relative = tokens.findIndex((x) => /^(?:that|which|who|whom|whose|where|when|so|because|if|while)$/.test(x.lower));
      if (!finite || (relative >= 0 && tokens.indexOf(finite) > relative)) return 'imperative';
    }
  }
  // "Before making decisions on adoption, ensure that …": an opening phrase, then the instruction.
  const opening = /^(?:before|after|when|where|if|once|to|for|within|in|at|by|through|with|given|as)\b[^,;:.]{2,100},\s+(?=\p{Ll})/iu.exec(t);
  if (opening && itemForm(t.slice(opening[0].length)) === 'imperative') return 'imperative';
  const actorTo = /^([\p{Lu}][^,;:.]{1,80}?)\s+to\s+\p{Ll}+/u.exec(t);
  if (actorTo && isAgentPhrase(actorTo[1]) && !/\b(?:is|are|was|were|has|have|had|need|needs|want|wants|seek|seeks|able|likely|due|going|used)$/i.test(actorTo[1])) {
    const tokens = tagText(actorTo[1].toLowerCase());
    if (!tokens.some((x) => x.pos === 'VERB' || x.pos === 'AUX')) return 'actor-to';
  }
  // A noun phrase opens like one and has no finite verb: no auxiliary, no "-s"/"-ed" verb after a noun.
  const tokens = tagText(clause.slice(0, 200));
  const finite = tokens.some((x, i) => x.pos === 'AUX' || (x.pos === 'VERB' && i > 0 && /^(?:NOUN|PROPN|PRON|VERB)$/.test(tokens[i - 1].pos) && /(?:[^s]s|ed)$/i.test(x.lower)));
  if (!finite && /^(?:DET|ADJ|NOUN|PROPN|NUM)$/.test(tokens[0]?.pos ?? '')) return 'noun-phrase';
  return 'clause';
}

/**
 * The item's label and the start of its text after it: a short bold or title lead-in ending in a
 * colon or full stop ("Intersectoral coordination: Establish …", "**Protect the grid.** …",
 * "Whole-of-Government Approach. EdTech deployment requires …"). Null when the item has none.
 */
export function itemLabel(body: string): { label: string; rest: number } | null {
  const bold = /^\s*(?:\*\*|__)([^*_\n]{2,120}?)(?:\*\*|__)\s*[:.–—-]?\s*/.exec(body);
  if (bold && body.length > bold[0].length + 10) return { label: bold[1].replace(/[:.\s]+$/, ''), rest: bold[0].length };
  // A footnote mark may stand after the colon in place of the space ("Compose AI:²¹Autocompletes …").
  const m = /^\s*([^.:!?\n]{2,100}?)\s*(?::(?:[\u00b9\u00b2\u00b3\u2070-\u2079]+\s*|\s+)|\.(?=\s+[\p{Lu}\u0007])\s+)/u.exec(body.replace(/\n/g, ' '));
  if (!m || m[1].split(/\s+/).length > 12 || body.length <= m[0].length + 10) return null;
  // A label is a name, not a sentence: after a colon any phrase will do; before a full stop only
  // one with no verb ("Strengthen the border management system." is an instruction).
  if (!/:[\u00b9\u00b2\u00b3\u2070-\u2079]*$/.test(m[0].trim())) {
    const tokens = tagText(m[1].toLowerCase());
    if (tokens.some((x) => x.pos === 'VERB' || x.pos === 'AUX') || m[1].split(/\s+/).length > 6) return null;
  }
  return { label: m[1].trim(), rest: m[0].length };
}
