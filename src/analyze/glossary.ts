/** Glossary terms (foundation version: "Long Form (LF)"). */
import type { ExtractedTerm, StructuredSource } from '../model/document.js';

export function findTerms(doc: StructuredSource): ExtractedTerm[] {
  const out: ExtractedTerm[] = [];
  const text = doc.source.text;
  const re = /((?:[A-Z][a-z]+[ -]){1,6})\(([A-Z]{2,6})\)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ term: m[2], definition: m[1].trim(), start: m.index, end: m.index + m[0].length });
  }
  return out;
}
