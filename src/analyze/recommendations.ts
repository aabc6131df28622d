/**
 * Recommendations: every sentence that prescribes action, in any section. A sentence qualifies when
 * its main clause carries a duty cue (should, must, ought to, needs to, has to, it is imperative /
 * essential / necessary …, recommend, is needed) — `explicit` — or advises through benefit or
 * possibility ("X can/could strengthen …", "it would be beneficial …") — `implicit`. Sentences
 * that report what someone else said, did or would do, or modals in subordinate descriptions, are
 * not recommendations. The actor is the subject of the prescribing clause, normalised by the alias
 * table; pronouns and "both states" resolve to the actors just mentioned.
 */
import type { ExtractedRecommendation, Sentence, StructuredSource } from '../model/document.js';
import type { AnalyzeOptions } from '../model/context.js';
import { actorTable, actorsIn, distinctActors, joinActors, type ActorTable } from './actors.js';
import { bodySentences, inApartZone, isLeadIn, isProse, maskCitations, sectionKindOf } from './body-text.js';
import { zoneKindAt } from '../structure/zones.js';
import { claimOf } from './claim.js';
import { makerAddressee, namedMakers } from './makers.js';
import { addresseeOfLeadIn, adviceZoneOf, announcedAddressee, documentAddressee, headingAddressee, isAgentPhrase, namedBody, opensApartPart } from './advice-context.js';
import { itemRecommendations } from './item-recommendations.js';
import { describesInstrument, isDeclarative, isForeseen, namesInstrument } from './sentence-role.js';
import { tagText } from './text/nlp.js';
import { clauseBefore, isReported, quotesAnother } from './who-speaks.js';
import { cuesIn, describingPart, type Cue } from './duty-cues.js';
export { endsWithReporting } from './who-speaks.js';

// Clause openers that make what follows a description, not a prescription.
const subordinate = /\b(because(?!\s+of)|why|how|since|while|whereas|although|though|if|unless|when|whenever|who|whom|whose|which|that|where|until|so\s+that|than|whether|as\s+long\s+as|as\s+soon\s+as|as\s+if)\b/gi;

/** Likelihood words beside a modal that make it a prediction ("could likely", "would certainly", "may well"). */
const epistemic = /\b(?:likely|certainly|probably|possibly|surely|inevitably|undoubtedly)\s+(?:can|could|might|may|would)\b|\b(?:can|could|might|may|would)\s+(?:also\s+)?(?:likely|certainly|probably|possibly|well|surely|inevitably|undoubtedly)\b/i;

/** The subject of the clause ending at the cue: what follows the last comma, unless that is a parenthetical. */
function subjectBefore(masked: string, index: number): string {
  const clause = clauseBefore(masked, index);
  const parts = clause.split(/,/);
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i].replace(/^\s*(?:and|but|or|so|yet|thus|hence|therefore|moreover|furthermore|however|instead|rather|then|also)\b\s*/i, '').trim();
    if (!p) continue;
    // A participial or prepositional aside ("being more powerful", "in this regard") is not the subject.
    if (/^(?:being|having|given|in|on|at|for|with|by|through|to|from|as|after|before|during|despite|rather|while|when|if|unlike|like|including|such\s+as|especially|particularly|notably|i\.e\.|e\.g\.)\b/i.test(p) && i > 0) continue;
    // So is a participle that describes the subject ("established under the UNFCCC", "based in Suva").
    if (describingPart.test(p) && i > 0) continue;
    return p;
  }
  return clause.trim();
}

const pronounSubject = /^(?:it|they|he|she|this|these|such|both|both\s+(?:states|nations|countries|sides|governments|neighbou?rs|parties)|the\s+two\s+(?:states|nations|countries|sides|governments|neighbou?rs|parties)|each|either|the\s+(?:latter|former)|its\s+\w+|their\s+\w+)\b/i;
// Subjects that name the relation itself ("the relationship has to evolve", "bilateral ties could …").
const relationSubject = /^(?:(?:improving|strengthening|deepening|the|their|these|this|bilateral|mutual)\s+)*(?:bilateral\s+)?(?:relationships?|relations|ties|partnerships?|engagement|cooperation|collaboration|dialogue)\b(?!\s+(?:with|between|of)\b)/i;
const nonSubjectOpening = /^(?:\(?\w{1,3}\)|(?:before|after|when|while|if|since|although|by|for|in|on|with|without|through|during|upon)\b)/i;
const agentNouns = /(?<![\p{L}-])(?:government|governments|policymakers|policy\s*makers|leaders|leadership|authorities|authority|community|states|countries|nations|administration|parties|stakeholders|institutions|organi[sz]ations|military|army|agencies|agency|actors|officials|diplomats|neighbou?rs|powers|partners|establishment|parliament|elites|society|forces|ministry|ministries|departments?|commissions?|councils?|regulators?|donors|utilities|provinces|municipalities|legislators|lawmakers|legislatures?)\b/iu;
/**
 * Bodies that act on advice but whose names also mean other things ("the Fund", "the FRLD Board",
 * "multilateral development banks", "official creditors"): they name a recommendation's audience,
 * but do not on their own make a possibility ("X can …") advice, as the agent nouns above do.
 */
const institutionNouns = /(?<![\p{L}-])(?:boards?|funds?|banks|creditors|lenders|guarantors|sponsors|funders|investors|insurers|secretariats?|facility)\b/iu;

/** Words a subject opened by a pronoun has at most ("its military leadership", "both states"). */
const maxPronounSubjectWords = 5;

/** Resolve the actors of a recommendation from its subject and the preceding context. */
function resolveActors(subject: string, hint: string | undefined, context: string[], table: ActorTable, head = '', text = ''): string[] {
  const named = distinctActors(hint ?? subject, table);
  if (named.length) return named;
  const s = (hint ?? subject).replace(/^(?:the|a|an)\s+/i, '').trim();
  // A pronoun opens the subject only when the subject is short: in "it is not a major cost and the
  // crawler should …" the "it" belongs to another clause.
  if ((pronounSubject.test(s) && s.split(/\s+/).length <= maxPronounSubjectWords) || relationSubject.test(s)) {
    const pair = /^(?:both|the\s+two|they|their|each|either)\b/i.test(s);
    // A subject that names a relation ("the relationship", "these ties"), not a pair's ("their ties").
    const relation = !pair && relationSubject.test(s);
    const two = pair || relation;
    // "It" points to the sentence just before, not to an actor named paragraphs back ("such
    // efforts", "this" may stand for the discussion so far, and its actor).
    if (/^(?:it|its|he|she)\b/i.test(s)) context = context.slice(-1);
    // The sentence's own opening ("For the US to …, it needs to …") is the nearest antecedent.
    if (head) context = [...context, head];
    const found: string[] = [];
    for (let i = context.length - 1; i >= 0; i--) {
      const here = distinctActors(context[i], table);
      if (!two && here.length) return here.slice(0, 1);
      if (two && here.length >= 2 && !found.length) return here.slice(0, 2);
      for (const a of here) if (!found.includes(a)) found.push(a);
      if (two && found.length >= 2) return found.slice(0, 2);
    }
    // "These relationships must be managed" with one actor in sight is not about actors at all.
    return relation ? [] : found.slice(0, 1);
  }
  // A named body ("the federal government and the Government of Balochistan"): a short noun phrase,
  // not a clause ("that", "which"), an opening aside ("Before analysing …") or an item of a list.
  if ((agentNouns.test(s) || institutionNouns.test(s)) && s.split(/\s+/).length <= 8 && !/\b(?:that|which|who)\b/i.test(s) && !/^\s*[A-Z][a-z]+ing\b/.test(head) && !nonSubjectOpening.test(s)) return [bodyAsWritten(hint ?? subject, s, hint === undefined && !namedMidSentence(text, s))];
  return [];
}

/**
 * A body named as the subject, as a reader would name it inside a sentence: in the source's own
 * case ("donors and multilateral lenders", "the federal Ministry of Water Resources"), keeping "the"
 * before one body and dropping it before several ("provincial governments").
 */
function bodyAsWritten(subject: string, bare: string, opensSentence = true): string {
  // The head noun of the first body named ("Provincial irrigation departments and IRSA": departments).
  const words = bare.split(/\s+(?:of|in|for|at|on|from|across|and|or)\s+/i)[0]!.split(/\s+/);
  const head = words[words.length - 1] ?? '';
  // A capital that only opens the sentence ("Donors and multilateral lenders should …") is not a
  // name's; a named body keeps its capitals ("the federal Ministry of Water Resources").
  // A name inside the sentence ("We urge the Board …") keeps the capital the source gave it.
  const common = words.length === 1 ? opensSentence && (agentNouns.test(head) || institutionNouns.test(head)) && !/\s\p{Lu}/u.test(bare) : /^\p{Ll}/u.test(head);
  const name = (common ? bare.charAt(0).toLowerCase() + bare.slice(1) : bare).replace(/\s+/g, ' ');
  return /^the\s/i.test(subject.trim()) && !/s$/i.test(head) ? `the ${name}` : name;
}

/**
 * Does the source write this one-word body with its capital inside a sentence ("… the Fund's
 * resources", "… that the Board adopted")? Then the capital is the name's, not the sentence's.
 */
function namedMidSentence(text: string, body: string): boolean {
  const word = body.replace(/^the\s+/i, '');
  if (!/^\p{Lu}\p{Ll}+$/u.test(word)) return false;
  return new RegExp(`[\\p{Ll},;]\\s+the\\s+${word}\\b`, 'u').test(text);
}

/** The advised action: the verb phrase after the cue, to the end of its clause. */
function actionAfter(sentence: string, masked: string, from: number): string | null {
  let end = masked.length;
  const stop = /[;:]|,\s+(?:and|but|while|whereas|which|as)\s+(?!.*\b(?:should|must|ought)\b)/g;
  stop.lastIndex = from;
  const m = stop.exec(masked);
  if (m) end = m.index;
  const raw = sentence.slice(from, end).replace(/\s+/g, ' ').replace(/[\s.,;:]+$/, '').trim();
  const clean = raw.replace(/^(?:also|therefore|thus|further|urgently|actively|seriously)\s+/i, '').replace(/^(?:that|to)\s+/i, '');
  return clean.split(/\s+/).length >= 2 ? clean : null;
}

function isSubordinateCue(masked: string, cue: Cue): boolean {
  // A concession that opens the sentence ("While metadata is still essential to …, language models
  // …") grants a point; the main clause after it says what the sentence asserts.
  if (/^\s*(?:\p{L}+,\s*)?(?:while|although|though|whereas|even\s+though)\b[^,;:]*$/iu.test(masked.slice(0, cue.index)) && /^[^,;:]*,\s*\S/.test(masked.slice(cue.index))) return true;
  const clause = clauseBefore(masked, cue.index);
  // "… defining how procedures, processes and frameworks should be applied": the duty word belongs to
  // a wh-clause, however many commas its subject's list holds.
  if (/\w\s+(?:how|why|whether)\s+(?:(?!\b(?:is|are|was|were|has|have|had|do|does|did)\b|,\s*(?:and|but|so|or|yet|while)\s)[^;:])*$/i.test(clause)) return true;
  const lastComma = clause.lastIndexOf(',');
  const tail = clause.slice(lastComma + 1);
  // "…, which ought to be", "because the militants need to": a description, not advice.
  if (/^\s*(?:which|who|whom|whose|that)\b/i.test(tail) && cue.strength === 'implicit') return true;
  if (/\b(?:which|who|whom|whose|that)\s*$/i.test(tail)) return true;
  // The subordinator nearest the cue decides.
  let m: RegExpExecArray | null = null;
  for (let x = subordinate.exec(tail); x; x = subordinate.exec(tail)) m = x;
  subordinate.lastIndex = 0;
  if (!m) return false;
  const word = m[1].toLowerCase();
  const inner = tail.slice(m.index + m[0].length);
  // A clause that already has its own finite verb has closed before the cue: "issues that both
  // nations are dealing with must be resolved" prescribes in its main clause.
  if (/\b(?:is|are|was|were|has|have|had|do|does|did|face|faces|remain|remains|seem|seems)\b/i.test(inner)) return false;
  // Concessive clauses may carry advice: "although Pakistan must watch out …".
  if (/^(?:although|though|while|whereas)$/.test(word)) return cue.strength === 'implicit';
  // "that" as the complement of a self-reference or of "it is clear" keeps the advice.
  if (word === 'that') {
    const before = tail.slice(0, m.index);
    if (/\b(?:clear|evident|obvious|important|essential|imperative|necessary|vital|crucial|recommended|suggests?|argues?|concludes?|recommends?|believes?|proposes?|out)\s*$/i.test(before)) return false;
    return cue.strength === 'implicit' || /\S/.test(before);
  }
  if (/^(?:if|unless|when|whenever)$/.test(word)) return cue.strength === 'implicit';
  return true;
}

// Necessity that befalls an actor ("Pakistan will have to contend with …") describes a burden.
const endurance = /^\s*(?:also\s+)?(?:contend|cope|live|put\s+up|deal\s+with\s+the\s+consequences|face|endure|bear(?!\s+in\s+mind)|suffer|pay|reckon)\b/i;
// Possibilities of harm ("militants might extinguish the gains") are warnings, not advice.
const harmVerbs = /^(?:\s*(?:also|further|even|only)\b)*\s*(?:be\s+)?(?:extinguish|destabili[sz]e|undermine|threaten|harm|damage|worsen|jeopardi[sz]e|fuel|hinder|derail|collapse|lose|suffer|end|fail|lead|risk|provoke|escalate|trigger|spill|attack|exploit|invite|isolate|weaken|erode|compound|increase|exacerbate|leave|hurt|cost)\w*\b/i;

function isEndurance(masked: string, cue: Cue): boolean {
  if (cue.strength === 'explicit') return /(?:have|has|need|needs)\s+to$/i.test(masked.slice(cue.index, cue.index + cue.length)) && endurance.test(masked.slice(cue.index + cue.length));
  return harmVerbs.test(masked.slice(cue.actionFrom));
}

/**
 * Cues that only advise in context: in a recommendations section any "X can/could/may/would + verb"
 * and "X is expected to"; anywhere, a named actor that "needs" something ("Pakistan needs a
 * delicate approach").
 */
function adviceCues(masked: string, table: ActorTable, inAdvice: boolean): Cue[] {
  const out: Cue[] = [];
  const needs = /\b(?:needs|need|requires|require)\s+(?!to\b)(?=(?:a|an|more|greater|better|stronger|urgent|to)\b|[a-z]+\s)/gi;
  for (let m = needs.exec(masked); m; m = needs.exec(masked)) {
    const subject = subjectBefore(masked, m.index);
    if (/^requ/i.test(m[0]) && namesInstrument(clauseBefore(masked, m.index))) continue;
    if (distinctActors(subject, table).length && subject.split(/\s+/).length <= 4) out.push({ index: m.index, length: m[0].length, strength: 'explicit', actionFrom: m.index + m[0].length, passive: false });
  }
  if (!inAdvice) return out;
  const modal = /\b(?:can|could|may|might|would)\s+(?:also\s+|further\s+|only\s+|then\s+|thus\s+|therefore\s+|still\s+|together\s+|not\s+only\s+)*(?:be\s+(?:[a-z]+(?:ed|en)|brought|built|made|set|put|kept|held|sought)\b|(?!be\b|not\b|have\b|of\b|the\b|a\b|an\b|and\b|or\b|to\b|in\b|on\b|for\b|with\b|by\b|as\b|at\b|from\b)[a-z]+)/gi;
  for (let m = modal.exec(masked); m; m = modal.exec(masked)) {
    const word = /^\S+/.exec(m[0])![0];
    out.push({ index: m.index, length: m[0].length, strength: 'implicit', actionFrom: m.index + word.length, passive: /\bbe\s+\S+$/.test(m[0]) });
  }
  const expected = /\b(?:is|are)\s+expected\s+to\b/gi;
  for (let m = expected.exec(masked); m; m = expected.exec(masked)) {
    if (distinctActors(subjectBefore(masked, m.index), table).length) out.push({ index: m.index, length: m[0].length, strength: 'explicit', actionFrom: m.index + m[0].length, passive: false });
  }
  return out;
}

/** Sentences that narrate the past ("Pakistan needed the US"), counterfactuals, or questions. */
function isNarrative(masked: string, cue: Cue): boolean {
  const after = masked.slice(cue.index, cue.index + cue.length + 30);
  if (/^\s*(?:could|might|may)\s+not\b/i.test(after) && cue.strength === 'implicit') return true;
  if (/\?\s*$/.test(masked)) return true;
  return false;
}

/** Find the recommendations of one source, in document order. */
export function findRecommendations(doc: StructuredSource, options: Pick<AnalyzeOptions, 'actorAliases'>): ExtractedRecommendation[] {
  const table = actorTable(options.actorAliases);
  const out: ExtractedRecommendation[] = [];
  const sentences = bodySentences(doc);
  const text = doc.source.text;
  const addressee = documentAddressee(doc);
  // List items are read whole, one recommendation each; their sentences are not read again below.
  const listed = itemRecommendations(doc, table, (s, context) => {
    // Items judge their own instructions (by form and lead-in); here only duty words count.
    const found = recommendationIn(doc, s, table, context, false);
    return found && isProse(s.text) ? found : null;
  }, addressee);
  // Sentences come in document order, items too: a pointer finds the items a sentence may overlap.
  let itemAt = 0;
  const inItem = (s: Sentence) => {
    while (itemAt < listed.items.length && listed.items[itemAt].end <= s.start) itemAt++;
    return itemAt < listed.items.length && listed.items[itemAt].start < s.end;
  };
  let lastParagraph = -1;
  let context: string[] = [];
  for (const s of sentences) {
    if (s.paragraph !== lastParagraph) {
      // Context for pronouns: the previous paragraph's last sentence plus this paragraph so far.
      context = context.slice(-4);
      lastParagraph = s.paragraph;
    }
    if (inItem(s)) continue;
    // Code, markup and table runs are not advice ("VALUE must be the null terminated string …");
    // tested only on the few sentences that read as advice.
    let found = recommendationIn(doc, s, table, context);
    if (found && (!isProse(s.text) || opensApartPart(s.text) || quotesAnother(doc, s.paragraph))) found = null;
    if (found && !found.actor) {
      // Nobody named in the sentence: the heading's addressee ("Recommendations for Congress"),
      // else the actor the section announces its steps for, else whoever the document says makes what the sentence is about ("Standards should …"),
      // else the document's, when the sentence stands in a zone of advice, else the makers the
      // language names after that thing ("Policies should …" → the document's "policy-makers").
      const zone = adviceZoneOf(doc, s.section);
      const fallback = addresseeOfLeadIn(s.text) ?? headingAddressee(doc, s.section) ?? announcedAddressee(doc, s.section) ?? makerAddressee(doc, s.text) ?? (zone === 'advice' && found.strength === 'explicit' ? addressee : null) ?? namedMakers(doc, s.text);
      if (fallback) found = { ...found, actor: fallback, actors: [fallback] };
    }
    if (found) out.push(found);
    context.push(found?.actors?.length ? joinActorsForContext(found.actors) : s.text);
  }
  out.push(...listed.recommendations);
  out.sort((a, b) => a.start - b.start);
  // "The government should …" in a paper addressed to "the UK government": that government.
  for (const r of out) {
    if (!r.actor) continue;
    const named = namedBody(r.actor, [headingAddressee(doc, r.section), addressee]);
    if (named !== r.actor) Object.assign(r, { actor: named, actors: [named] });
  }
  // Stated without a clause that only reports them ("Therefore,", "The article argues that").
  // Nothing from the parts that only list or thank (contents, bios, glossary: "LeT – Lashkar-e-Taiba"),
  // and no possibility weighed as a forecast ("… would certainly constrict India's choices").
  // Nor from a foreword: someone other than the authors introduces the report there, retelling what
  // it "calls on" others to do or stating a creed ("AI must not usurp human intelligence").
  const listing = (at: number) => inApartZone(doc, at) || zoneKindAt(doc, at) === 'glossary' || zoneKindAt(doc, at) === 'foreword';
  return out.filter((r) => r.end <= text.length && !listing(r.start) && !(r.strength === 'implicit' && epistemic.test(r.text))).map((r) => ({ ...r, ...claimOf(doc, r) }));
}

function joinActorsForContext(actors: string[]): string {
  return actors.join(' and ');
}

/** Whether a sentence opens with a verb in its base form (an instruction), ignoring list markers. */
function isImperative(masked: string): boolean {
  const body = masked.replace(/^[\s\-•*▪◦–]*(?:\(?\d{1,2}[.)]|\(?[a-z][.)])?\s*/, '');
  const first = /^([A-Z][a-z]+)\b/.exec(body)?.[1];
  if (!first || /(?:ing|ed|s)$/.test(first) || /^(?:The|This|These|That|Those|It|There|Its|Their|A|An|In|On|At|For|With|By|As|If|When|While|Although|Because|Since|After|Before|To|From|Of|And|But|Or|So|Such|Many|Most|Some|All|Both|Each|Every|No|Not|One|Two|Three|First|Second|Third|Finally|Also|However|Moreover|Thus|Hence|Therefore|Overall|Further|Furthermore|Here|Now|Then|Today|Yet|Only|Even|Just)$/.test(first)) return false;
  const tokens = tagText(body.slice(0, 120));
  return tokens.length > 3 && tokens[0].pos === 'VERB' && tokens[0].lower === first.toLowerCase();
}

/** Whether an earlier sentence of the sentence's paragraph reports what a law or rule requires. */
function continuesInstrument(doc: StructuredSource, s: Sentence): boolean {
  const i = doc.sentences.indexOf(s);
  for (let k = i - 1; k >= 0 && doc.sentences[k].paragraph === s.paragraph; k--) if (describesInstrument(doc.sentences[k].text)) return true;
  return false;
}

/** The head noun of a subject that means inquiry ("novel research", "further studies"). */
const researchHead = /\b(?:research|studies|study|investigations?|inquir(?:y|ies)|enquir(?:y|ies))\s*$/i;

/** Longest sentence (UTF-16 units) examined for a recommendation. */
const maxSentenceLength = 2000;

/** The recommendation a sentence makes, if any (`imperatives`: whether an instruction without a duty word counts). */
export function recommendationIn(doc: StructuredSource, s: Sentence, table: ActorTable, context: string[] = [], imperatives = true): ExtractedRecommendation | null {
  // No recommendation runs to thousands of characters; such a "sentence" is unsplit text, and the
  // clause tests below would be quadratic on it.
  if (s.end - s.start > maxSentenceLength) return null;
  const raw = doc.source.text.slice(s.start, s.end);
  const masked = maskCitations(raw);
  if (masked.split(/\s+/).filter(Boolean).length < 5) return null;
  // A lead-in ("Pakistan should take the following steps:") is not the advice; its items are.
  if (isLeadIn(raw)) return null;
  const kind = sectionKindOf(doc, s.section);
  const inAdvice = kind === 'recommendations';
  // Recitals, declarations, a document describing itself and forecasts of necessity ask nobody.
  if (isDeclarative(masked.replace(/^[\s\-•*▪◦–→●]*(?:\(?\d{1,2}[.)]|\(?[a-z][.)])?\s*/, ''))) return null;
  const zoneAdvice = inAdvice || adviceZoneOf(doc, s.section) === 'advice';
  const cues = [...cuesIn(masked), ...adviceCues(masked, table, inAdvice)]
    .sort((a, b) => a.index - b.index)
    .filter((c) => !isReported(masked, c.index) && !isSubordinateCue(masked, c) && !isNarrative(masked, c) && !isEndurance(masked, c) && (zoneAdvice || !isForeseen(masked, c.index)));
  if (!cues.length) {
    // An imperative ("Strengthen border management by …") in a recommendations section or a list item.
    const para = doc.paragraphs[s.paragraph];
    const listed = !!para && /^\s*(?:[-•*▪◦–]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+/.test(doc.source.text.slice(para.start, para.end));
    if (imperatives && (inAdvice || listed) && isImperative(masked)) {
      return { start: s.start, end: s.end, text: s.text, actor: null, actors: [], action: s.text.replace(/^[\s\-•*▪◦–\d.()]+/, '').replace(/[.;]\s*$/, ''), strength: 'explicit', section: s.section };
    }
    return null;
  }
  // Outside advice, a paragraph that reports what a law requires goes on describing its duties
  // ("Under the Act, the department must consult … Exporters must screen their customers …").
  if (!zoneAdvice && continuesInstrument(doc, s)) return null;
  // An explicit cue wins; among equals the first.
  const cue = cues.find((c) => c.strength === 'explicit' && !c.passive) ?? cues.find((c) => c.strength === 'explicit') ?? cues[0];
  const subject = subjectBefore(masked, cue.index);
  // Outside a zone of advice, "novel research is needed to …", "further studies are required" mark
  // a gap in knowledge, as research writing does, not a policy ask.
  if (!zoneAdvice && cue.passive && researchHead.test(subject.split(/\s+(?:on|into|of|about|in|to|that)\s+/i)[0])) return null;
  if (cue.strength === 'implicit') {
    // Possibility is advice only when someone could act on it: an actor, an action (gerund) or a policy noun
    // as subject, or a conditional/means clause ("By cooperating…, X might …").
    const subj = subject.replace(/^(?:the|a|an)\s+/i, '');
    // The subject's head, before what modifies it: "the narrative around the Taliban's victory
    // could provide fuel …" is about a narrative, which acts on nobody's advice.
    const head = subj.split(/\s+(?:of|around|about|behind|over|surrounding|concerning|regarding|against|among|between|within)\s+/i)[0];
    const actionable =
      distinctActors(head, table).length > 0 ||
      (agentNouns.test(subj) && subj.split(/\s+/).length <= 6) ||
      /^[A-Za-z]+ing\b/.test(subj) ||
      /\b(?:cooperation|collaboration|engagement|dialogue|partnership|relations|ties|relationship|approach|strategy|policy|measures?|steps?|efforts?|initiatives?|framework|mechanism|investment|diplomacy|trade|connectivity)\b/i.test(subj) ||
      /^\s*(?:by|through)\s+[a-z]+ing\b/i.test(masked) ||
      /\bwould\s+be\b|\bway\s+forward\b|\binterests?\s+of\b/i.test(masked.slice(cue.index, cue.index + cue.length)) ||
      kind === 'recommendations';
    if (!actionable) return null;
  }
  let found = cue.passive && !cue.subjectHint ? passiveActors(masked, cue, table, context) : resolveActors(subject, cue.subjectHint, context, table, masked.slice(0, Math.max(0, cue.index - subject.length - 1)), doc.source.text);
  // A subject that lists bodies ("Researchers, teachers and learners should …") or names one the
  // nouns above do not know ("Education systems must …").
  if (!found.length && !cue.passive) {
    const whole = clauseBefore(masked, cue.index).replace(/^\s*(?:(?:before|after|when|whenever|while|if|once|upon|on|during|in|to|for|by|with|given|as|through|based\s+on)\b[^,]*,\s*)+/i, '').trim();
    if (whole.split(/\s+/).length <= 14 && !/\b(?:we|us|our|that|which|who)\b/i.test(whole) && isAgentPhrase(whole)) found = [bodyAsWritten(whole, whole.replace(/^(?:the|a|an)\s+/i, ''))];
  }
  // Joint actors in a fixed order, so "the US and Pakistan" and "Pakistan and the US" group together.
  const actors = [...new Set(found)].sort((a, b) => a.localeCompare(b));
  // Theory and method sections state what theories hold ("states have to use self-help"): only a
  // named actor makes such a sentence advice.
  if ((kind === 'theory' || kind === 'method') && !actors.some((x) => [...table.aliases.values()].includes(x))) return null;
  return {
    start: s.start,
    end: s.end,
    text: s.text,
    actor: joinActors(actors),
    actors,
    action: actionAfter(raw, masked, cue.actionFrom),
    strength: cue.strength,
    section: s.section,
  };
}

/** Actors named in a text, except places ("in Afghanistan", "across Pakistan") that are not agents. */
function agentActors(text: string, table: ActorTable): string[] {
  const out: string[] = [];
  for (const m of actorsIn(text, table)) {
    if (/\b(?:in|into|inside|within|across|throughout|towards?|at|on|over|around|against|from|out\s+of)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, m.start - 14), m.start))) continue;
    if (!out.includes(m.actor)) out.push(m.actor);
  }
  return out;
}

/** Actors of a passive or impersonal prescription: "by X", "for X to", or a named actor in the sentence's main clause. */
function passiveActors(masked: string, cue: Cue, table: ActorTable, context: string[]): string[] {
  const after = masked.slice(cue.index).split(/[;.]/)[0];
  const by = /\b(?:by|for|from|between|on\s+the\s+part\s+of)\s+((?:the\s+)?[A-Z][^,;.]{1,60})/.exec(after);
  if (by) {
    const a = distinctActors(by[1], table);
    if (a.length) return a;
  }
  const before = subjectBefore(masked, cue.index);
  // "For Afghanistan to stabilize …, it is imperative to …": the purpose clause names who acts.
  const purpose = /^\s*(?:\w+,\s*)?for\s+([^,]{2,60}?)\s+to\s+\w+/i.exec(masked);
  if (purpose && /^it\b|^there\b/i.test(before.trim())) {
    const a = distinctActors(purpose[1], table);
    if (a.length) return a;
  }
  let named = agentActors(before, table);
  // "…, and joint measures will be required", "issues that both nations face must be resolved":
  // shared action by the actors the sentence (or, failing that, the context) names.
  if (!named.length && /\b(?:joint|mutual|bilateral|both|together|concerted|collective|two)\b/i.test(before)) {
    named = agentActors(masked.slice(0, cue.index), table);
    if (named.length < 2) named = resolveActors('both', undefined, context, table);
  }
  return named.slice(0, 3);
}
