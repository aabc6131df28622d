/**
 * Where advice is given and to whom, read from a document's structure rather than from single
 * sentences: whether a section is a recommendations-type zone (recommendations, policy implications,
 * lessons, the way forward, next steps), the addressee its heading names ("Recommendations for
 * Congress", a heading that is itself an actor such as "Providers of GenAI tools"), and the addressee
 * of the whole document ("This brief offers recommendations for liberal democratic states").
 */
import type { StructuredSource } from '../model/document.js';
import { bodySentences, perSource, sectionKindOf } from './body-text.js';
import { tagText } from './text/nlp.js';
import { APART_ZONES, zoneOfHeading as zoneOfPart } from '../structure/zones.js';

/** How strongly a section's place in the document marks its content as advice. */
export type AdviceZone = 'advice' | 'summary' | 'conclusion' | 'other' | 'apart';

// Headings that announce advice. Words a heading uses to say "this part tells someone what to do".
const adviceHeading =
  /\b(?:recommend\w*|policy\s+(?:implications?|options?|responses?|proposals?|priorities)|implications\s+for\s+(?:policy|practice|\w+\s+makers?)|lessons?\s+(?:for|learn\w*|from)|(?:the\s+)?way\s+(?:forward|ahead)|(?:the\s+)?road\s+ahead|next\s+steps|what\s+(?:should|must|needs?\s+to|can)\s+be\s+done|what\s+\w+\s+(?:should|must|can)\s+do|call\s+to\s+action|calls?\s+for\s+action|agenda\s+for|actions?\s+(?:for|needed|required|points?)|priorit(?:y|ies)\s+for|proposals?|a\s+roadmap|steps\s+to|measures\s+to|options\s+for|the\s+asks?)\b/i;
const summaryHeading = /\b(?:executive\s+summary|summary|key\s+(?:points|messages|takeaways)|at\s+a\s+glance|highlights|in\s+brief|overview\s+of\s+recommendations)\b/i;
const conclusionHeading = /\b(?:conclu\w+|final\s+(?:remarks|thoughts|word)|closing\s+(?:remarks|thoughts))\b/i;

/** The zone of a heading alone (its words), or null when it does not say. */
export function zoneOfHeading(heading: string): AdviceZone | null {
  const h = heading.replace(/[#*_]/g, ' ').replace(/\s+/g, ' ').trim();
  if (adviceHeading.test(h)) return 'advice';
  if (summaryHeading.test(h)) return 'summary';
  if (conclusionHeading.test(h)) return 'conclusion';
  return null;
}

/**
 * The zone a section lies in: its own heading's, else the nearest enclosing section's, else what
 * the structure stage's kind says. A sub-heading inside "Recommendations" ("Strengthen oversight")
 * keeps the zone of its parent.
 */
export function adviceZoneOf(doc: StructuredSource, sectionIndex: number): AdviceZone {
  if (!doc.sections[sectionIndex]) return 'other';
  const z = fromHeadings(doc, sectionIndex, zoneOfHeading);
  if (z) return z;
  const kind = sectionKindOf(doc, sectionIndex);
  if (kind === 'recommendations') return 'advice';
  if (kind === 'abstract') return 'summary';
  if (kind === 'conclusion') return 'conclusion';
  return 'other';
}

/**
 * Whether a paragraph opens a part read apart from the body with a run-in heading
 * ("Acknowledgements: The author would like to thank …", "About the author: …").
 */
export function opensApartPart(text: string): boolean {
  const m = /^\s*([^:.;\n]{3,40}):\s/.exec(text);
  const zone = m ? zoneOfPart(m[1]) : null;
  return !!zone && APART_ZONES.has(zone);
}

/** Head nouns of a noun phrase that names people or bodies who can act. */
const agentHead =
  /^(?:governments?|states?|countries|nations|ministr(?:y|ies)|departments?|agenc(?:y|ies)|authorit(?:y|ies)|administrations?|congress|parliaments?|legislat(?:ures?|ors)|lawmakers|policy-?makers|policymakers|makers|officials|regulators?|providers?|users|developers|companies|firms|businesses|industry|employers|investors|donors|funders|banks|institutions|universities|schools|educators|teachers|researchers|practitioners|managers|leaders|leadership|communit(?:y|ies)|organi[sz]ations|bodies|boards?|councils?|committees?|commissions?|secretariats?|partners|stakeholders|actors|members|adherents|parties|platforms|societ(?:y|ies)|centres|centers|repositories|municipalities|cities|provinces|utilities|operators|manufacturers|militar(?:y|ies)|forces|courts|judiciary|executive|branch(?:es)?|president|ministers?|secretar(?:y|ies)|directors?(?:-general)?|chairs?|unions?|alliances?|nato|eu|un|unesco|oecd|world\s+bank|imf|who|usaid|dod|dhs|white\s+house|foundations)$/i;

/** Whether a short noun phrase names someone who can act ("Providers of GenAI tools", "Congress"). */
export function isAgentPhrase(phrase: string): boolean {
  const p = phrase.replace(/[“”"'’*_]/g, '').replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  const words = p.split(/\s+/).filter(Boolean);
  if (!words.length || words.length > 9) return false;
  // The head of "Providers of GenAI tools" is "Providers"; of "the federal government", "government".
  const head = p.split(/\s+(?:of|in|for|at|on|from|across|with|that|who)\s+/i)[0].split(/\s+(?:and|or|&)\s+/i).map((x) => x.trim().split(/\s+/).pop() ?? '');
  return head.some((h) => agentHead.test(h.replace(/[^\p{L}-]/gu, '')));
}

/** A phrase as an addressee: without "the" before several bodies, markup and a trailing colon. */
function cleanAddressee(phrase: string): string {
  return phrase.replace(/[*_#]/g, '').replace(/\s+/g, ' ').replace(/^[\s,:;–-]+|[\s,:;.–-]+$/g, '').trim();
}

/**
 * The addressee a heading names: "Recommendations for Congress" → "Congress", "Lessons for donors"
 * → "donors", or a heading that is an actor's name ("Governmental regulatory agencies",
 * "Providers of GenAI tools"). Null when the heading names nobody who can act.
 */
export function addresseeOfHeading(heading: string): string | null {
  const h = heading.replace(/^[\s#*]*(?:\d+(?:\.\d+)*\.?|[A-Z]\.|[IVX]+\.|R\d+:?)\s+/, '').replace(/[*_]/g, '').trim();
  const m = /\b(?:for|to)\s+(?:the\s+)?(.{2,80})$/i.exec(h);
  if (m && zoneOfHeading(h) === 'advice' && isAgentPhrase(m[1])) return cleanAddressee(m[1]);
  // "What Congress should do", "Role of donors".
  const w = /^what\s+(.{2,60}?)\s+(?:should|must|can)\s+do\b/i.exec(h) ?? /^(?:the\s+)?role\s+(?:of|for)\s+(.{2,60})$/i.exec(h);
  if (w && isAgentPhrase(w[1])) return cleanAddressee(w[1]);
  // A heading that is only an actor: a short noun phrase, no verb.
  if (h.split(/\s+/).length <= 7 && isAgentPhrase(h) && !/[.?!:;]$/.test(h)) {
    const tokens = tagText(h.toLowerCase());
    if (!tokens.some((t) => t.pos === 'VERB' || t.pos === 'AUX') || /^(?:providers|users|developers|makers|policy-?makers)\b/i.test(h.split(/\s+/)[0])) return cleanAddressee(h);
  }
  return null;
}

/** The addressee named by the heading of a section or of the nearest enclosing section that names one. */
export function headingAddressee(doc: StructuredSource, sectionIndex: number): string | null {
  return fromHeadings(doc, sectionIndex, addresseeOfHeading);
}

/** What `read` finds for a section's own heading, else for the nearest enclosing section's that gives one. */
function fromHeadings<T>(doc: StructuredSource, sectionIndex: number, read: (heading: string, index: number) => T | null): T | null {
  const s = doc.sections[sectionIndex];
  if (!s) return null;
  const own = read(s.heading, sectionIndex);
  if (own) return own;
  for (let i = sectionIndex - 1; i >= 0; i--) {
    const p = doc.sections[i];
    if (p.level < s.level && p.start <= s.start && s.end <= p.end) {
      const found = read(p.heading, i);
      if (found) return found;
    }
  }
  return null;
}

// "a series of six steps that governmental agencies can take", "measures for ministries to adopt".
const announcedFor = new RegExp(
  String.raw`\b(?:steps|measures|actions|recommendations|proposals|priorities|options)\s+(?:that|which)\s+((?:[\p{L}'’-]+\s+){0,5}?[\p{L}'’-]+)\s+(?:can|could|should|must|may|need\s+to|are\s+(?:expected|encouraged|invited)\s+to)\s+(?:take|adopt|implement|consider|follow|pursue|undertake)\b` +
    String.raw`|\b(?:steps|measures|actions|recommendations|proposals|priorities)\s+for\s+((?:[\p{L}'’-]+\s+){0,5}?[\p{L}'’-]+)\s+to\s+\p{Ll}+`,
  'iu',
);

/** For each section, the actor its own sentences announce its steps or measures for. */
const announcedBySection: (doc: StructuredSource) => Map<number, string> = perSource((doc) => {
  const out = new Map<number, string>();
  for (const s of bodySentences(doc)) {
    if (out.has(s.section)) continue;
    const m = announcedFor.exec(s.text);
    const actor = m ? (m[1] ?? m[2]).replace(/^(?:the|all)\s+/i, '') : null;
    if (actor && isAgentPhrase(actor)) out.set(s.section, cleanAddressee(actor));
  }
  return out;
});

/**
 * The addressee a section announces for the steps or measures it lists ("The review suggests a
 * series of six steps that governmental agencies can take to regulate generative AI"), read in the
 * section or the nearest enclosing one that announces one. Null when none does.
 */
export function announcedAddressee(doc: StructuredSource, sectionIndex: number): string | null {
  const found = announcedBySection(doc);
  return fromHeadings(doc, sectionIndex, (_h, i) => found.get(i) ?? null);
}

/**
 * The document's own addressee, when its opening says whom its advice is for: "This policy brief
 * … offers recommendations for defence and national security policies for liberal democratic
 * states" → "liberal democratic states"; "an open letter to the Prime Minister". Read in the first
 * fifth of the body; the last body named in the phrase wins ("policies for states" → "states").
 */
export function documentAddressee(doc: StructuredSource): string | null {
  const sentences = bodySentences(doc);
  const limit = doc.source.text.length * 0.25;
  for (const s of sentences) {
    if (s.start > limit) break;
    const m = /\b(?:recommendations?|advice|proposals?|guidance|asks|calls?\s+to\s+action)\s+(?:for|to|aimed\s+at|addressed\s+to)\s+([^.;:]{3,160})/i.exec(s.text) ?? /\b(?:open\s+letter|letter|memo(?:randum)?|brief(?:ing)?)\s+(?:addressed\s+)?to\s+([^.;:,]{3,100})/i.exec(s.text);
    if (!m) continue;
    // "… for defence and national security policies for liberal democratic states": try the later
    // "for X" first, then the whole phrase, each cut at the first clause boundary.
    const phrase = m[1].split(/,|\s+(?:on|about|regarding|concerning|pertaining|in\s+order|so\s+that|that|which|to\s+(?!the\b)\w+)\b/i)[0];
    const parts = phrase.split(/\s+for\s+/i).reverse();
    for (const p of parts) {
      const cut = p.replace(/^(?:the|all)\s+/i, (x) => x).trim();
      if (isAgentPhrase(cut)) return cleanAddressee(cut);
    }
  }
  return null;
}

/**
 * The addressee a lead-in or operative clause names: "We RECOMMEND that governments and other
 * stakeholders in …, consider …:" → "governments and other stakeholders in …"; "INVITES the
 * Director-General of UNESCO to …" → "Director-General of UNESCO"; "Members … (hereafter the
 * “Adherents”)" → "Adherents"; "Governments should:" → "Governments". Null when it names nobody.
 */
export function addresseeOfLeadIn(leadIn: string): string | null {
  const t = leadIn.replace(/\s+/g, ' ').replace(/^[\s(]*(?:[IVX]+|\d+|[a-z])[.)]\s+/, '');
  // A defined short name wins: "(hereafter the “Adherents”)".
  const alias = /\((?:hereafter|hereinafter)\s+(?:the\s+)?[“"‘']([^”"’']{2,40})[”"’']\)/i.exec(t);
  const operative = /\b(?:recommends?|recommended|invites?|calls?\s+(?:on|upon)|urges?|encourages?|instructs?|requests?|asks?|advises?)\s+(?:that\s+)?(.{2,160}?)(?=\s*(?:[,:;(]|$)|\s+to\s+(?!this\b|the\b|their\b|its\b)\p{Ll}+|\s+(?:should|must|consider|implement|take|adopt|promote|ensure|develop|establish|seek|make|provide|support|work|act|review|strengthen|create|use|invest|prioriti[sz]e)\b)/iu.exec(t);
  if (operative && !/^(?:the\s+following|that|this|these|it)\b/i.test(operative[1])) {
    if (alias && /\bhereafter|adhering\b/i.test(t.slice(operative.index, operative.index + operative[0].length + 60))) return alias[1];
    // The longest opening that names a body: "legislatures also fund the measurement …" → "legislatures".
    const words = operative[1].split(/\s+/);
    for (let k = words.length; k > 0; k--) {
      const head = words.slice(0, k).join(' ');
      if (isAgentPhrase(head) && !/^(?:of|in|for|at|on|from|and|or|the)$/i.test(words[k] ?? '')) return cleanAddressee(head.replace(/^(?:the|all)\s+(?=\p{Lu})/u, ''));
    }
    if (/^\p{Lu}/u.test(operative[1])) return cleanAddressee(operative[1].replace(/^(?:the|all)\s+(?=\p{Lu})/u, ''));
  }
  // "Governments should:", "To prepare teachers …, countries need to take the following actions:".
  const modal = /(?:^|[,;]\s*)([^,;:]{2,80}?)\s+(?:should|must|ought\s+to|needs?\s+to|have\s+to|has\s+to|are\s+(?:urged|encouraged|invited)\s+to)\b/i.exec(t);
  if (modal && isAgentPhrase(modal[1].replace(/^(?:the|all)\s+/i, ''))) return cleanAddressee(modal[1]);
  return null;
}

/**
 * A generic reference ("the government", "the department") resolved to the body the document or
 * heading names with the same head noun ("the UK government and its partners" → "UK government");
 * the reference itself when nothing names one. "Unspecified" stays better than a guess: only a
 * named body with that very noun is taken.
 */
export function namedBody(actor: string, named: readonly (string | null)[]): string {
  const generic = /^the\s+(government|ministry|department|administration|agency|authorities|council|commission|committee|regulator|legislature|parliament)$/i.exec(actor.trim());
  if (!generic) return actor;
  const noun = generic[1].toLowerCase();
  for (const n of named) {
    if (!n) continue;
    const m = new RegExp(`(?:^|\\s)((?:(?:the)\\s+)?(?:[\\p{Lu}][\\p{L}.’'-]*\\s+){1,3}${noun})\\b|\\b(${noun}\\s+of\\s+(?:the\\s+)?[\\p{Lu}][\\p{L}.’'-]*(?:\\s+[\\p{Lu}][\\p{L}.’'-]*){0,3})`, 'iu').exec(n);
    const body = (m?.[1] ?? m?.[2])?.replace(/^the\s+/i, '');
    if (body && /\p{Lu}/u.test(body)) return body;
  }
  return actor;
}
