/**
 * The view model's shape: what templates see (see view-model.ts for how it is built). Every string
 * is *inline Markdown that is already escaped*; field names are a contract documented for template
 * authors in `docs/templates.md`: add, never rename.
 */
import type { HandoutView } from './handout/index.js';
import type { AgreementPassage, DisagreementView, JudgementView } from './brief-shape.js';

/** A point two or more sources make: the claim (one source's words), then how the other sources put it. */
export interface AgreementView extends FindingView {
  /** "3 of 5 sources", named when three or fewer. */
  supportLabel: string;
  /** The other sources' own passages for it (the claim's own passage left out). */
  passages: AgreementPassage[];
}

/** How much of each list a template gets (briefs stay readable; model.json keeps everything). */
export interface ViewModelOptions {
  keyMessages: number;
  findingsPerTheme: number;
  recommendations: number;
  recommendationsPerActor: number;
  actors: number;
  glossary: number;
  timeline: number;
  agreements: number;
  /** Key judgements with their support ("3 of 5 sources"). */
  judgements: number;
  /** Points where the sources conflict. */
  disagreements: number;
  questions: number;
  summaryWords: number;
  /** Handout: multiple-choice, cloze, short-answer and discussion items, flashcards. */
  multipleChoice: number;
  cloze: number;
  shortAnswer: number;
  discussion: number;
  flashcards: number;
}

/** Defaults for {@link ViewModelOptions}. */
export const defaultViewModelOptions: Readonly<ViewModelOptions> = {
  keyMessages: 5,
  findingsPerTheme: 5,
  recommendations: 24,
  recommendationsPerActor: 4,
  actors: 6,
  glossary: 16,
  timeline: 14,
  agreements: 8,
  judgements: 6,
  disagreements: 6,
  questions: 6,
  summaryWords: 110,
  multipleChoice: 9,
  cloze: 6,
  shortAnswer: 4,
  discussion: 4,
  flashcards: 80,
};

/** One citation, ready to print. */
export interface CitationView {
  /** 1-based number of the source in `sources`. */
  n: number;
  /** Section as printed: `§3.1`, or a short heading in quotes; empty when unknown. */
  section: string;
  /** 1-based page in a paginated source, else null. */
  page: number | null;
  /** `2, p. 12` for a paginated source, else `2 §3.1` (or `2` when neither is known). */
  label: string;
  /** The cited passage (escaped), shortened to at most 60 words. */
  passage: string;
  /** In the HTML reader, the in-page link to the cited passage (`#cite-2-120-260`); else empty. */
  href: string;
}

/** A source in the reference list. */
export interface SourceView {
  n: number;
  id: string;
  title: string;
  authors: string;
  /** As a short citation names them: "Akhtar and Holland", "Akram et al." (surnames). */
  authorsShort: string;
  year: string;
  venue: string;
  doi: string;
  /** Formatted reference: `Authors (year). *Title*. Venue. <https://doi.org/…>`, then where details the source does not print come from. */
  reference: string;
  /** "Year and venue as cited by [2; 4]" when those details come from other sources' reference lists, else empty. */
  citedBy: string;
  /** The source's extractive summary, shortened to `summaryWords` words. */
  summary: string;
  keyphrases: string[];
  sha256: string;
  path: string;
}

/** A finding with its citation. */
export interface FindingView {
  id: string;
  text: string;
  /** Bracketed references, e.g. `[1 §3.2; 4 §2]`. */
  cite: string;
  citations: CitationView[];
  /** Number of distinct sources stating it. */
  support: number;
  /** True when more than one source states it. */
  agreed: boolean;
}

/** A recommendation with its citation. */
export interface RecommendationView {
  id: string;
  text: string;
  actor: string;
  /** `explicit` or `implicit`. */
  strength: string;
  cite: string;
  citations: CitationView[];
  support: number;
}

/** A theme and what falls under it. */
export interface ThemeView {
  id: string;
  label: string;
  /** The label as it reads inside a sentence: "regional security and …", but "Afghan Taliban". */
  labelInText: string;
  keyphrases: string[];
  sourceCount: number;
  /** The sources that discuss it most of all, most first ("[3; 1]"); empty when they discuss it about equally. */
  mostIn: string;
  findings: FindingView[];
  recommendations: RecommendationView[];
  /** A short direct quotation from the theme's sources, or null. */
  quote: QuoteView | null;
}

/** A direct quotation. */
export interface QuoteView {
  text: string;
  speaker: string;
  cite: string;
}

/** A short-answer question with its answer and the passage that supports it. */
export interface QuestionView {
  n: number;
  question: string;
  answer: string;
  cite: string;
  /** The supporting passage, quoted; the handout prints it as a footnote `[^q<n>]`. */
  passage: string;
}

/** Everything a template can use. */
export interface ViewModel {
  generator: { name: string; version: string };
  title: string;
  subtitle: string;
  organisation: string;
  /** Authors of the brief, comma-separated (empty when none are configured). */
  authors: string;
  /** Edition date as ISO `YYYY-MM-DD`. */
  date: string;
  /** Counts of what the brief holds (after the view's limits for the `shown*` ones). */
  counts: { sources: number; themes: number; findings: number; recommendations: number; glossary: number; timeline: number; quotes: number };
  sources: SourceView[];
  /** Bottom line up front: one best-supported finding per leading theme. */
  keyMessages: FindingView[];
  /**
   * The bottom line: as many sentences as `keyMessages` allows, the sources' own key sentences, one
   * source at a time (a second from the same source only when every source has one), pinned first.
   */
  bottomLine: FindingView[];
  /** Key judgements: the widest agreements, then key findings not in the bottom line, each with its support ("3 of 5 sources"). */
  judgements: JudgementView[];
  /** Points where the sources conflict (dates, figures, judgements), each side with its passages. */
  disagreements: DisagreementView[];
  /** One line explaining the recommendation strength labels shown (`*explicit*: …; *implicit*: …`), or empty. */
  strengthNote: string;
  /** A few sentences that set the scene, condensed from the sources' summaries, cited. */
  context: string;
  themes: ThemeView[];
  findings: FindingView[];
  recommendations: RecommendationView[];
  /**
   * Recommendations grouped by actor, the most recommended actor first; "all actors" last. Past the
   * `actors` limit the remaining audiences share a last group, "other actors".
   */
  recommendationGroups: { actor: string; recommendations: RecommendationView[] }[];
  /** Points two or more sources make, most support first; `cite` gives one passage of each source. */
  agreements: AgreementView[];
  /** Themes two or more sources discuss, with the sources as references (`[1; 3; 4]`). */
  sharedThemes: { label: string; sourceCount: number; cite: string; mostIn: string }[];
  glossary: { term: string; definition: string; cite: string }[];
  timeline: { date: string; text: string; cite: string }[];
  quotes: QuoteView[];
  /** What changed since the previous edition, or null on a first edition. */
  changes: { since: string; lines: string[] } | null;
  /** For the handout. */
  objectives: string[];
  discussionQuestions: string[];
  questions: QuestionView[];
  /** The handout and its key: objectives, reading guides, questions with answers and passages, flashcards (see docs/templates.md). */
  handout: HandoutView;
}
