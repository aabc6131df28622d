/**
 * The public model written as `out/model.json`. Field names here are a contract with other tools:
 * add fields freely, never rename or remove them.
 */
import { z } from 'zod';

/** A pointer back into a source: UTF-16 offsets into the source text as read from disk. */
export const citationSchema = z.object({
  sourceId: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** Exactly `text.slice(start, end)` of the source. */
  quote: z.string(),
  /** Number or heading of the section the span lies in, for display ("3.1", "Conclusion"). */
  section: z.string().nullable().optional(),
  /** 1-based page for paginated sources (PDF), else null. */
  page: z.number().int().positive().nullable().optional(),
});
export type Citation = z.infer<typeof citationSchema>;

export const sectionKinds = [
  'abstract', 'introduction', 'background', 'literature', 'theory', 'method', 'analysis',
  'discussion', 'findings', 'conclusion', 'recommendations', 'references', 'notes', 'other',
] as const;
export const sectionKindSchema = z.enum(sectionKinds);
export type SectionKind = z.infer<typeof sectionKindSchema>;

export const sectionSchema = z.object({
  heading: z.string(),
  /** Section number as printed ("3.1"), or null. */
  number: z.string().nullable().optional(),
  level: z.number().int().min(1).max(6),
  kind: sectionKindSchema,
  /** Span of the whole section (heading through the end of its body). */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Section = z.infer<typeof sectionSchema>;

/**
 * Zones: the part of a document a passage belongs to, as a reader of reports names them. Later
 * stages decide from them where findings, recommendations and key messages may come from.
 */
export const zoneKinds = [
  'cover', 'contents', 'foreword', 'executive-summary', 'key-findings', 'abstract', 'introduction',
  'methods', 'literature-review', 'body', 'conclusions', 'recommendations', 'bios', 'acknowledgements',
  'references', 'notes', 'annexes', 'signatories', 'glossary', 'imprint',
] as const;
export const zoneKindSchema = z.enum(zoneKinds);
export type ZoneKind = z.infer<typeof zoneKindSchema>;

export const zoneSchema = z.object({
  kind: zoneKindSchema,
  /** Span of the zone in the source text (zones do not overlap and are in document order). */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** 1-based page where the zone starts, for paginated sources; else null. */
  page: z.number().int().positive().nullable(),
  /** The heading that opens the zone, when one does. */
  heading: z.string().optional(),
});
export type Zone = z.infer<typeof zoneSchema>;

export const keyphraseSchema = z.object({ text: z.string(), score: z.number() });
export const summarySentenceSchema = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

/** Where one metadata value of a source was read. */
const metadataSourceSchema = z.object({
  kind: z.enum(['citation-line', 'cover', 'running-header', 'byline', 'authored-by', 'about-authors', 'copyright', 'published-by', 'cover-date', 'organisation', 'pdf-info', 'front']),
  start: z.number().int().nonnegative().nullable(),
  end: z.number().int().nonnegative().nullable(),
  page: z.number().int().positive().nullable(),
  guess: z.boolean().optional(),
  repeated: z.boolean().optional(),
});

export const sourceSchema = z.object({
  id: z.string(),
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  format: z.enum(['txt', 'md', 'pdf', 'docx', 'html']),
  title: z.string(),
  subtitle: z.string().nullable().optional(),
  authors: z.array(z.string()),
  affiliations: z.array(z.string()).optional(),
  keywords: z.array(z.string()),
  abstract: z.string().nullable(),
  year: z.number().int().nullable().optional(),
  venue: z.string().nullable().optional(),
  doi: z.string().nullable().optional(),
  /** The body that published it (a report's citation line, imprint or copyright line). */
  publisher: z.string().nullable().optional(),
  /** The series and number it appeared in ("Policy Brief No. 6"). */
  series: z.string().nullable().optional(),
  /** The most precise publication date printed: YYYY-MM-DD, YYYY-MM or YYYY. */
  date: z.string().nullable().optional(),
  /** Where each metadata value was read: the kind of evidence, its span and page ("pdf-info" has none). */
  metadataSources: z
    .object({ title: metadataSourceSchema, subtitle: metadataSourceSchema, authors: metadataSourceSchema, year: metadataSourceSchema, date: metadataSourceSchema, publisher: metadataSourceSchema, series: metadataSourceSchema })
    .partial()
    .optional(),
  /** Fields the source does not print, filled from the reference lists of sources that cite it, with those entries. */
  detailsFrom: z
    .object({
      fields: z.array(z.enum(['year', 'venue', 'doi'])).min(1),
      citations: z.array(citationSchema).min(1),
    })
    .optional(),
  sections: z.array(sectionSchema),
  /** The document's zones (cover, contents, executive summary, body, references…), in order. */
  zones: z.array(zoneSchema).optional(),
  keyphrases: z.array(keyphraseSchema),
  summary: z.array(summarySentenceSchema),
});
export type SourceEntry = z.infer<typeof sourceSchema>;

export const themeSchema = z.object({
  id: z.string(),
  label: z.string(),
  keyphrases: z.array(z.string()),
  sourceIds: z.array(z.string()),
  /** Those of its sources that discuss it most of all, most first (none when they discuss it about equally). */
  leadSourceIds: z.array(z.string()).optional(),
  /** Its findings, those most about the theme and strongest first. */
  findingIds: z.array(z.string()),
  recommendationIds: z.array(z.string()),
  /** Strength of the theme across the corpus (higher first); themes are listed in this order. */
  score: z.number().optional(),
  /** Findings of this theme that two or more sources state (ids into `findings`). */
  agreedFindingIds: z.array(z.string()).optional(),
});
export type Theme = z.infer<typeof themeSchema>;

export const findingSchema = z.object({
  id: z.string(),
  text: z.string(),
  citations: z.array(citationSchema).min(1),
  themeIds: z.array(z.string()),
  /** Number of distinct sources that state this finding. */
  support: z.number().int().positive(),
  score: z.number().optional(),
  /** Distinct sources that state it, in corpus order. */
  sourceIds: z.array(z.string()).optional(),
  /** True when two or more sources state this finding (sources agree). */
  agreed: z.boolean().optional(),
  /** Findings of other sources that make a similar point (ids into `findings`). */
  agreesWith: z.array(z.string()).optional(),
  /** The analyst pinned it (config `overrides.pin`): the brief shows it as a key message. */
  pinned: z.boolean().optional(),
});
export type Finding = z.infer<typeof findingSchema>;

export const recommendationSchema = z.object({
  id: z.string(),
  text: z.string(),
  actor: z.string().nullable(),
  action: z.string().nullable().optional(),
  strength: z.enum(['explicit', 'implicit']),
  citations: z.array(citationSchema).min(1),
  themeIds: z.array(z.string()),
  support: z.number().int().positive().optional(),
  /** Every canonical actor asked to act (`actor` joins them for display). */
  actors: z.array(z.string()).optional(),
  /** Distinct sources that make it, in corpus order. */
  sourceIds: z.array(z.string()).optional(),
  /** True when two or more sources make this recommendation. */
  agreed: z.boolean().optional(),
  /** Recommendations of other sources to the same actor on the same point (ids into `recommendations`). */
  agreesWith: z.array(z.string()).optional(),
});
export type Recommendation = z.infer<typeof recommendationSchema>;

export const glossaryEntrySchema = z.object({
  term: z.string(),
  definition: z.string(),
  citations: z.array(citationSchema).min(1),
  /** `acronym` (short form → expansion) or `concept` (a defined term). */
  kind: z.enum(['acronym', 'concept']).optional(),
  /** Other spellings of the definition found in the sources ("Tehreek-e-Taliban Pakistan"). */
  variants: z.array(z.string()).optional(),
  /**
   * How much the term matters to the brief: 2 per source using it (short form or definition), plus
   * log2(1 + its uses), plus log2(1 + the findings naming it). The brief shows the most important.
   */
  importance: z.number().optional(),
});
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;

export const isoDateSchema = z.string().regex(/^\d{4}(s|-\d{2}(-\d{2})?)?$/);
export const timelineEventSchema = z.object({
  /** ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a decade as `YYYYs`. */
  date: isoDateSchema,
  text: z.string(),
  citations: z.array(citationSchema).min(1),
  /** Number of distinct sources that date this event. */
  support: z.number().int().positive().optional(),
  /** Kind of happening ("agreement", "withdrawal", "takeover", "attack", "election", …). */
  kind: z.string().optional(),
  /**
   * Other dates sources give for the same happening (same kind, same parties, at most two years
   * apart): each with the telling that gives it and its citations. The row's own date is the one
   * more sources give.
   */
  conflictingDates: z.array(z.object({ date: isoDateSchema, text: z.string(), citations: z.array(citationSchema).min(1) })).optional(),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

export const quoteSchema = z.object({
  text: z.string(),
  speaker: z.string().nullable(),
  citations: z.array(citationSchema).min(1),
});
export type Quote = z.infer<typeof quoteSchema>;

const changedSourceSchema = z.object({ id: z.string(), title: z.string(), path: z.string() });
const changedItemSchema = z.object({ text: z.string(), sourceIds: z.array(z.string()) });

/**
 * What changed since the previous edition (matched by content, not ids): for a "What changed
 * since the last edition" section. Absent on a first edition.
 */
/** One analyst override that took effect: what it matched (kind, id, text) and the override as written. */
const overriddenItemSchema = z.object({ kind: z.enum(['finding', 'recommendation', 'glossary', 'timeline']), id: z.string(), text: z.string(), match: z.string() });

/** The overrides applied to a brief, so a reader (and the next edition's diff) can tell analyst from extraction. */
export const overridesRecordSchema = z.object({
  /** Items removed by `overrides.drop`. */
  dropped: z.array(overriddenItemSchema),
  /** Findings made key messages by `overrides.pin`. */
  pinned: z.array(overriddenItemSchema),
  /** Themes relabelled by `overrides.themes`. */
  themes: z.array(z.object({ id: z.string(), from: z.string(), to: z.string() })),
  /** Source metadata taken from a `NAME.meta.yaml` sidecar, by field. */
  sources: z.array(z.object({ id: z.string(), file: z.string(), fields: z.array(z.string()) })),
});
export type OverridesRecord = z.infer<typeof overridesRecordSchema>;

export const editionChangesSchema = z.object({
  /** Date of the previous edition. */
  since: z.string().nullable(),
  /** The analyst's overrides in this edition: what the brief shows differs from extraction there. */
  overrides: overridesRecordSchema.optional(),
  sources: z.object({ added: z.array(changedSourceSchema), removed: z.array(changedSourceSchema), changed: z.array(changedSourceSchema), unchanged: z.number().int().nonnegative() }),
  themes: z.object({
    added: z.array(z.object({ label: z.string(), keyphrases: z.array(z.string()) })),
    /** `into`: the current theme that took up most of its keyphrases, when one did. */
    removed: z.array(z.object({ label: z.string(), keyphrases: z.array(z.string()), into: z.string().nullable().optional() })),
    /** The same theme (most of its keyphrases kept) under a new label. */
    renamed: z.array(z.object({ from: z.string(), to: z.string() })).optional(),
    unchanged: z.number().int().nonnegative(),
  }),
  /** `changed`: the same item (matched by a citation quote) now worded differently; `from` is the old wording. */
  findings: z.object({ added: z.array(changedItemSchema), removed: z.array(changedItemSchema), changed: z.array(changedItemSchema.extend({ from: z.string() })).optional(), unchanged: z.number().int().nonnegative() }),
  recommendations: z.object({
    added: z.array(changedItemSchema.extend({ actor: z.string().nullable() })),
    removed: z.array(changedItemSchema.extend({ actor: z.string().nullable() })),
    changed: z.array(changedItemSchema.extend({ actor: z.string().nullable(), from: z.string() })).optional(),
    unchanged: z.number().int().nonnegative(),
  }),
  /** Points two or more sources make (the model's agreements) that are new, or no longer made by as many; `text` is the point's first item. */
  agreements: z
    .object({
      added: z.array(changedItemSchema.extend({ kind: z.enum(['finding', 'recommendation']) })),
      removed: z.array(changedItemSchema.extend({ kind: z.enum(['finding', 'recommendation']) })),
      unchanged: z.number().int().nonnegative(),
    })
    .optional(),
});
export type EditionChanges = z.infer<typeof editionChangesSchema>;

export const briefSchema = z.object({
  generator: z.object({ name: z.string(), version: z.string() }),
  title: z.string(),
  subtitle: z.string().nullable().optional(),
  organisation: z.string().nullable().optional(),
  /** Edition date, ISO `YYYY-MM-DD` (from SOURCE_DATE_EPOCH or the config). */
  date: z.string(),
  sources: z.array(sourceSchema),
  themes: z.array(themeSchema),
  findings: z.array(findingSchema),
  recommendations: z.array(recommendationSchema),
  glossary: z.array(glossaryEntrySchema),
  timeline: z.array(timelineEventSchema),
  quotes: z.array(quoteSchema).optional(),
  /**
   * Points where sources agree: one entry per group of findings or recommendations from two or
   * more sources that say the same thing (merged items, or similar items on a shared phrase).
   */
  agreements: z
    .array(
      z.object({
        kind: z.enum(['finding', 'recommendation']),
        ids: z.array(z.string()),
        sourceIds: z.array(z.string()),
        phrase: z.string().nullable(),
        /** The point agreed, in the words of its strongest statement. */
        claim: z.string().optional(),
        /** Each source's own passage stating it (two or more sources). */
        citations: z.array(citationSchema).optional(),
        /** How many sources state it, and how directly (mean similarity of their passages to the claim, 0–1). */
        strength: z.object({ sources: z.number().int().positive(), directness: z.number() }).optional(),
      }),
    )
    .optional(),
  /**
   * Points where sources conflict: different dates or figures for the same event, opposite
   * judgements on the same point. Each position cites the passages that take it.
   */
  disagreements: z
    .array(
      z.object({
        point: z.string(),
        /** `date`, `figure` (conflicting values) or `judgement` (opposite statements). */
        kind: z.enum(['date', 'figure', 'judgement']).optional(),
        positions: z.array(z.object({ summary: z.string(), citations: z.array(citationSchema).min(1) })).min(2),
      }),
    )
    .optional(),
  /**
   * Recommendations grouped for display: by actor (most recommendations first, no actor last), then
   * by theme; ids into `recommendations`, which are listed in this same order.
   */
  recommendationGroups: z
    .array(z.object({ actor: z.string().nullable(), themeId: z.string().nullable(), recommendationIds: z.array(z.string()) }))
    .optional(),
  /** Authors of the brief (from the config). */
  authors: z.array(z.string()).optional(),
  /** Changes since the previous edition, when there was one. */
  changes: editionChangesSchema.optional(),
  /** What the analyst overrode in this edition (config `overrides`, `NAME.meta.yaml` sidecars); absent when nothing was. */
  overrides: overridesRecordSchema.optional(),
});
export type Brief = z.infer<typeof briefSchema>;
