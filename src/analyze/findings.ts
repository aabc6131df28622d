/**
 * Findings: the claims that carry a paper — its conclusions, results and assessments. Each body
 * sentence is scored by three signals, then the best are kept with redundancy removed:
 *   - section prior: conclusions, findings, discussion and the abstract state results; the
 *     literature review, methods and theory sections do not;
 *   - cue phrases: "this study finds", "the analysis shows", "it is evident that", "as a result",
 *     "the primary cause"; negative cues for method and aims ("this study uses", "the purpose of");
 *   - centrality: cosine similarity to the centroid of the body (TF-IDF over sentences).
 * Sentences citing other authors' work ("Raz (2023) shows …", "(Khan, 2021)") are their findings,
 * not this paper's, and are left out; so are recommendations, questions and fragments.
 *
 * Zones (src/structure/zones.ts) come first: a report states its headline findings in its key
 * findings box, executive summary, abstract and conclusions, in its own words, and those rank
 * above the body; nothing is taken from its contents, bios, thanks, imprint, methods or literature
 * review. In the body, the analytic conclusions of an argument are preferred: a sentence drawing an
 * inference ("Thus, …", "As a result, …", "We assess that …"), assessing likelihood, or ending its
 * paragraph. A view the source reports as someone else's, under a lead-in such as "Critics argue
 * that:", is attributed. What is about the document or its publisher ("It outlines …", "The World Bank
 * supports …", self-reference.ts) and prose the layout cut short are not findings.
 */
import type { ExtractedFinding, Sentence, StructuredSource } from '../model/document.js';
import type { SectionKind, ZoneKind } from '../model/schema.js';
import { zoneAt, zoneKindAt, zoneOfHeading } from '../structure/zones.js';
import { bodySentences, isLeadIn, isProse, sectionKindOf, wordCount } from './body-text.js';
import { claimOf } from './claim.js';
import { itemForm } from './advice-items.js';
import { tagText } from './text/nlp.js';
import { aboutTheDocument, publisherNames } from './self-reference.js';
import { citesOthers } from './who-speaks.js';
import { cosine, countTerms, inverseFrequencies, norm, sentenceTerms, weigh, type TermVector } from './text/vectors.js';

/** Options of the findings extractor. */
export interface FindingsOptions {
  /** Most findings to keep per source. */
  max: number;
  /** Similarity above which a sentence repeats an already kept finding. */
  redundancy: number;
}

/** Defaults: up to twelve findings per source, at most seven of them from its summary parts (so the body's conclusions have room). */
export const defaultFindingsOptions: Readonly<FindingsOptions & { maxFromSummary: number }> = { max: 12, redundancy: 0.5, maxFromSummary: 7 };

/**
 * A long report argues more points than a short brief: from 18 pages on, one more finding for every
 * six pages, up to four more than `max` (a 25-page report keeps 14, a 48-page guide 16).
 */
function budgetFor(doc: StructuredSource, max: number): number {
  const pages = doc.source.pageStarts?.length ?? 0;
  return max + Math.min(4, Math.max(0, Math.floor((pages - 12) / 6)));
}

/**
 * Prior of a sentence by its zone, where the zone says more than the section kind: the parts where
 * a report states its own findings high, the parts about method, literature or the document low.
 * Body zones fall back to the section prior.
 */
const zonePrior: Partial<Record<ZoneKind, number>> = {
  'key-findings': 1.5, 'executive-summary': 1.25, abstract: 1.1, conclusions: 0.95, recommendations: 0.55,
  introduction: 0.25, foreword: 0.15, methods: 0, 'literature-review': 0.05, annexes: 0.15, cover: 0.2, glossary: 0,
  contents: 0, bios: 0, acknowledgements: 0, references: 0, notes: 0, imprint: 0, signatories: 0,
};

/** Zones where a report sums up its own findings. */
const summaryZones: ReadonlySet<ZoneKind> = new Set<ZoneKind>(['key-findings', 'executive-summary', 'abstract']);

/** A quantified claim: a share, a count of people or countries, an amount ("53% of …", "only 15 countries", "258 million students"). */
const quantified = /\b\d+(?:[.,]\d+)?\s*(?:%|per\s?cent\b|percent\b|million\b|billion\b|trillion\b)|\b(?:only|some|around|about|nearly|almost|over|more than|fewer than|less than)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twenty|a handful of)\s+(?:of\s+)?(?:countries|states|governments|nations|people|members)\b/i;

/** A duty word: the sentence prescribes ("Services need to exist that …", "Creators must …"). */
const duty = /\b(?:should|must|ought\s+to|needs?\s+to|have\s+to|has\s+to)\b/i;
/**
 * A condition stated as the only way, its clause inverted ("Only by doing so can we ensure that …",
 * "Only in this way can we ensure …"): what must be done for an end, a prescription as a duty word is.
 */
const onlyWay = /^only\s+(?:by|through|if|when|once|with|in\s+(?:this|that|such\s+a)\s+way)\b[^.;]{0,160}?\b(?:can|could|will|would|may|might|shall)\s+(?!be\b|not\b)\p{L}+/iu;
/**
 * A sentence drawing the inference of an argument ("Thus, …", "It follows that …", "This renders …"),
 * or with the connective of inference inside its first clause ("Freedom of thought, therefore, is …",
 * "The impact of EdTech … has therefore been mixed at best").
 */
const inference = /^(?:thus|therefore|hence|consequently|accordingly|as a result|it follows that|in (?:sum|short|effect)|taken together|ultimately|in fact|nevertheless|nonetheless|this (?:renders|means|shows|implies|suggests|indicates|makes)|this clearly shows)\b|^[^,;:]{3,80}?(?:,\s*(?:therefore|thus|hence),|\s(?:is|are|was|were|has|have|had|will|would|can|could|may|might)\s+(?:therefore|hence)\s)/i;
/**
 * An emphasis ("Indeed, …", "Clearly, …"): it presses the point of the sentence before, often with
 * an example or a detail, rather than drawing a conclusion, and weighs less than an inference. ("In
 * fact, …" corrects what one would expect, as "Nevertheless, …" does: an inference.)
 */
const emphasis = /^(?:indeed|clearly|of course)\b/i;
/** The authors' own judgement ("We assess that …", "we find", "we believe"). */
const ownJudgement = /\bwe\s+(?:\w+\s+)?(?:assess|find|found|believe|judge|conclude|estimate|argue|observe)\b/i;
/** Likelihood words of an assessment ("is likely to", "will likely", "highly unlikely"). */
const likelihood = /\b(?:(?:highly |very |most )?(?:un)?likely|almost certainly|probably)\b/i;
/** A lead-in that reports another's view: "Critics argue that:", "Some officials believe the following:". */
const viewLeadIn = /^(?<speaker>(?:[\p{L}'’.-]+\s+){0,4}?[\p{L}'’.-]+)\s+(?<verb>argues?|argued|claims?|claimed|contends?|contended|believes?|believed|maintains?|maintained|asserts?|asserted|says?|said|holds?|held)\b[^.]*:\s*$/u;

const sectionPrior: Record<SectionKind | 'front', number> = {
  abstract: 0.8, conclusion: 1, findings: 1, discussion: 0.7, analysis: 0.6, recommendations: 0.35,
  other: 0.45, introduction: 0.25, background: 0.15, literature: 0.05, theory: 0.05, method: 0,
  references: 0, notes: 0, front: 0.3,
};

const positiveCues: [RegExp, number][] = [
  [/\b(?:this|the present|our)\s+(?:paper|study|article|research|analysis|essay|report)\s+(?:\w+\s+)?(?:finds|found|shows|showed|reveals|revealed|demonstrates|concludes|argues|suggests|indicates|establishes|confirms|highlights|underscores)\b/i, 0.6],
  [/\b(?:the|our|these|its)\s+(?:findings|results|analysis|evidence|discussion)\s+(?:\w+\s+)?(?:show|shows|suggest|suggests|indicate|indicates|reveal|reveals|demonstrate|demonstrates|confirm|confirms|point|points|highlight|highlights)\b/i, 0.6],
  // Evidence as the subject of the sentence, however it is qualified, saying what it shows: "Evidence
  // from around the world shows that …", "The 2023 survey data cited above indicate that …",
  // "Preliminary assessments suggest that …" (one cue with the one above: they do not add up).
  [/^(?:\p{L}+,\s+)?(?:(?:the|our|these|its|this|such)\s+)?(?:[\p{L}\d-]+\s+){0,3}?(?:findings|results|evidence|data|assessments?|analys[ie]s|surveys?|studies|research|experience)\b(?:\s+[^,;:.]{1,40}?)?\s+(?:show|shows|showed|suggest|suggests|suggested|indicate|indicates|indicated|reveal|reveals|revealed|demonstrate|demonstrates|demonstrated|confirm|confirms|confirmed)\s+that\b(?<!\b(?:the|our|these|its)\s+(?:findings|results|analysis|evidence|discussion)\s+(?:\w+\s+)?\w+\s+that)/iu, 0.6],
  [/\b(?:one|an|the)\s+(?:important|key|main|major|central|significant)\s+finding\b/i, 0.6],
  [/\b(?:it\s+is|it\s+becomes|it\s+appears)\s+(?:\w+\s+)?(?:evident|clear|apparent|obvious)\s+that\b/i, 0.4],
  [/\b(?:in\s+conclusion|to\s+conclude|to\s+sum\s+up|in\s+sum|overall|all\s+things\s+considered|in\s+short|taken\s+together|consequently|as\s+a\s+result|therefore|thus|hence)\b/i, 0.2],
  [/\b(?:primary|main|principal|key|major|root|underlying)\s+(?:cause|reason|driver|factor|challenge|obstacle|consequence|implication)s?\b/i, 0.3],
  [/\b(?:has|have)\s+(?:led|contributed|resulted)\s+(?:to|in)\b|\b(?:significant(?:ly)?|profound(?:ly)?|substantial(?:ly)?|marked(?:ly)?)\b/i, 0.15],
  [/\b(?:implications?|consequences?|impact)\b/i, 0.1],
];
const negativeCues: [RegExp, number][] = [
  // What the document covers, not what it finds ("This brief discusses …", "We discuss the state of play …").
  [/^(?:(?:this|the present|our)\s+(?:paper|study|article|report|brief|briefing|chapter|section|document)\s+(?:also\s+)?|(?:here\s+|in\s+this\s+\w+,?\s+)?we\s+(?:also\s+|then\s+|first\s+)?)(?:discuss(?:es)?|present(?:s)?|outline(?:s)?|describe(?:s)?|review(?:s)?|provide(?:s)?|summari[sz]e(?:s)?|introduce(?:s)?|look(?:s)?\s+at)\b/i, 0.6],
  [/\b(?:this|the present|our)\s+(?:paper|study|article|research|essay|report|brief|briefing|commentary)\s+(?:\w+\s+)?(?:uses|used|employs|adopts|relies|draws|aims|seeks|attempts|examines|explores|investigates|is\s+based|is\s+divided|begins|proceeds|was\s+(?:reviewed|prepared|written|funded|commissioned|produced))\b/i, 0.6],
  [/\b(?:the\s+)?(?:purpose|aim|objective|goal)s?\s+of\s+(?:this|the)\s+(?:study|paper|research)\b/i, 0.6],
  [/\b(?:methodology|qualitative|quantitative|secondary\s+data|primary\s+data|content\s+analysis|data\s+(?:was|were|is)\s+collected|research\s+design|interviews?\s+(?:were|was))\b/i, 0.5],
  [/\b(?:theory|theoretical|framework|realism|constructivism|neorealism|liberalism)\b/i, 0.2],
  [/\b(?:the\s+following|as\s+follows|next\s+section|section\s+\d|this\s+section)\b/i, 0.4],
  // A figure, table or formula the brief does not show: the sentence reads about what is not there.
  [/\b(?:figure|fig\.|table|equation|eq\.)\s*\(?\d|\s=\s/i, 0.3],
];

/** Lower-case words of a text, punctuation and quotation marks aside. */
const plainWords = (t: string): string[] => t.toLowerCase().replace(/[’‘]/g, "'").match(/[\p{L}\p{N}']+/gu) ?? [];

/**
 * Starts of the sentences a report repeats as a pull quote: a line of at least six words set apart
 * in a paragraph of its own, without a full stop (display type, not prose), whose words run again
 * in order inside a longer sentence of another paragraph ("EdTech is no longer a question of 'if'
 * but rather of 'how'" beside "Today, the use of EdTech is no longer a question of …").
 */
function pulledOut(doc: StructuredSource): Set<number> {
  const out = new Set<number>();
  const paragraphSize = new Map<number, number>();
  for (const s of doc.sentences) paragraphSize.set(s.paragraph, (paragraphSize.get(s.paragraph) ?? 0) + 1);
  const lines = doc.sentences.filter((s) => paragraphSize.get(s.paragraph) === 1 && !/[.!?:;]["”’)]*\s*$/.test(s.text)).map((s) => ({ s, words: plainWords(s.text) })).filter((l) => l.words.length >= 6 && l.words.length <= 40);
  if (!lines.length) return out;
  for (const s of doc.sentences) {
    const text = ` ${plainWords(s.text).join(' ')} `;
    for (const l of lines) if (l.s.paragraph !== s.paragraph && text.length > l.words.join(' ').length + 2 && text.includes(` ${l.words.join(' ')} `)) out.add(s.start);
  }
  return out;
}

/** Whether the zone at an offset is headed by a title that also names conclusions ("Conclusions & Recommendations"). */
function namesConclusions(doc: StructuredSource, offset: number): boolean {
  const heading = zoneAt(doc, offset)?.heading ?? '';
  return heading.split(/\s*(?:&|\band\b|,|\/|\+)\s*/i).some((part) => zoneOfHeading(part) === 'conclusions');
}

/** How a sentence ends: a full stop, exclamation or question mark (a semicolon ends a clause of a legal text), maybe inside quotes or brackets, maybe before a note number. */
const ENDS_SENTENCE = /[.!?…;]["”’)\]]*(?:\s*\[?\d{1,3}\]?)?\s*$/;

/** Whether the layout marked the sentence's start as part of a list item. */
function inListItem(doc: StructuredSource, s: Sentence): boolean {
  return (doc.source.regions ?? []).some((r) => r.role === 'list-item' && r.start <= s.start && s.start < r.end);
}

/** Whether every parenthetical citation of a sentence names the document's publisher or one of its authors. */
function citesItself(raw: string, self: readonly string[]): boolean {
  const cites = raw.match(/\([^()]*?(?:1[5-9]|20)\d\d[a-z]?[^()]*\)/g) ?? [];
  return cites.length > 0 && cites.every((c) => self.some((n) => c.toLowerCase().includes(n.toLowerCase())));
}

/** A scored candidate sentence. */
interface Scored {
  sentence: Sentence;
  score: number;
  vector: TermVector;
  norm: number;
  zone?: ZoneKind;
}

/** Score every body sentence as a finding (0 when it cannot be one, or ends at an offset in `exclude`: a recommendation's). */
export function scoreFindings(doc: StructuredSource, exclude: ReadonlySet<number> = new Set()): Scored[] {
  const text = doc.source.text;
  const sentences = bodySentences(doc);
  const terms = sentences.map(sentenceTerms);
  const idf = inverseFrequencies(terms);
  const vectors = terms.map((t) => weigh(countTerms(t), idf));
  const centroid: TermVector = new Map();
  for (const v of vectors) for (const [t, w] of v) centroid.set(t, (centroid.get(t) ?? 0) + w);
  const cn = norm(centroid);
  const publisher = publisherNames(doc);
  // Names under which the document cites its own makers' work ("(UNESCO, 2022c)"): its own data.
  const self = [...publisher, ...doc.metadata.authors.map((a) => a.trim().split(/\s+/).pop() ?? '')].filter((n) => n.length >= 3);
  // A kind of section that holds most of the body ("Background" over the whole analysis) names the
  // document's main part, not a part set apart from it: its sentences are weighed as any other.
  const kindShare = new Map<SectionKind | 'front', number>();
  for (const s of sentences) {
    const k = sectionKindOf(doc, s.section);
    kindShare.set(k, (kindShare.get(k) ?? 0) + 1 / sentences.length);
  }
  // In the body zone a section called theory, method or literature by a loose word of its heading
  // ("Towards a policy framework", "A human-centred approach") is not one: the zones, which name
  // those parts strictly, did not set it apart.
  const bodyPrior = (kind: SectionKind | 'front'): number => {
    if ((kindShare.get(kind) ?? 0) > 0.4) return Math.max(sectionPrior[kind], sectionPrior.other);
    if (kind === 'theory' || kind === 'method' || kind === 'literature') return Math.max(sectionPrior[kind], sectionPrior.background * 2);
    return sectionPrior[kind];
  };
  const quoted = pulledOut(doc);
  // Position within its section: the first and last sentences of a section carry its message.
  const bySection = new Map<number, number[]>();
  sentences.forEach((s, i) => (bySection.get(s.section) ?? bySection.set(s.section, []).get(s.section)!).push(i));
  return sentences.map((s, i) => {
    const raw = text.slice(s.start, s.end);
    const words = wordCount(s.text);
    const vn = norm(vectors[i]);
    const zero = { sentence: s, score: 0, vector: vectors[i], norm: vn };
    if (words < 8 || words > 70 || /\?\s*$/.test(s.text) || exclude.has(s.end)) return zero;
    // A sentence opening in lower case is the tail of one cut by a page, column or list break: its
    // subject is elsewhere.
    if (/^["“‘(]?\p{Ll}/u.test(s.text)) return zero;
    // A sentence citing others reports their work, except an inference the authors draw with a
    // source in support ("Consequently, X cannot be achieved without Y (Smeets and Lin 2018).").
    const cited = citesOthers(raw);
    if ((cited && !(cited === 'supported' && (inference.test(s.text) || citesItself(raw, self)))) || /^(?:keywords?|key\s+words|jel|doi|source|note|figure|table)\b\s*[:.]/i.test(s.text)) return zero;
    // Not prose, or a lead-in whose substance is the list or formula after its colon.
    if (!isProse(s.text) || isLeadIn(s.text)) return zero;
    // Heading marks inside a sentence: lines of a pull quote or a caption run into it.
    if (/(?:^|\s)#{2,6}\s/.test(s.text)) return zero;
    // A sentence wholly in quotation marks is someone else's words (a motto, an epigraph, a
    // testimony), not the report's finding.
    if (/^["“‘][^"“”]{20,}["”’][\s.,;:)]*(?:\[?\d{1,3}\]?)?$/u.test(s.text)) return zero;
    // An example illustrates a claim made elsewhere; it is not one.
    if (/^(?:for\s+(?:example|instance)|e\.g\.|as\s+an\s+example|to\s+illustrate)\b/i.test(s.text)) return zero;
    // What the authors do, ask or are ("We set out seven recommendations", "We urge the Board to …",
    // "The Collective is a network of …", "The next edition of the report will …"), the document
    // presenting itself or its publisher ("It outlines …", "The World Bank supports …"): about the
    // document or its makers, or advice, not a claim about the subject.
    if (aboutTheDocument(s.text, publisher)) return zero;
    const kind = sectionKindOf(doc, s.section);
    const zone = zoneKindAt(doc, s.start);
    const prior = zone === 'body' ? undefined : zonePrior[zone];
    if (prior === 0) return zero;
    // A part headed "Conclusions and recommendations" concludes as well as asks: what in it does
    // not ask is a conclusion.
    const concluding = zone === 'conclusions' || (zone === 'recommendations' && namesConclusions(doc, s.start));
    const summarising = summaryZones.has(zone) || concluding;
    // An ask in a recommendations zone that the recommendation extractor did not claim (items that
    // instruct, "Actors to do …", are told apart by their form when kept: see statesClaim).
    if (zone === 'recommendations' && duty.test(s.text)) return zero;
    // Body prose that does not end as a sentence ends was cut by the layout (a box title run into
    // it: "… logging subsystems for individual AI products will Data Governance and Quality"); a
    // summary box's bullets often go without a full stop, and a list item may.
    if (!summarising && !ENDS_SENTENCE.test(s.text) && !inListItem(doc, s)) return zero;
    let score = concluding ? zonePrior.conclusions! : prior ?? bodyPrior(kind);
    for (const [re, w] of positiveCues) if (re.test(s.text)) score += w;
    for (const [re, w] of negativeCues) if (re.test(s.text)) score -= w;
    // In a summary the report has already chosen what matters: centrality weighs less there.
    score += (summarising ? 0.6 : 1.2) * cosine(vectors[i], centroid, vn, cn);
    if (quantified.test(s.text)) score += 0.2;
    // The report prints the sentence a second time in display type (a pull quote): it marks it as a point to take away.
    if (quoted.has(s.start)) score += 0.5;
    const group = bySection.get(s.section) ?? [];
    if (group.length > 2 && (group[0] === i || group[group.length - 1] === i) && (kind === 'conclusion' || kind === 'findings' || kind === 'discussion')) score += 0.15;
    // The analytic conclusion of an argument: an inference drawn, the authors' judgement, an
    // assessment of likelihood, the sentence that ends its paragraph.
    if (inference.test(s.text)) score += 0.45;
    else if (emphasis.test(s.text)) score += 0.15;
    if (ownJudgement.test(s.text)) score += 0.3;
    if (likelihood.test(s.text)) score += 0.2;
    if (sentences[i + 1]?.paragraph !== s.paragraph && group.length > 2) score += 0.1;
    // Short sentences rarely carry a claim worth a brief ("Two important states are A and B.").
    if (words < 12) score -= 0.2;
    // Sentences that open with a pronoun or connective lean on context the brief will not show.
    // ("These technologies are …" names its subject; "This is …" does not.)
    if (/^(?:it|this|these|they|he|she|such|that|those)\s+(?:is|are|was|were|has|have|had|can|could|will|would|may|might|also|means|makes|shows)\b/i.test(s.text) && !inference.test(s.text)) score -= 0.15;
    // A sentence saying what someone must or needs to do prescribes; a finding states what is. So
    // in a summary or the conclusions too (their asks are the report's advice); only in a key
    // findings box has the report itself marked every line a finding.
    if (zone !== 'key-findings' && (duty.test(s.text) || onlyWay.test(s.text))) score -= 0.3;
    // Historical narration (a year in the sentence) is background more often than a finding; in a
    // summary, a dated fact is the finding.
    if (!summarising && /\b(?:in|since|until|by|during)\s+(?:1[6-9]|20)\d\d\b/.test(s.text)) score -= 0.2;
    return { sentence: s, score: Math.max(0, score), vector: vectors[i], norm: vn, zone };
  });
}

/** The findings of one source, best first (ties in document order), redundancy removed; `exclude` holds the ends of sentences that are recommendations. */
export function findFindings(doc: StructuredSource, exclude: ReadonlySet<number> = new Set(), options: Readonly<FindingsOptions & { maxFromSummary?: number }> = defaultFindingsOptions): ExtractedFinding[] {
  const scoredAll = scoreFindings(doc, exclude);
  const scored = scoredAll.filter((c) => c.score > 0.5);
  scored.sort((a, b) => b.score - a.score || a.sentence.start - b.sentence.start);
  const kept: Scored[] = [];
  const max = budgetFor(doc, options.max);
  const fromSummary = options.maxFromSummary ?? options.max;
  let summaryCount = 0;
  // The body's findings are spread over its sections: an analyst takes the conclusion of each part
  // of the argument, not five sentences of one.
  const perSection = new Map<number, number>();
  // A long section carries more of the argument than a short one: two findings, and one more for
  // every fifteen sentences (a report set as one long section). In its conclusions the report sums
  // up: four, or up to a third of their sentences when they are longer (a brief's closing part
  // restates most of its findings).
  const sectionSize = new Map<number, number>();
  for (const c of scoredAll) sectionSize.set(c.sentence.section, (sectionSize.get(c.sentence.section) ?? 0) + 1);
  const sectionCap = (c: Scored) => {
    const size = sectionSize.get(c.sentence.section) ?? 0;
    return c.zone === 'conclusions' ? Math.max(4, Math.ceil(size / 3)) : 2 + Math.floor(size / 15);
  };
  for (const c of scored) {
    if (kept.length >= max) break;
    const summary = !!c.zone && summaryZones.has(c.zone);
    if (summary && summaryCount >= fromSummary) continue;
    if (!summary && (perSection.get(c.sentence.section) ?? 0) >= sectionCap(c)) continue;
    if (kept.some((k) => cosine(k.vector, c.vector, k.norm, c.norm) > options.redundancy)) continue;
    if (!statesClaim(c.sentence.text) || verblessClaim(doc, c.sentence)) continue;
    kept.push(c);
    if (summary) summaryCount++;
    else perSection.set(c.sentence.section, (perSection.get(c.sentence.section) ?? 0) + 1);
  }
  return kept.map((c) => {
    const claim = claimOf(doc, c.sentence);
    const view = reportedView(doc, c.sentence);
    return { ...claim, ...(view ? { text: `${view} ${lowerFirst(claim.text)}` } : {}), score: Number(c.score.toFixed(4)), section: c.sentence.section };
  });
}

/**
 * Whether a sentence states something rather than instructing or naming: an item that opens with
 * a verb in its base form ("Update mechanisms to …", "Governments to adopt …") asks, and a verbless
 * line without a full stop ("Development of values and skills for life") is a heading. Tagged only
 * for the few sentences about to be kept.
 */
function statesClaim(text: string): boolean {
  // A gerund subject with its verb ("Using signatures to embed … is essential for …") states.
  if (/^(?!Bring\b)\p{Lu}\p{Ll}*ing\s[^.;:]*?\b(?:is|are|was|were|has|have|will|can|remains|requires)\b/u.test(text)) return true;
  const form = itemForm(text);
  if (form === 'imperative' || form === 'actor-to' || form === 'to-infinitive') return false;
  // A glossary entry defines a term; it finds nothing.
  if (definitionForm.test(text)) return false;
  // An opening noun phrase without a full stop is a heading, unless a later clause has an auxiliary
  // ("100 million monthly active users in January 2023, only one country has released …": a
  // callout set in display type, whose lines end without a full stop).
  return !(form === 'noun-phrase' && !/[.!]["”’)]*\s*$/.test(text) && !tagText(text.slice(0, 400)).some((x) => x.pos === 'AUX'));
}

/**
 * Whether what is left once the reporting clause is cut has no verb: a tagline after "In short, …"
 * ("In short, building an open web on top of a closed infrastructure."). A gerund is no verb.
 * Asked only of a sentence that opened with such a clause (the tagger misses verbs often enough
 * that a whole sentence is not judged by it alone).
 */
function verblessClaim(doc: StructuredSource, s: Sentence): boolean {
  const claim = claimOf(doc, s).text;
  if (claim.length === s.text.length) return false;
  return !tagText(claim.slice(0, 400)).some((x) => x.pos === 'AUX' || (x.pos === 'VERB' && !/ing$/i.test(x.lower)));
}

/**
 * A definition: a glossary entry that repeats its term after the colon ("AI actors: AI actors are
 * those who …"), or a sentence that says how a term is defined ("The dictionary defines it as …").
 */
const definitionForm = /^[\s‒–—•·*-]*(\p{Lu}[^:.;]{1,40}):\s+\1\s+(?:is|are|refers?\s+to|means|denotes)\b|\bdefines?\s+(?:it|them|this|these|the\s+term|[\p{L}-]+)\s+as\b|\b(?:is|are)\s+defined\s+as\b/iu;

/** "Critics argue that" when the sentence's paragraph or the one before opens it with a lead-in reporting another's view; else null. */
function reportedView(doc: StructuredSource, s: Sentence): string | null {
  const i = doc.sentences.indexOf(s);
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const prev = doc.sentences[k];
    if (prev.paragraph < s.paragraph - 1) break;
    if (!isLeadIn(prev.text)) continue;
    const m = viewLeadIn.exec(prev.text);
    if (!m?.groups || /^(?:we|i|our|this|the (?:present )?(?:report|paper|study|brief))\b/i.test(m.groups.speaker)) return null;
    return `${m.groups.speaker} ${m.groups.verb} that`;
  }
  return null;
}

function lowerFirst(t: string): string {
  return /^\p{Lu}\p{Ll}/u.test(t) ? t[0].toLowerCase() + t.slice(1) : t;
}
