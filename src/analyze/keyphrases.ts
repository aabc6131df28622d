/** Keyphrase candidates (foundation version: frequent two/three-word runs without stop words). */
import type { CandidateStats, StructuredSource } from '../model/document.js';

const stop = new Set('a an the and or of in on for to with by from as at is are was were be been this that these those its it their his her our we they which who whom whose not but also such than then there here into over under between after before during about against among within without can could should would may might must will shall has have had do does did'.split(' '));

export function collectCandidates(doc: StructuredSource): CandidateStats {
  const out: CandidateStats = {};
  const total = doc.sentences.length || 1;
  doc.sentences.forEach((s, i) => {
    const words = s.text.toLowerCase().match(/[a-z][a-z-]+/g) ?? [];
    for (let n = 2; n <= 3; n++) {
      for (let j = 0; j + n <= words.length; j++) {
        const gram = words.slice(j, j + n);
        if (gram.some((w) => stop.has(w) || w.length < 3)) continue;
        const key = gram.join(' ');
        const c = (out[key] ??= { text: key, tf: 0, first: i / total, last: i / total, words: n });
        c.tf++;
        c.last = i / total;
      }
    }
  });
  return out;
}
