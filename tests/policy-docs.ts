/** The policy-report development PDFs (../shared/eval/policy-pdf/docs), read to a structured document. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../src/ingest/index.js';
import { structure } from '../src/structure/index.js';
import { Report } from '../src/model/diagnostics.js';
import type { StructuredSource } from '../src/model/document.js';
import { sharedDir } from './helpers.js';

export const policyDocs = join(sharedDir, 'eval', 'policy-pdf', 'docs');
export const hasPolicy = existsSync(policyDocs);

/** One development PDF (file name without `.pdf`), ingested and structured. */
export async function policyPdf(name: string): Promise<StructuredSource> {
  const path = join(policyDocs, `${name}.pdf`);
  const report = new Report();
  const src = await ingest({ path, bytes: new Uint8Array(readFileSync(path)) }, { report });
  return structure(src!, { report });
}
