/**
 * The analyst's overrides at the CLI's edge: sidecars (already read beside their sources) and the
 * config's `overrides`, applied to the built brief; what did nothing is reported, naming it.
 */
import type { Brief } from '../model/schema.js';
import type { Report } from '../model/diagnostics.js';
import { applySidecar, parseSidecar } from '../config/sidecar.js';
import { anyOverride, applyOverrides, type Overrides } from '../config/overrides.js';

/** The brief with sidecars and config overrides applied, `overrides` recording them (absent when none applied). */
export function applyAnalystOverrides(brief: Brief, overrides: Overrides, sidecars: ReadonlyMap<string, { path: string; text: string }>, report: Report, configFile: string | null): Brief {
  const sourceFields: { id: string; file: string; fields: string[] }[] = [];
  const sources = brief.sources.map((s) => {
    const side = sidecars.get(s.path);
    if (!side) return s;
    const parsed = parseSidecar(side.text);
    if ('error' in parsed) {
      report.warn(side.path, undefined, `metadata sidecar not used: ${parsed.error}`, 'sidecar-invalid');
      return s;
    }
    const { entry, fields } = applySidecar(s, parsed.sidecar);
    if (fields.length) sourceFields.push({ id: s.id, file: side.path, fields });
    return entry;
  });
  const applied = applyOverrides({ ...brief, sources }, overrides);
  for (const p of applied.problems) report.warn(configFile ?? 'briefwright.config.yaml', undefined, `override ${p.override} ${p.message}: not applied`, 'override-unmatched');
  const record = { ...applied.record, sources: sourceFields };
  return anyOverride(record) ? { ...applied.brief, overrides: record } : applied.brief;
}
