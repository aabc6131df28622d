/** Direct quotations (foundation version: text inside curly or straight double quotes). */
import type { ExtractedQuote, StructuredSource } from '../model/document.js';

export function findQuotes(doc: StructuredSource): ExtractedQuote[] {
  const out: ExtractedQuote[] = [];
  const text = doc.source.text;
  const re = /[“"]([^”"\n]{40,400})[”"]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ text: m[1], speaker: null, start: m.index, end: m.index + m[0].length });
  return out;
}
