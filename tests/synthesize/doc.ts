/** Test helper: a structured source from a text written in the test (through the real ingest and structure stages). */
import { ingest } from '../../src/ingest/index.js';
import { structure } from '../../src/structure/index.js';
import { Report } from '../../src/model/diagnostics.js';
import type { StructuredSource } from '../../src/model/document.js';

/** Structure `text` as the source `name.txt`. */
export async function docOf(text: string, name = 'test'): Promise<StructuredSource> {
  const ctx = { report: new Report() };
  const source = await ingest({ path: `sources/${name}.txt`, bytes: new TextEncoder().encode(text) }, ctx);
  if (!source) throw new Error('ingest failed');
  return structure(source, ctx);
}

/** A small paper: title, headings as lines of their own, paragraphs separated by blank lines. */
export function paper(sections: Record<string, string[]>, title = 'A Test Paper on Regional Policy'): string {
  return [title, '', ...Object.entries(sections).flatMap(([h, ps]) => [h, '', ...ps.flatMap((p) => [p, ''])])].join('\n');
}
