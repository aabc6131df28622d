/**
 * The claim of a sentence, without the clause that reports it ("The entire discussion in this paper
 * indicates that", "One important finding from the analysis is that", "It is evident that",
 * "Therefore,"). The clause helps to find a finding (see the cues in findings.ts) but reads as
 * padding in a brief; findings and recommendations are stated without it.
 */
import type { Sentence, StructuredSource } from '../model/document.js';

/** Clauses that report a claim rather than make it. */
const reportingClauses = [
  String.raw`(?:the|this|our|these)\s+(?:(?:entire|main|key|overall|present|whole)\s+)?(?:discussion|analysis|study|research|paper|article|evidence|findings?|results?|review|assessment)(?:\s+(?:in|of|from)\s+(?:this|the)\s+(?:paper|study|article|analysis|research))?\s+(?:(?:clearly|also|further|thus)\s+)?(?:indicates?|shows?|suggests?|reveals?|demonstrates?|finds|found|concludes?|highlights?|confirms?|establishes?|argues?)\s+that`,
  String.raw`(?:one|an|the)\s+(?:important|key|main|major|central|significant)\s+finding\s+(?:from|of)\s+(?:the|this|our)\s+(?:analysis|study|research|paper)\s+is\s+that`,
  String.raw`it\s+(?:is|was|becomes)\s+(?:(?:thus|therefore|now|quite)\s+)?(?:evident|clear|apparent|obvious)\s+that`,
  String.raw`(?:in\s+conclusion|to\s+conclude|to\s+sum\s+up|in\s+sum|in\s+short|overall|taken\s+together|all\s+things\s+considered|therefore|thus|hence|consequently|indeed|in\s+fact)\s*,`,
];
// "that," before an aside ("argues that, despite …, cooperation is essential") goes with the clause.
const reportingClause = new RegExp(`^(?:${reportingClauses.map((c) => `(?:${c})`).join('|')}),?\\s+(?=[\\p{L}\\p{N}])`, 'iu');

/**
 * The claim of a sentence: the sentence without a leading reporting clause, its span
 * moved to match (the sentence's text has its white space collapsed, so the offset in the source is
 * found by walking both). The whole sentence when nothing is left out or the walk does not agree.
 */
export function claimOf(doc: StructuredSource, s: Pick<Sentence, 'start' | 'end' | 'text'>): { start: number; end: number; text: string } {
  const whole = { start: s.start, end: s.end, text: s.text };
  const cut = reportingClause.exec(s.text)?.[0].length ?? 0;
  if (!cut) return whole;
  const source = doc.source.text;
  let i = 0;
  let k = s.start;
  while (i < cut && k < s.end) {
    if (/\s/.test(s.text[i])) i++;
    else if (/\s/.test(source[k])) k++;
    else if (source[k] === s.text[i]) {
      i++;
      k++;
    } else return whole;
  }
  while (k < s.end && /\s/.test(source[k])) k++;
  return { start: k, end: s.end, text: s.text.slice(cut) };
}
