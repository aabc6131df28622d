/**
 * Sentence-level signals for extractive summaries: which sentences may be used at all, their
 * content-word vectors, and priors from position, section role, cue phrases and sentence shape.
 * Shared by the summarizer and by the LexRank / lead baselines of `brief eval`.
 */
import type { SectionKind, ZoneKind } from '../model/schema.js';
import type { Sentence, StructuredSource } from '../model/document.js';
import { sentenceTerms } from './text/vectors.js';
import { apartSections, isBoilerplate, noteParagraphs } from './body-text.js';
import { APART_ZONES, zoneKindAt, zonesFor } from '../structure/zones.js';
import { aboutTheDocument, publisherNames, repeatsTitle } from './self-reference.js';
import { citesOthers } from './who-speaks.js';

/** Words of a sentence as counted against the summary budget. */
export function wordCount(text: string): number {
  const t = text.trim();
  return t ? t.split(/\s+/).length : 0;
}

/** Sections a summary must never quote. */
const excludedKinds: ReadonlySet<SectionKind> = new Set(['references', 'notes']);

/** How much a section's role makes its sentences summary material (a prior, not a filter). */
export const sectionRolePrior: Readonly<Record<SectionKind, number>> = {
  abstract: 1.3,
  introduction: 1.15,
  conclusion: 1.15,
  findings: 1.05,
  recommendations: 1.05,
  discussion: 1.0,
  analysis: 0.9,
  other: 0.95,
  theory: 0.85,
  background: 0.8,
  literature: 0.75,
  method: 0.8,
  references: 0,
  notes: 0,
};

/** Cue phrases that announce what a text is about or what it found (general English, not fitted). */
const bonusCues = /\b(?:in this (?:paper|article|report|study|work|chapter|brief)|this (?:paper|article|report|study|work) (?:\w+ ){0,2}(?:presents?|proposes?|describes?|introduces?|shows?|argues?|examines?|investigates?|explores?|analy[sz]es?|discusses?|addresses?|considers?|reports?|focuses|develops?)|we (?:\w+ )?(?:propose|present|describe|introduce|show|demonstrate|develop|argue|find|found|conclude|report|investigate|examine|study|analy[sz]e|evaluate|consider|address|focus|design|implement|prove|give|provide|obtain|derive|discuss)|our (?:approach|method|results?|system|framework|model|algorithm|analysis|findings|contributions?|technique|experiments?|work)|(?:the|our) (?:main|key|primary|principal) (?:contribution|result|finding|idea|goal|aim|argument)s?|(?:the|this) (?:purpose|aim|goal|objective) of|results? (?:show|indicate|suggest|demonstrate)|in (?:summary|conclusion)|to (?:summari[sz]e|conclude)|we conclude)\b/i;

/** Openers that lean on a previous sentence: a summary starting with them reads as an orphan. */
const orphanOpeners = /^(?:this|these|that|those|it|its|they|them|their|he|she|his|her|such|however|therefore|thus|hence|also|moreover|furthermore|but|and|or|so|then|nevertheless|nonetheless|consequently|accordingly|additionally|similarly|likewise|instead|otherwise|in addition|in contrast|on the other hand|as a result|for example|for instance|in particular|in other words|finally|second|secondly|third|thirdly|next|here|there)\b/i;

/** Figures, tables, equations and citations: signs of a sentence that does not stand on its own. */
const figureRef = /\b(?:fig(?:ure)?s?\.?|table|eq(?:uation)?s?\.?|algorithm|line|appendix)\s*\(?\d/i;
const bracketCitation = /\[\d+(?:\s*[,–-]\s*\d+)*\]|\(\s*[A-Z][A-Za-z-]+(?: et al\.?| and [A-Z][A-Za-z-]+)?,? \d{4}[a-z]?\s*\)/;

/** Per-sentence features the summarizers use. */
export interface SentenceFeatures {
  index: number;
  sentence: Sentence;
  words: number;
  terms: readonly string[];
  /** Section role prior (1 = neutral). */
  role: number;
  /** Cue phrase announcing the text's contribution or conclusion. */
  cue: boolean;
  /** Starts with a pronoun or connective that needs the previous sentence. */
  orphan: boolean;
  /** Quality 0..1: penalises fragments, formula debris, figure references and citations. */
  quality: number;
  /** Relative position among the usable sentences of the source (0 = first, 1 = last). */
  at: number;
}

function insideAny(s: Sentence, spans: readonly { start: number; end: number }[]): boolean {
  return spans.some((r) => s.start < r.end && r.start < s.end);
}

/** Share of tokens that are ordinary words (formula debris and tables score low). */
function wordiness(text: string): number {
  // Tokens are runs of non-space; a word token is one whole run matching the word shape, so one
  // scan with space (or the ends) on both sides counts them, instead of a regex call per token.
  const tokens = text.match(/\S+/g)?.length ?? 0;
  if (!tokens) return 0;
  const ok = text.match(/(?<!\S)[("'“‘]?\p{L}[\p{L}'’-]*[)"'”’.,;:!?]*(?!\S)/gu)?.length ?? 0;
  return ok / tokens;
}

/** Zones in which a report sums itself up ahead of its body. */
const FRONT_SUMMARIES: ReadonlySet<ZoneKind> = new Set<ZoneKind>(['executive-summary', 'key-findings']);

/** Whether a document opens with its own summary: an executive summary or key-findings zone before its first body zone. */
export function opensWithSummary(doc: StructuredSource): boolean {
  for (const z of zonesFor(doc)) {
    if (FRONT_SUMMARIES.has(z.kind)) return true;
    if (z.kind === 'body') return false;
  }
  return false;
}

/** The sentences a summary may use, with their features, in document order. */
export function sentenceFeatures(doc: StructuredSource): SentenceFeatures[] {
  const avoid = [...doc.references, ...doc.notes];
  // Thanks, biographies, licences and notices say nothing of the subject.
  const apart = apartSections(doc);
  const notes = noteParagraphs(doc);
  const out: SentenceFeatures[] = [];
  // A report that opens with its own summary (an executive summary or key findings before its
  // body) has said there what it is; its bottom line is what it claims. A paper without one is
  // summed up by what it presents ("This paper proposes …"), as its abstract would be.
  const claimsOnly = opensWithSummary(doc);
  const publisher = claimsOnly ? publisherNames(doc) : [];
  doc.sentences.forEach((sentence, index) => {
    if (sentence.duplicateOf !== undefined) return;
    const kind: SectionKind = sentence.section >= 0 ? doc.sections[sentence.section]?.kind ?? 'other' : 'other';
    if (excludedKinds.has(kind) || insideAny(sentence, avoid) || apart.has(sentence.section) || notes.has(sentence.paragraph)) return;
    const text = sentence.text;
    if (isBoilerplate(text)) return;
    // Parts about the document, not its subject (contents, imprint, bios, glossary, signatories …);
    // a report's own summary boxes weigh as an abstract does.
    const zone = zoneKindAt(doc, sentence.start);
    if (zone !== 'cover' && APART_ZONES.has(zone)) return;
    // The title printed again (a running title) names the document; it says nothing of its subject.
    // Heading marks inside a sentence: a heading or pull quote run into it.
    if (repeatsTitle(doc, text) || /(?:^|\s)#{2,6}\s/.test(text)) return;
    // Such a report's sentences about itself, its publisher or its authors' acts, and the views of
    // others it reports ("A prevalent view in India is that …"), are not its claims.
    if (claimsOnly && (aboutTheDocument(text, publisher) || citesOthers(doc.source.text.slice(sentence.start, sentence.end)) === 'named')) return;
    const words = wordCount(text);
    if (words < 5) return;
    const terms = sentenceTerms(sentence);
    if (terms.length < 3) return;
    let quality = Math.min(1, Math.max(0, (wordiness(text) - 0.5) / 0.4));
    if (words < 9) quality *= 0.6;
    if (words > 45) quality *= 0.7;
    if (figureRef.test(text)) quality *= 0.6;
    if (bracketCitation.test(text)) quality *= 0.85;
    if (!/^[\p{Lu}"“‘(\d]/u.test(text)) quality *= 0.6;
    if (/[?]$/.test(text) || !/[.!?]["”’)]*$/.test(text)) quality *= 0.8;
    out.push({ index, sentence, words, terms, role: zone === 'key-findings' || zone === 'executive-summary' ? Math.max(sectionRolePrior[kind], sectionRolePrior.abstract) : sectionRolePrior[kind], cue: bonusCues.test(text), orphan: orphanOpeners.test(text), quality, at: 0 });
  });
  out.forEach((f, i) => (f.at = i / Math.max(1, out.length - 1)));
  return out;
}
