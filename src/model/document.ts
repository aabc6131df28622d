/**
 * Internal models that flow between stages (not part of the public JSON contract).
 * Every span is a pair of UTF-16 offsets into `SourceText.text`.
 */
import type { SectionKind, Zone } from './schema.js';

export type SourceFormat = 'txt' | 'md' | 'pdf' | 'docx' | 'html';

export interface Span {
  start: number;
  end: number;
}

/** A file as read from disk by the CLI (the only side effect before ingest). */
export interface RawFile {
  /** Path as the user should see it in messages (relative to the working directory). */
  path: string;
  bytes: Uint8Array;
  /** Source id chosen by the CLI when the file name alone would clash (`report.md` + `report.pdf`); else derived from the name. */
  id?: string;
}

/** ingest → : one text per source that every later offset refers to. */
export interface SourceText {
  id: string;
  path: string;
  format: SourceFormat;
  sha256: string;
  /** Detected encoding of text formats ('utf-8', 'utf-16le', …) or the container format. */
  encoding: string;
  /** The text citations point into (decoded file, or text extracted from PDF/DOCX/HTML). */
  text: string;
  /** For paginated sources: offset at which each page starts (page n starts at pageStarts[n-1]). */
  pageStarts?: number[];
  /** Metadata the format declares itself (front matter, PDF info, HTML <title>); wins over inference. */
  declared?: Partial<DeclaredMetadata>;
  /** Spans of `text` that are not body text, as the layout step saw them (PDF): footnotes, captions, tables, list items, headings. */
  regions?: TextRegion[];
  /** Page furniture the layout step took out of `text` (running headers and footers, stamps, credits), with its 1-based page. */
  furniture?: { page: number; text: string }[];
}

/** A span of a source's text with the role its layout gives it. */
export interface TextRegion extends Span {
  role: 'heading' | 'list-item' | 'footnote' | 'caption' | 'table';
}

export interface DeclaredMetadata {
  title: string;
  subtitle: string;
  authors: string[];
  date: string;
  keywords: string[];
}

export interface Person {
  name: string;
  affiliation?: string | null;
}

export interface DocumentMetadata {
  title: string;
  titleSpan: Span | null;
  subtitle: string | null;
  authors: string[];
  affiliations: string[];
  keywords: string[];
  abstract: string | null;
  abstractSpan: Span | null;
  /** Dates printed on the paper (received, published…), ISO. */
  dates: { label: string; date: string }[];
  doi: string | null;
  venue: string | null;
  year: number | null;
  /** The body that published the document (reports: from its citation line, imprint or copyright line). */
  publisher?: string | null;
  /** The series and number it appeared in ("Policy Brief No. 6", "OECD Legal Instruments"). */
  series?: string | null;
  /** The most precise publication date printed: YYYY-MM-DD, YYYY-MM or YYYY. */
  date?: string | null;
  /** Where each report metadata value was read (fields read by the generic front-matter reading have none). */
  metadataSources?: Partial<Record<MetadataField, MetadataSource>>;
}

/** Metadata fields whose provenance is kept. */
export type MetadataField = 'title' | 'subtitle' | 'authors' | 'year' | 'date' | 'publisher' | 'series';

/** Where a metadata value came from: the kind of evidence, and its span and page in the source when printed there. */
export interface MetadataSource {
  kind: 'citation-line' | 'cover' | 'running-header' | 'byline' | 'authored-by' | 'about-authors' | 'copyright' | 'published-by' | 'cover-date' | 'organisation' | 'pdf-info' | 'front';
  start: number | null;
  end: number | null;
  page: number | null;
  /** The value rests on weak evidence alone (reported as a diagnostic). */
  guess?: boolean;
  /** A cover title the document repeats as a running header. */
  repeated?: boolean;
}

export interface StructuredSection extends Span {
  heading: string;
  number: string | null;
  level: number;
  kind: SectionKind;
  /** Span of the heading line itself. */
  headingStart: number;
  headingEnd: number;
}

export interface Paragraph extends Span {
  /** Cleaned reading text (noise removed, page-break splits and hyphenation re-joined). */
  text: string;
  /** Index into `sections`, or -1 before the first section (front matter). */
  section: number;
  /** Parts of the source the paragraph is made of (more than one when re-joined across a page break). */
  pieces: Span[];
}

export interface Sentence extends Span {
  /** Cleaned text of the sentence. */
  text: string;
  paragraph: number;
  section: number;
  /** Index of an earlier sentence with the same text, when this one repeats it. */
  duplicateOf?: number;
}

export interface ReferenceEntry extends Span {
  text: string;
  authors: string[];
  year: number | null;
  title: string | null;
}

export interface Note extends Span {
  /** Footnote/endnote marker as printed ("44"). */
  marker: string;
  text: string;
}

export interface InlineCitation extends Span {
  text: string;
  authors: string[];
  year: number | null;
  /** Index into `references`, or -1 when it could not be linked. */
  reference: number;
}

/** structure → : what a careful reader recovers from one source. */
export interface StructuredSource {
  source: SourceText;
  metadata: DocumentMetadata;
  sections: StructuredSection[];
  paragraphs: Paragraph[];
  sentences: Sentence[];
  references: ReferenceEntry[];
  notes: Note[];
  inlineCitations: InlineCitation[];
  /** The document's zones in order, covering the text (see src/structure/zones.ts); computed on demand when absent. */
  zones?: Zone[];
}

export interface Keyphrase {
  text: string;
  score: number;
}

export interface SpanText extends Span {
  text: string;
}

export interface ExtractedFinding extends SpanText {
  score: number;
  section: number;
}

export interface ExtractedRecommendation extends SpanText {
  actor: string | null;
  /** Every canonical actor asked to act, in order of mention (`actor` joins them for display). */
  actors?: string[];
  action: string | null;
  strength: 'explicit' | 'implicit';
  section: number;
  /** The item's short form: its bold or titled lead-in ("Intersectoral coordination"), when it has one. */
  label?: string;
}

export interface ExtractedTerm extends Span {
  term: string;
  definition: string;
}

export interface ExtractedEvent extends Span {
  date: string;
  text: string;
  /** Kind of happening dated ("agreement", "withdrawal", "takeover", "attack", …), to match one event told by several sources. */
  kind?: string;
  /** The word that tells it ("signed", "withdrawal"). */
  word?: string;
  /** Whether a verb tells it ("was signed in 2020") rather than a noun naming it ("the 2020 agreement"). */
  verb?: boolean;
}

export interface ExtractedQuote extends Span {
  text: string;
  speaker: string | null;
}

/** Per-source statistics for corpus-level keyphrase ranking (done in synthesize, since IDF needs all sources). */
/** Per-source features of one keyphrase candidate (see src/analyze/keyphrases.ts). */
export interface CandidateFeatures {
  /** Surface form to display. */
  text: string;
  /** Occurrences in the source (outside references and notes). */
  tf: number;
  /** First and last occurrence, as a fraction of the source's words (0..1). */
  first: number;
  last: number;
  /** Number of words. */
  words: number;
  /** Word offset of the first occurrence. */
  firstWord: number;
  /** Sum over occurrences of 1/(1 + word offset): early and repeated mentions weigh most (PositionRank). */
  position: number;
  /** Occurrences in the lead (abstract, or the first words of the source). */
  lead: number;
  /** 1 when the phrase occurs in the title, else 0. */
  title: number;
  /** Occurrences as a whole noun phrase rather than inside a longer one. */
  maximal: number;
  /** Occurrences that end their noun phrase (the phrase is the head, not a modifier: "network" in "sensor network"). */
  head: number;
  /** 1 when the phrase occurs in a section heading, else 0. */
  heading: number;
  /** Number of distinct sections it occurs in. */
  sections: number;
  [k: string]: number | string;
}

export interface CandidateStats {
  /** Normalised (stemmed) key → features of that candidate in one source. */
  [key: string]: CandidateFeatures;
}

/** analyze → : everything extracted from one source; each item keeps its span. */
export interface SourceAnalysis {
  doc: StructuredSource;
  keyphrases: Keyphrase[];
  candidates: CandidateStats;
  summary: SpanText[];
  findings: ExtractedFinding[];
  recommendations: ExtractedRecommendation[];
  terms: ExtractedTerm[];
  events: ExtractedEvent[];
  quotes: ExtractedQuote[];
}
