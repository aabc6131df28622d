/** Dated events (foundation version: sentences naming a year outside parentheses). */
import type { ExtractedEvent, StructuredSource } from '../model/document.js';

export function findEvents(doc: StructuredSource): ExtractedEvent[] {
  const out: ExtractedEvent[] = [];
  for (const s of doc.sentences) {
    const m = /(?<!\()\b(19\d\d|20\d\d)\b(?![^(]*\))/.exec(s.text);
    if (m) out.push({ date: m[1], text: s.text, start: s.start, end: s.end });
  }
  return out;
}
