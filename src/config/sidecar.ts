/**
 * Metadata sidecars: `NAME.meta.yaml` beside `NAME.pdf` holds the analyst's corrections to what
 * the reading stage found (title, subtitle, authors, year or date, publisher, series, venue, url,
 * doi). Its fields win over extraction; the model records which were taken from it.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { SourceEntry } from '../model/schema.js';

const text = z.string().trim().min(1);
/** A sidecar's fields; unknown keys are errors, so a misspelt field is not silently ignored. */
export const sidecarSchema = z
  .object({
    title: text.optional(),
    subtitle: text.optional(),
    authors: z.union([text, z.array(text)]).optional(),
    year: z.number().int().min(1000).max(2999).optional(),
    date: z.union([z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD'), z.date()]).optional(),
    publisher: text.optional(),
    series: text.optional(),
    venue: text.optional(),
    url: z.string().url().optional(),
    doi: z.string().regex(/^10\.\d{4,9}\/\S+$/i, 'expected a DOI as 10.NNNN/…').optional(),
  })
  .strict();
export type Sidecar = z.infer<typeof sidecarSchema>;

export { sidecarPath } from './sidecar-path.js';

/** Parses a sidecar's text: its fields, or a one-line error (YAML syntax or a field's problem). */
export function parseSidecar(yamlText: string): { sidecar: Sidecar } | { error: string } {
  let raw: unknown;
  try {
    raw = parseYaml(yamlText) ?? {};
  } catch (e) {
    return { error: `not YAML: ${(e as Error).message.split('\n')[0]}` };
  }
  const r = sidecarSchema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0]!;
    return { error: `${i.path.join('.') || 'the file'}: ${i.message}` };
  }
  return { sidecar: r.data };
}

/** A source entry with the sidecar's fields over the extracted ones, and the names of the fields it set. */
export function applySidecar(entry: SourceEntry, sidecar: Sidecar): { entry: SourceEntry; fields: string[] } {
  const out: Record<string, unknown> = { ...entry };
  const fields: string[] = [];
  const set = (k: string, v: unknown) => {
    out[k] = v;
    fields.push(k);
  };
  if (sidecar.title) set('title', sidecar.title);
  if (sidecar.subtitle) set('subtitle', sidecar.subtitle);
  if (sidecar.authors) set('authors', Array.isArray(sidecar.authors) ? sidecar.authors : [sidecar.authors]);
  const date = sidecar.date instanceof Date ? sidecar.date.toISOString().slice(0, 10) : sidecar.date;
  if (date) {
    set('date', date);
    out.year = Number(date.slice(0, 4));
  }
  if (sidecar.year) set('year', sidecar.year);
  if (sidecar.publisher) set('publisher', sidecar.publisher);
  if (sidecar.series) set('series', sidecar.series);
  if (sidecar.venue) set('venue', sidecar.venue);
  if (sidecar.url) set('url', sidecar.url);
  if (sidecar.doi) set('doi', sidecar.doi);
  // Details credited to other sources' reference lists no longer stand where the analyst gave them.
  const from = entry.detailsFrom;
  if (from) {
    const left = from.fields.filter((f) => !fields.includes(f));
    if (left.length) out.detailsFrom = { ...from, fields: left };
    else delete out.detailsFrom;
  }
  return { entry: out as SourceEntry, fields };
}
