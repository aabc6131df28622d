/**
 * Recommendations made by list items: each item that asks is one recommendation, read whole, its
 * bold lead-in as its short form. Whether an item asks depends on its form and its context:
 * - a modal sentence in it ("a) Governments should …") asks wherever it stands, as a sentence would;
 * - an instruction ("Promote free media") asks unless its lead-in describes ("it is possible to:");
 * - "Actors to do …" asks under a lead-in that is not a description, or in a recommendations zone;
 * - "to do …" completes its lead-in, so asks only when the lead-in does ("INSTRUCTS the Committee:");
 * - a noun phrase ("A global governing body for AI") asks only in a recommendations zone or under
 *   an asking lead-in.
 * The addressee comes from, in order: the item itself, its lead-in (or the sentence a lead-in such as
 * "This can be achieved through the following strategies:" points back to), its heading, the document.
 */
import type { ExtractedRecommendation, Sentence, Span, StructuredSource } from '../model/document.js';
import { distinctActors, type ActorTable } from './actors.js';
import { addresseeOfLeadIn, adviceZoneOf, announcedAddressee, headingAddressee, isAgentPhrase, opensApartPart } from './advice-context.js';
import { itemForm, itemLabel, leadKindOf, listItems, type ItemForm } from './advice-items.js';
import { sectionKindOf } from './body-text.js';
import { isDeclarative } from './sentence-role.js';

/** Judges one sentence the way the sentence-level reader does (recommendationIn). */
export type SentenceJudge = (s: Sentence, context: string[]) => ExtractedRecommendation | null;

/** Section kinds whose imperatives describe procedure or theory, not advice. */
const notAdviceKinds = new Set(['method', 'theory', 'literature', 'references', 'notes']);

/** Text of a span as a reader sees it: white space collapsed, control characters dropped. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f]/g, '').replace(/\s+/g, ' ').trim();
}

/** The recommendations list items make, and the spans of every item (asks or not). */
export function itemRecommendations(doc: StructuredSource, table: ActorTable, judge: SentenceJudge, docAddressee: string | null): { recommendations: ExtractedRecommendation[]; items: Span[] } {
  const text = doc.source.text;
  const out: ExtractedRecommendation[] = [];
  const items = listItems(doc);
  const context: string[] = [];
  let cursor = 0;
  for (const item of items) {
    const body = text.slice(item.bodyStart, item.end);
    if (body.split(/\s+/).filter(Boolean).length < 3) continue;
    // A contents line ("Protect human agency 24") is not an item of advice.
    if (/\s\d{1,3}\s*$/.test(body) && !/[.!?;]/.test(body)) continue;
    const label = itemLabel(body);
    // "Acknowledgements: The author would like to thank …" opens a part of the back matter; "Decisions:
    // OECD legal instruments which are …" is a glossary entry, whatever duties it goes on to describe.
    if (opensApartPart(body) || (label && isDeclarative(clean(body)))) {
      context.push(clean(body));
      continue;
    }
    const from = item.bodyStart + (label?.rest ?? 0);
    // A label that instructs ("**Fund the enforcement office.** Appropriate …") gives the form.
    // ("Principles for …: the first section sets out …" is a name, not an instruction.)
    // A topic before a colon ("Hidden bias: As systems are …") does not instruct when what follows states.
    const labelForm = label && !/^\p{L}+[^s\W]s\b/u.test(label.label) ? itemForm(label.label) : null;
    const bodyForm = itemForm(text.slice(from, item.end));
    const colon = label ? /:[\s\u00b9\u00b2\u00b3\u2070-\u2079]*$/.test(text.slice(item.bodyStart, from)) : false;
    // After a colon, a verb in the third person, a modal or a participle with its agent says what
    // the labelled thing is or does ("Compose AI: Autocompletes sentences …", "Aiva: Can create
    // soundtracks", "Hugging Chat: Made by HuggingFace …"): a description.
    const after = clean(text.slice(from, item.end));
    const describesLabel = colon && (/^(?:\p{L}+[^su\W]s|can|could|may|will|is|are|has|have)\s+(?!(?:to|should|must|shall|need|needs|will|would|can|could|may|might|and|or)\b)\p{Ll}/iu.test(after) || /^(?:\p{L}+ly\s+)?\p{L}+\s+(?:by|as)\s/iu.test(after));
    const form: ItemForm = labelForm === 'imperative' && !(colon && (bodyForm === 'clause' || describesLabel)) ? labelForm : describesLabel ? 'clause' : bodyForm;
    const lead = leadKindOf(item.leadIn);
    const zone = adviceZoneOf(doc, item.section);
    const kind = sectionKindOf(doc, item.section);
    // The sentences of the item (clipped to it: a PDF may have joined two items into one sentence).
    // Items and sentences are both in document order: one pointer walks the sentences once.
    while (cursor < doc.sentences.length && doc.sentences[cursor].end <= from) cursor++;
    const overlapping: Sentence[] = [];
    for (let k = cursor; k < doc.sentences.length && doc.sentences[k].start < item.end; k++) if (doc.sentences[k].end > from) overlapping.push(doc.sentences[k]);
    const sentences: Sentence[] = overlapping
      .map((s) => {
        const start = Math.max(s.start, from);
        const end = Math.min(s.end, item.end);
        return { ...s, start, end, text: clean(text.slice(start, end)) };
      });
    let judged: ExtractedRecommendation | null = null;
    for (const s of sentences) {
      judged = judge(s, context);
      if (judged) break;
    }
    const advice = zone === 'advice';
    const own = clean(text.slice(from, item.end));
    let asks = !!judged;
    if (!asks && !isDeclarative(own)) {
      if (form === 'imperative') asks = lead !== 'describe' && (lead !== 'none' || advice || !notAdviceKinds.has(kind));
      else if (form === 'actor-to') asks = lead === 'ask' || lead === 'neutral' || advice;
      else if (form === 'to-infinitive') asks = lead === 'ask';
      else if (form === 'noun-phrase') asks = lead === 'ask' || (advice && lead !== 'describe');
      else asks = lead === 'ask' && advice;
    }
    if (!asks) {
      context.push(clean(body));
      continue;
    }
    const actorTo = form === 'actor-to' ? /^\s*([^,;:.]{1,80}?)\s+to\s+\p{Ll}/u.exec(own)?.[1] ?? null : null;
    const named = actorTo ? (distinctActors(actorTo, table)[0] ?? (isAgentPhrase(actorTo) ? actorTo : null)) : null;
    const actor = judged?.actor ?? named ?? addresseeOfLeadIn(own) ?? (item.leadIn ? addresseeOfLeadIn(item.leadIn) : null) ?? (item.leadAntecedent ? addresseeOfLeadIn(item.leadAntecedent) : null) ?? headingAddressee(doc, item.section) ?? announcedAddressee(doc, item.section) ?? docAddressee;
    const actors = judged?.actor ? (judged.actors ?? [judged.actor]) : actor ? [actor] : [];
    const whole = clean(text.slice(item.bodyStart, item.end));
    out.push({
      start: item.bodyStart,
      end: item.end,
      text: whole,
      actor: actor ?? null,
      actors,
      action: judged?.action ?? (own.split(/(?<=[.;!?])\s/)[0]?.replace(/[.;]\s*$/, '') || null),
      strength: judged?.strength ?? (form === 'noun-phrase' || form === 'clause' ? 'implicit' : 'explicit'),
      section: item.section,
      ...(label ? { label: label.label } : {}),
    });
    context.push(actors.length ? actors.join(' and ') : whole);
  }
  return { recommendations: out, items };
}

