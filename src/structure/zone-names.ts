/**
 * Zone names: which part of a report a heading opens, read from the heading's words alone
 * ("Key Points" → key-findings, "About the author" → bios, "Annex 2: Survey" → annexes). A zone name
 * is the whole heading (after its number), not a word inside it: "Introduction" opens the
 * introduction, "The introduction of tariffs" does not. Section kinds (headings.ts) already say
 * which headings open references, notes, abstracts, conclusions and recommendations; this module
 * builds on them for those and adds the parts of a report a paper does not have.
 */
import type { ZoneKind } from '../model/schema.js';
import { kindOf, numberPrefix } from './headings.js';
import { plainOf } from './lines.js';

/** Whole-heading names of zones, as phrases (also matched when a heading is letter-spaced: "S H O R T S U M M A R Y"). */
const PHRASES: readonly [ZoneKind, readonly string[]][] = [
  ['contents', ['contents', 'content', 'table of contents', 'table of content', 'contents page', 'in this report', 'in this issue', 'in this brief', 'in this paper']],
  ['foreword', ['foreword', 'forward', 'preface', 'prologue', 'introductory note', 'introductory remarks', 'editors note', 'editor s note', 'editorial']],
  ['executive-summary', ['executive summary', 'summary', 'short summary', 'brief summary', 'report summary', 'policy summary', 'non technical summary', 'summary for policymakers', 'summary for policy makers', 'synopsis', 'executive overview', 'summary of the report', 'overview and summary']],
  ['key-findings', [
    'key points', 'key findings', 'main findings', 'major findings', 'principal findings', 'headline findings', 'summary of findings', 'summary of key findings',
    'key judgements', 'key judgments', 'key messages', 'main messages', 'key takeaways', 'takeaways', 'main takeaways', 'key insights', 'highlights', 'key highlights',
    'key facts', 'key conclusions', 'main conclusions', 'at a glance', 'in brief', 'in short', 'in a nutshell', 'bottom line', 'the bottom line', 'key results',
    'what we found', 'our findings', 'findings at a glance', 'key issues', 'key trends', 'main points', 'key observations', 'key numbers', 'key figures'
  ]],
  ['abstract', ['abstract']],
  ['introduction', ['introduction', 'overview', 'setting the scene', 'purpose of this report', 'purpose and scope', 'scope', 'about this report', 'about this brief', 'about this paper', 'about this study']],
  ['methods', [
    'method', 'methods', 'methodology', 'methodologies', 'research methods', 'research methodology', 'study design', 'research design', 'data and methods', 'data and methodology',
    'methods and data', 'materials and methods', 'sources and methods', 'approach', 'our approach', 'approach and methods', 'approach and methodology', 'methodological approach',
    'methodological note', 'a note on methodology', 'a note on methods', 'a note on sources', 'data collection', 'data', 'data sources', 'scope and methodology', 'methodology and limitations', 'survey design',
  ]],
  ['literature-review', [
    'literature review', 'review of literature', 'review of the literature', 'review of the evidence', 'evidence review', 'related work', 'previous work', 'prior work', 'previous research',
    'prior research', 'previous studies', 'state of the art', 'theory', 'theoretical framework', 'theoretical background', 'theoretical perspectives', 'conceptual framework',
    'theoretical and conceptual framework', 'literature', 'existing literature', 'what the literature says', 'what the research says',
  ]],
  ['conclusions', ['conclusion', 'conclusions', 'concluding remarks', 'concluding thoughts', 'concluding observations', 'final remarks', 'final thoughts', 'closing remarks', 'summary and conclusions', 'summary and conclusion', 'discussion and conclusions', 'discussion and conclusion', 'outlook', 'discussion and outlook', 'conclusion and outlook', 'looking ahead', 'overall assessment', 'net assessment', 'the verdict']],
  ['bios', [
    'about the author', 'about the authors', 'about the contributors', 'about the contributor', 'about the editors', 'about the editor', 'about the researchers', 'the authors', 'the author',
    'authors', 'author', 'contributors', 'notes on contributors', 'notes on the contributors', 'notes on the authors', 'information on the authors', 'author biography', 'author biographies',
    'authors biographies', 'biography', 'biographies', 'biographical notes', 'biographical note', 'author information', 'meet the authors', 'about us', 'the team', 'project team', 'research team', 'report team',
  ]],
  ['acknowledgements', ['acknowledgements', 'acknowledgement', 'acknowledgments', 'acknowledgment', 'thanks', 'with thanks', 'a note of thanks', 'credits and acknowledgements', 'special thanks']],
  ['references', ['references', 'reference', 'bibliography', 'works cited', 'literature cited', 'sources', 'reference list', 'list of references', 'sources and references', 'further reading', 'selected bibliography', 'select bibliography']],
  ['notes', ['notes', 'endnotes', 'end notes', 'footnotes', 'notes and references', 'references and notes', 'sources and notes']],
  ['signatories', ['signatories', 'signatures', 'signed', 'signed by', 'undersigned', 'the undersigned', 'endorsed by', 'endorsements', 'endorsing organisations', 'endorsing organizations', 'list of signatories', 'co signatories', 'cosignatories', 'supporting organisations', 'supporting organizations', 'signed on behalf of']],
  ['glossary', ['glossary', 'glossary of terms', 'abbreviations', 'acronyms', 'list of abbreviations', 'list of acronyms', 'acronyms and abbreviations', 'abbreviations and acronyms', 'list of acronyms and abbreviations', 'list of abbreviations and acronyms', 'key terms', 'definitions', 'terminology', 'concepts and technologies']],
  ['imprint', ['credits', 'disclaimer', 'disclaimers', 'copyright', 'copyright notice', 'imprint', 'colophon', 'legal notice', 'publication details', 'publication information', 'suggested citation', 'recommended citation', 'how to cite', 'how to cite this report', 'cite as', 'contact', 'contact us', 'contact information', 'contact details', 'licence', 'license', 'funding', 'about the publisher', 'legal notice and disclaimer']],
];

/** Names with a free part: "Annex 2: Survey", "Message from the Director", "About CIGI", "Lessons for the future". */
const PATTERNS: readonly [ZoneKind, RegExp][] = [
  ['annexes', /^(?:annex(?:es|ure|ures)?|appendix|appendices|attachments?|supplementary (?:materials?|information|tables)|technical (?:annex|appendix))\b/],
  ['foreword', /^(?:(?:a )?(?:message|statement|note|word|letter) from (?:the )?\S.{0,60})$/],
  ['bios', /^about the (?:authors?|contributors?|editors?)\b/],
  // an organisation presenting itself ("About CIGI", "About the OECD"); "about this report" is read above
  ['imprint', /^about (?!this\b|the (?:authors?|contributors?|editors?|report|study|paper|brief|survey|data)\b)\S.{0,60}$/],
  ['recommendations', /^(?:lessons(?: (?:learned|learnt|for\b.*|from\b.*|and\b.*))?|what (?:should|must|can|needs? to) be done\b.*|what (?:\S+ ){1,3}(?:should|must|can|need to) do\b.*|next steps\b.*|(?:the )?way (?:forward|ahead)\b.*|calls? (?:to|for) action\b.*|policy (?:implications|options|priorities|proposals|responses?|directions|considerations)\b.*|implications for (?:policy|practice|policymakers|policy makers)\b.*|priorities for action\b.*|agenda for action\b.*|(?:our |key )?asks\b.*|what we (?:ask|call for|propose)\b.*|(?:a )?road ?map\b.*|steps to\b.*|proposals?\b.*|suggestions?\b.*)$/],
];

const phraseIndex = new Map<string, ZoneKind>();
const squashedIndex = new Map<string, ZoneKind>();
for (const [kind, phrases] of PHRASES) {
  for (const p of phrases) {
    phraseIndex.set(p, kind);
    squashedIndex.set(p.replace(/ /g, ''), kind);
  }
}

/** A heading's words for matching: no markup, number, "Chapter 3:", page-style suffixes or punctuation; lower case. */
export function headingWords(heading: string): string {
  let t = plainOf(heading).replace(/\s+/g, ' ').trim();
  const num = numberPrefix(t);
  if (num) t = num.rest;
  t = t.replace(/^(?:chapter|section|part)\s+(?:\d+|[ivxlc]+|[a-z])\b[.:\s–—-]*/i, '');
  // "R1:", "A.", "1)" labels before the words
  t = t.replace(/^(?:[A-Z]?\d{1,2}[.:)]|[A-Z][.:)])\s+/, '');
  return t.toLowerCase().replace(/&/g, ' and ').replace(/[’']/g, ' ').replace(/[^\p{L}\p{N} ]+/gu, ' ').replace(/\s+/g, ' ').trim();
}

/** Is a heading letter-spaced ("S H O R T  S U M M A R Y")? */
function letterSpaced(t: string): boolean {
  return /^(?:\p{L} ){3,}\p{L}$/u.test(t);
}

/**
 * The zone a heading opens by its words alone, or null when its words do not name one (a body
 * heading). A heading ending in a page number ("Introduction 7") is a contents line, not a heading.
 */
export function zoneOfHeading(heading: string): ZoneKind | null {
  const w = headingWords(heading);
  if (!w || w.length > 90) return null;
  if (/\s\d{1,3}$/.test(w) && !/^(?:annex|appendix|appendices|attachment)/.test(w)) return null;
  const exact = phraseIndex.get(w);
  if (exact) return exact;
  if (letterSpaced(w)) {
    const squashed = squashedIndex.get(w.replace(/ /g, ''));
    if (squashed) return squashed;
  }
  for (const [kind, re] of PATTERNS) if (re.test(w)) return kind;
  // "Theoretical framework: neorealism", "Conclusion: a roadmap for …": the words before the colon name it
  const colon = plainOf(heading).indexOf(':');
  if (colon > 0) {
    const head = headingWords(plainOf(heading).slice(0, colon));
    const named = head && head.split(' ').length <= 4 ? phraseIndex.get(head) : undefined;
    if (named) return named;
  }
  // the section kinds a paper's headings name ("Conclusions and future work", "Policy recommendations for Y")
  const kind = kindOf(w);
  // "Recommendations for governments", "Conclusions and recommendations", "Recommendation 3: …" — not
  // "Recommendation of the Council on …", which names a document of that kind
  if (kind === 'recommendations' && (/^(?:\p{L}+ ){0,2}recommendations\b/u.test(w) || /^recommendation (?:\d+|[a-z])\b/.test(w) || !/\brecommendations?\b/.test(w))) return 'recommendations';
  if (kind === 'conclusion' && w.split(' ').length <= 6) return 'conclusions';
  if (kind === 'introduction' && /^introduction\b/.test(w)) return 'introduction';
  if (kind === 'abstract' && /\bexecutive summary\b/.test(w)) return 'executive-summary';
  if (/^(?:key|main|major|principal|headline) (?:findings|points|messages|judge?ments|takeaways|insights|results|conclusions)\b/.test(w)) return 'key-findings';
  if (/^(?:literature review|review of (?:the )?literature)\b/.test(w)) return 'literature-review';
  if (/^(?:methodology|methods?|research (?:methods?|design))\b/.test(w) && w.split(' ').length <= 6) return 'methods';
  return null;
}
