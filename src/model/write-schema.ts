/** Writes `schema/model.schema.json` from the zod model, so other tools can validate `model.json`. */
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { briefSchema } from './schema.js';

export function toJsonSchema(): string {
  const schema = z.toJSONSchema(briefSchema, { target: 'draft-2020-12' });
  return JSON.stringify({ ...schema, title: 'Briefwright model' }, null, 2) + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(process.argv[2] ?? 'schema/model.schema.json', toJsonSchema());
}
