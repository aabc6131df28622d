/**
 * Reading the front of a paper: author lines (plain names, without "Dr." or affiliation markers),
 * affiliations, labelled fields (Received:, Keywords:, DOI:), dates and keywords.
 */
import { SUPERSCRIPT } from './clean.js';

const HONORIFIC = /^(?:dr|prof|professor|mr|mrs|ms|miss|sir|engr|eng|rev)\.?\s+/i;
/** Words that make a segment an affiliation or a role, not a name. */
export const ORG_WORDS = /\b(?:university|universit[éäa]t|department|dept|institute|institution|college|school|faculty|centre|center|laboratory|laboratories|lab|labs|ministry|academy|professor|lecturer|scholar|student|researcher|fellow|visiting|assistant|associate|director|chief|head|email|e-mail|ph\.?\s?d|m\.?\s?phil|party|corresponding|author|journal|review|abstract|keywords|introduction|inc|ltd|corporation|company|foundation|council|agency|office|hospital|government|division|program|programme|group|association|society|press)\b/i;
const PARTICLES = new Set(['de', 'da', 'di', 'du', 'del', 'della', 'der', 'den', 'van', 'von', 'bin', 'binti', 'ibn', 'abu', 'al', 'el', 'la', 'le', 'dos', 'das', 'y', 'st.']);
const NAME_WORD = /^(?:\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*|\p{Lu}\.(?:-?\p{Lu}\.)*|\p{Lu}[\p{Ll}]*\p{Lu}[\p{Ll}]+|\p{Lu}\p{Ll}*\.)$/u;

/** One author segment → a plain name, or null when it does not read as a person's name. */
export function nameOf(segment: string): string | null {
  let s = segment.trim().replace(/^[*†‡§¶#,\s]+|[*†‡§¶#,.\s]+$/g, '');
  for (let k = 0; k < 3 && HONORIFIC.test(s); k++) s = s.replace(HONORIFIC, '');
  s = s.replace(/,?\s+(?:ph\.?\s?d|m\.?\s?d|jr|sr|ii|iii)\.?$/i, '');
  if (!s || ORG_WORDS.test(s) || /\d|@/.test(s)) return null;
  const words = s.split(/\s+/);
  if (words.length < 2 || words.length > 5) return null;
  let capital = 0;
  for (const w of words) {
    if (PARTICLES.has(w.toLowerCase()) && w === w.toLowerCase()) continue;
    if (!NAME_WORD.test(w)) return null;
    capital++;
  }
  if (capital < 2) return null;
  // an all-initials name ("A. B.") is not a name
  if (words.every((w) => /^\p{Lu}\.$/u.test(w))) return null;
  return words.join(' ');
}

/** What an author line gave. */
export interface AuthorLine {
  authors: string[];
  /** Offset (relative to the line) where the text after the names starts (affiliations in run-on headers). */
  restAt: number;
  /** The line carried markers or honorifics: evidence that it lists people. */
  marked: boolean;
}

const MARKER_RUN = new RegExp(`[${SUPERSCRIPT}]+|\\^\\{[^}]{0,10}\\}|\\*+\\d*|(?<=\\p{L})\\d{1,2}(?:,\\d{1,2})*(?=[\\s,;&]|$)`, 'gu');

/** What sets the parts of an imprint line apart: " · ", " | ", " • ". */
const imprintSeparator = /\s+[·|•]\s+/;

/**
 * Read a line as a list of authors ("Dr. Saira Akram¹, Sobia Riaz², …", "A & B", "A, B and C").
 * Returns null unless the line (or its start, in a run-on header) is clearly a list of names.
 */
export function readAuthorLine(line: string): AuthorLine | null {
  if (line.length > 3000) line = line.slice(0, 3000);
  // Offsets (restAt) are into the line as given, after any "By ".
  const lead = /^\s*(?:by|authors?:?|written by)\s+/i.exec(line)?.[0].length ?? 0;
  const full = line.length;
  line = line.slice(lead);
  // A byline goes on after the names: "By A and B · Policy Brief No. 14 · Institute · 21 October 2024".
  // What follows them is the imprint (see imprintOf), not an affiliation.
  const byline = line.search(imprintSeparator);
  if (byline > 0) line = line.slice(0, byline);
  const marked = MARKER_RUN.test(line) || /(?:^|[,&]\s*)(?:dr|prof)\.?\s/i.test(line);
  MARKER_RUN.lastIndex = 0;
  // tokenise into segments separated by commas, "&", "and", markers
  const seps = new RegExp(`\\s*(?:,|;|&|\\band\\b|[${SUPERSCRIPT}]+|\\^\\{[^}]{0,10}\\}|\\*+\\d*|(?<=\\p{L})\\d{1,2}(?:,\\d{1,2})*(?=[\\s,;&]|$)|\\*\\*)\\s*`, 'gu');
  const authors: string[] = [];
  let pos = 0;
  let restAt = line.length;
  let allNames = true;
  let segments = 0;
  for (let m = seps.exec(line); ; m = seps.exec(line)) {
    const end = m ? m.index : line.length;
    const seg = line.slice(pos, end);
    if (seg.trim()) {
      segments++;
      const name = nameOf(seg);
      if (name) {
        if (!allNames) break;
        authors.push(name);
      } else {
        if (authors.length === 0) return null;
        allNames = false;
        restAt = pos;
        break;
      }
    }
    if (!m) break;
    if (m[0].length === 0) seps.lastIndex++;
    pos = m.index + m[0].length;
  }
  if (!authors.length) return null;
  const at = byline > 0 && restAt === line.length ? full : lead + restAt;
  if (allNames && (authors.length >= 2 || marked)) return { authors, restAt: at, marked };
  if (!allNames && authors.length >= 2 && marked) return { authors, restAt: at, marked };
  return null;
}

/** Labelled field at the start of a front-matter line: "Received: 25 October 2024". */
export function fieldOf(line: string): { label: string; value: string } | null {
  const m = /^[*_]*([A-Z][A-Za-z'’ &]{1,40}?)[*_]*\s*[:：][*_]*\s*(.*)$/.exec(line.slice(0, 400));
  if (!m) return null;
  const label = m[1].trim();
  if (label.split(/\s+/).length > 5) return null;
  return { label, value: line.slice(m[0].length - m[2].length).trim() };
}

/** Labels of a keyword list (ACM papers add "Additional Key Words and Phrases" to their CCS concepts). */
const keywordLabels = String.raw`keywords|key ?words|index terms|additional key words and phrases`;
export const KEYWORD_LABEL = new RegExp(`^(?:${keywordLabels})$`, 'i');

/** Labels of the fields that classify a paper: subject categories, general terms, keywords, JEL codes. */
const classificationLabels = String.raw`categories(?: (?:and|&) subject descriptors)?|general terms|acm reference format|jel(?: classification| codes)?|${keywordLabels}`;
export const CLASSIFICATION_LABEL = new RegExp(`^(?:${classificationLabels})$`, 'i');

/** Field labels that belong to the front matter of a paper. */
export const FRONT_LABELS = new RegExp(String.raw`^(?:${classificationLabels}|received|revised|accepted|available online|published|published online|online|date|dated|funding|article history|article info|corresponding author(?:'s|’s)? e-?mail|corresponding author|e-?mail(?: id)?|doi|issn(?: online| print)?|citation|cite this|copyright|license|licence|conflicts? of interest|how to cite|to cite this article|volume|issue|pages|publisher|editor)$`, 'i');

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/** A date printed as "October 25, 2024", "25 October 2024", "2024-10-25" → ISO, or null. */
export function isoDate(text: string): string | null {
  const t = text.slice(0, 200);
  let m = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/.exec(t);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(t);
  if (m && MONTHS[m[1].slice(0, 3).toLowerCase()]) return iso(+m[3], MONTHS[m[1].slice(0, 3).toLowerCase()], +m[2]);
  m = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(t);
  if (m && MONTHS[m[2].slice(0, 3).toLowerCase()]) return iso(+m[3], MONTHS[m[2].slice(0, 3).toLowerCase()], +m[1]);
  m = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(t);
  if (m) return iso(+m[3], +m[2], +m[1]);
  m = /\b([A-Za-z]{3,9})\.?\s+(\d{4})\b/.exec(t);
  if (m && MONTHS[m[1].slice(0, 3).toLowerCase()]) return `${m[2]}-${String(MONTHS[m[1].slice(0, 3).toLowerCase()]).padStart(2, '0')}`;
  return null;
}

function iso(y: number, mo: number, d: number): string | null {
  if (y < 1000 || y > 2999 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Keywords from a "Keywords:" value: split on commas, semicolons, bullets; de-duplicated. */
export function splitKeywords(value: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const part of value.split(/\s*[,;·•|]\s*|\s+[–—-]\s+/)) {
    const k = part.replace(/^[*_\s]+|[*_.\s]+$/g, '').trim();
    if (!k || k.length > 80) continue;
    const key = k.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(k);
  }
  return out;
}

/** Affiliation strings from a front-matter line: split at markers, without e-mails and names. */
export function affiliationsOf(line: string, authors: readonly string[]): string[] {
  const out: string[] = [];
  // affiliations are short; a long line is prose (and unbounded patterns below must not see it)
  if (line.length > 3000) return out;
  // Parts: at markers, and at the separators of an imprint line ("Institute · Policy Report No. 31 · June 2025").
  const parts = line.split(new RegExp(`[${SUPERSCRIPT}]+|\\*\\*|^\\s*\\d{1,2}\\.\\s+|\\^\\{[^}]{0,10}\\}|${imprintSeparator.source}`, 'u'));
  for (let p of parts) {
    p = p.replace(/\b(?:e-?mail(?:\s*id)?|email address)\s*[:：]?\s*(?:\S+@\S+\s*)*/gi, ' ');
    p = p.replace(/[^\s@]{1,100}@[^\s@]{1,200}/g, ' ').replace(/\s+/g, ' ').trim();
    // "Dr. Name, Assistant Professor, …" → drop the name
    const comma = p.indexOf(',');
    if (comma > 0) {
      const head = p.slice(0, comma);
      const name = nameOf(head);
      if (name && authors.some((a) => a.toLowerCase() === name.toLowerCase())) p = p.slice(comma + 1).trim();
    }
    p = p.replace(/^[\d.*\s,;:]+|[\s,;:.*]+$/g, '').trim();
    if (p.length < 6 || !ORG_WORDS.test(p) || /^(?:abstract|article info|keywords)$/i.test(p)) continue;
    if (!/\b(?:university|department|institute|college|school|faculty|centre|center|laborator|ministry|academy|corporation|company|foundation|council|agency|hospital|inc|ltd|party|office|division|programme|program|association|society)\b/i.test(p)) continue;
    out.push(p);
  }
  return out;
}

const INSTITUTION = /\p{Lu}[\p{L}'’.-]*(?:\s+(?:of|for|and|the|&|\p{Lu}[\p{L}'’.-]*)){0,8}?\s+(?:University|Institute|College|School|Academy|Centre|Center|Laboratory|Foundation|Council)(?:\s+(?:of|for|and|the|&|\p{Lu}[\p{L}'’.-]*))*(?:,\s*\p{Lu}[\p{L}-]+)?|(?:University|Institute|College|School|Academy)\s+of(?:\s+(?:of|for|and|the|&|\p{Lu}[\p{L}'’.-]*))+(?:,\s*\p{Lu}[\p{L}-]+)?/u;

const INSTITUTION_WORD = /University|Institute|College|School|Academy|Centre|Center|Laboratory|Foundation|Council/;

/** What an imprint line of a report gives: "Policy Brief No. 14 · Margalla Energy Policy Forum · 21 October 2024". */
export interface Imprint {
  /** The series and number ("Policy Brief No. 14", "Working Paper 2024/07"). */
  series: string | null;
  /** The body that publishes it. */
  publisher: string | null;
  /** The date, ISO (a day or a month). */
  date: string | null;
}

/** A report series and its number: "Policy Brief No. 14", "Working Paper 2024/07", "Discussion Paper #3". */
const SERIES = /^(?:\p{Lu}[\p{L}-]*\s+){0,3}(?:Brief|Briefing|Paper|Report|Note|Series|Commentary|Memo|Monograph|Insight|Analysis)s?\s+(?:No\.?\s*|Number\s+|#\s*)?\d[\w/.-]*$/u;
/** A genre named alone in an imprint ("Commentary", "Policy Brief"): the series without a number. */
const GENRE = /^(?:(?:Policy|Issue|Research|Discussion|Working|Occasional|Technical|Background|Briefing)\s+)?(?:Brief|Briefing|Briefing Note|Paper|Report|Note|Commentary|Memo|Insight|Analysis|Explainer|Op-Ed)$/;
/** Is the line a report series and its number ("Island Resilience Report 2025", "Working Paper 2024/07")? */
export function isSeries(line: string): boolean {
  return SERIES.test(line.trim());
}

/** A publishing body: named by the kind of body it is. */
const PUBLISHER = /\b(?:Institute|Forum|Centre|Center|Foundation|Council|Programme|Program|University|Commission|Trust|Observatory|Initiative|Network|Society|Academy|Agency|Bank|Fund|Think Tank|Collective|Coalition|Alliance|Association|Partnership)\b/;
/** A segment that is only a date: "21 October 2024", "November 2024", "June 12, 2025", "2025-06-12". */
const DATE_ONLY = /^(?:\d{1,2}(?:st|nd|rd|th)?\s+)?[A-Za-z]{3,9}\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?\d{4}$|^\d{4}-\d{2}-\d{2}$/;

/**
 * Read a front-matter line whose parts are set apart by " · ", " | " or " • " as a report's imprint:
 * its series and number, its publisher and its date. Parts that are none of these (the authors of
 * a byline, a place) are skipped; null when the line has no such parts or names none of the three.
 */
export function imprintOf(line: string): Imprint | null {
  const parts = line.split(imprintSeparator).map((p) => p.replace(/^[*_\s]+|[*_\s.]+$/g, '').trim());
  if (parts.length < 2) return null;
  let series: string | null = null;
  let publisher: string | null = null;
  let date: string | null = null;
  for (const p of parts) {
    if (!series && (SERIES.test(p) || GENRE.test(p))) series = p;
    else if (!date && DATE_ONLY.test(p)) date = isoDate(p);
    else if (!publisher && PUBLISHER.test(p) && !/\d/.test(p) && p.length <= 100 && /^\p{Lu}/u.test(p)) publisher = p;
  }
  return series || publisher || date ? { series, publisher, date } : null;
}

/** The institution named in an author's biographical note ("… a PhD from Quaid-e-Azam University, Islamabad."). */
export function institutionOf(note: string): string | null {
  const head = note.slice(0, 600);
  // Every institution names one of these words; the full pattern is slow to compile, so test first.
  if (!INSTITUTION_WORD.test(head)) return null;
  const m = INSTITUTION.exec(head);
  return m ? m[0].replace(/[.,\s]+$/, '') : null;
}
