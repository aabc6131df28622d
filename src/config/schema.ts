/**
 * The project configuration (`briefwright.config.yaml` or `.json`): what a team keeps in its
 * repository. Every object is strict, so a misspelt key is an error rather than silently ignored.
 */
import { z } from 'zod';
import { isCalendarDate } from './dates.js';

/** Output formats a build can write. */
export const configFormats = ['md', 'pdf', 'json', 'html', 'docx'] as const;

const nonEmpty = z.string().min(1, 'expected a non-empty string');

export const fontsConfigSchema = z
  .object({
    /** TTF/OTF file for body text (relative to the config file). */
    regular: nonEmpty.optional(),
    bold: nonEmpty.optional(),
    italic: nonEmpty.optional(),
    boldItalic: nonEmpty.optional(),
    mono: nonEmpty.optional(),
    /** Body text size in points: the range of a template's `fontSize`, which it replaces. */
    size: z.number().min(7).max(14).optional(),
  })
  .strict();

export const sourcesConfigSchema = z
  .object({
    /** Globs of source files, relative to the config file (`sources/**\/*.md`). */
    include: z.array(nonEmpty).min(1).optional(),
    /** Globs of files to leave out (`**\/draft-*`). */
    exclude: z.array(nonEmpty).optional(),
  })
  .strict();

export const configSchema = z
  .object({
    title: nonEmpty.optional(),
    subtitle: nonEmpty.optional(),
    organisation: nonEmpty.optional(),
    authors: z.array(nonEmpty).optional(),
    /** Edition date `YYYY-MM-DD`; default SOURCE_DATE_EPOCH, else today. */
    edition: z.string().refine(isCalendarDate, 'expected a date as YYYY-MM-DD').optional(),
    /** Templates to build, by name. */
    templates: z.array(nonEmpty).min(1).optional(),
    /** Folder of user templates that override the built-in ones. */
    templatesDir: nonEmpty.optional(),
    formats: z.array(z.enum(configFormats)).min(1).optional(),
    /** Either a folder (every source in it) or include/exclude globs. */
    sources: z.union([nonEmpty, sourcesConfigSchema]).optional(),
    out: nonEmpty.optional(),
    /** Allow `out` to point outside the project folder (refused by default). */
    allowOutsideOut: z.boolean().optional(),
    /** Actor aliases: alias → canonical actor ("Islamabad: Pakistan"). */
    actorAliases: z.record(z.string(), nonEmpty).optional(),
    themes: z.number().int().min(1).max(50).optional(),
    keyMessages: z.number().int().min(1).max(20).optional(),
    summaryWords: z.number().int().min(10).max(5000).optional(),
    pageSize: z.enum(['A4', 'Letter']).optional(),
    fonts: fontsConfigSchema.optional(),
    /** Cache per-source work in `.briefwright-cache/` (default true). */
    cache: z.boolean().optional(),
    /** How the sources list is formatted: a shipped CSL style by name, or a `.csl` file (relative to the config file). */
    references: z.object({ style: nonEmpty.optional() }).strict().optional(),
    /**
     * The analyst's corrections, kept across rebuilds and matched by text (a unique substring) or id:
     * items that must not appear, findings that must be key messages, theme labels renamed.
     */
    overrides: z
      .object({
        drop: z.array(nonEmpty).optional(),
        pin: z.array(nonEmpty).optional(),
        themes: z.record(z.string(), nonEmpty).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** A validated configuration file, every key optional. */
export type Config = z.infer<typeof configSchema>;
export type FontsConfig = z.infer<typeof fontsConfigSchema>;

export { configFileNames } from './find.js';
