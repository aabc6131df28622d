/** The public contract: model.json from the bundled sources validates and every citation checks out. */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { briefSchema } from '../../src/model/schema.js';
import { toJsonSchema } from '../../src/model/write-schema.js';
import { repoRoot, runCli } from '../helpers.js';

let model: any;
beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'bw-model-'));
  const r = await runCli(['extract', '--sources', 'sources', '-o', join(out, 'model.json')]);
  expect(r.status, r.stderr).toBe(0);
  model = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8'));
});

describe('model.json', () => {
  it('validates against the committed JSON Schema, which matches the zod model', () => {
    const committed = readFileSync(join(repoRoot, 'schema/model.schema.json'), 'utf8');
    expect(committed).toBe(toJsonSchema());
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(committed));
    const ok = validate(model);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(briefSchema.safeParse(model).success).toBe(true);
  });

  it('has one entry per bundled source with its sha256 and the contract fields', () => {
    expect(model.sources.map((s: any) => s.id)).toEqual([
      'akhtar-holland-2023-us-withdrawal-us-pakistan-relations',
      'akram-reassessing-us-pakistan-relations',
      'alam-mustafa-pakistan-afghan-peace-process',
      'farhan-2024-us-withdrawal-implications-for-pakistan',
      'shamil-us-pakistan-relations-south-asia',
    ]);
    for (const s of model.sources) {
      expect(s.sections.length).toBeGreaterThan(0);
      expect(s.keyphrases.length).toBeGreaterThan(0);
      expect(s.summary.length).toBeGreaterThan(0);
    }
    expect(model.themes.length).toBeGreaterThan(0);
    expect(model.findings.length).toBeGreaterThan(0);
    expect(model.recommendations.length).toBeGreaterThan(0);
  });

  it('quotes exactly the cited slice of each source file as read from disk', () => {
    const texts = new Map<string, string>();
    for (const s of model.sources) texts.set(s.id, readFileSync(join(repoRoot, s.path), 'utf8').replace(/^\uFEFF/, ''));
    const citations = [
      ...model.findings, ...model.recommendations, ...model.glossary, ...model.timeline, ...(model.quotes ?? []),
    ].flatMap((x: any) => x.citations);
    expect(citations.length).toBeGreaterThan(20);
    for (const c of citations) {
      const text = texts.get(c.sourceId)!;
      expect(c.end).toBeLessThanOrEqual(text.length);
      expect(text.slice(c.start, c.end)).toBe(c.quote);
    }
    for (const s of model.sources) {
      const text = texts.get(s.id)!;
      for (const sent of s.summary) expect(sent.end).toBeLessThanOrEqual(text.length);
    }
  });
});
