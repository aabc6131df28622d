/**
 * Scores a brief's agreements and disagreements against an analyst's list (gold) of exact quotes.
 * A quote is located in its source (white space may differ); a cited span overlapping it is a hit.
 * An agreement matches a gold agreement when it hits that agreement's quotes in two or more distinct
 * sources; a disagreement matches a gold one when its positions hit quotes of two different gold
 * positions. Precision is the share of the brief's items matching some gold item; recall the share
 * of gold items matched by some item of the brief.
 */
import type { Brief, Citation } from '../model/schema.js';

/** A quote of the gold list: source key (see `sources`) and exact text. */
export interface GoldQuote {
  source: string;
  quote: string;
}

/** The analyst's list. */
export interface SynthesisGold {
  sources: Record<string, string>;
  agreements: { claim: string; quotes: GoldQuote[] }[];
  disagreements: { point: string; positions: { summary: string; quotes: GoldQuote[] }[] }[];
}

/** Precision and recall of one kind of item. */
export interface PrecisionRecall {
  precision: number;
  recall: number;
  found: number;
  gold: number;
  matched: number;
}

/** The figures for a brief. */
export interface SynthesisFigures {
  agreements: PrecisionRecall;
  disagreements: PrecisionRecall;
}

interface Located {
  sourceId: string;
  start: number;
  end: number;
}

/** Where a quote lies in its source's text, white space matched loosely; throws when it is not there. */
export function locateQuote(text: string, quote: string): { start: number; end: number } {
  const re = new RegExp(quote.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'));
  const m = re.exec(text);
  if (!m) throw new Error(`quote not found: ${quote.slice(0, 60)}`);
  return { start: m.index, end: m.index + m[0].length };
}

function locate(gold: SynthesisGold, q: GoldQuote, texts: ReadonlyMap<string, string>): Located {
  const sourceId = gold.sources[q.source] ?? q.source;
  const text = texts.get(sourceId);
  if (text === undefined) throw new Error(`no source ${sourceId}`);
  return { sourceId, ...locateQuote(text, q.quote) };
}

const overlaps = (c: Pick<Citation, 'sourceId' | 'start' | 'end'>, q: Located) => c.sourceId === q.sourceId && c.start < q.end && q.start < c.end;

/** Distinct sources in which `citations` hit one of `quotes`. */
function sourcesHit(citations: readonly Citation[], quotes: readonly Located[]): Set<string> {
  return new Set(quotes.filter((q) => citations.some((c) => overlaps(c, q))).map((q) => q.sourceId));
}

function figures(found: number, gold: number, foundMatched: number, goldMatched: number): PrecisionRecall {
  return { precision: found ? foundMatched / found : 0, recall: gold ? goldMatched / gold : 0, found, gold, matched: goldMatched };
}

/** Score a brief's agreements and disagreements; `texts` maps source ids to their full text. */
export function scoreSynthesis(brief: Brief, gold: SynthesisGold, texts: ReadonlyMap<string, string>): SynthesisFigures {
  const agreements = (brief.agreements ?? []).filter((a) => a.citations?.length);
  const goldAgreements = gold.agreements.map((g) => g.quotes.map((q) => locate(gold, q, texts)));
  const agreeMatch = agreements.map((a) => goldAgreements.map((quotes) => sourcesHit(a.citations!, quotes).size >= 2));
  const disagreements = brief.disagreements ?? [];
  const goldDisagreements = gold.disagreements.map((g) => g.positions.map((p) => p.quotes.map((q) => locate(gold, q, texts))));
  const disagreeMatch = disagreements.map((d) =>
    goldDisagreements.map((positions) => {
      // Each gold position hit by some position of the brief; two different gold positions needed.
      const hit = positions.map((quotes) => d.positions.some((p) => sourcesHit(p.citations, quotes).size > 0));
      return hit.filter(Boolean).length >= 2;
    }),
  );
  return {
    agreements: figures(agreements.length, goldAgreements.length, agreeMatch.filter((row) => row.some(Boolean)).length, goldAgreements.filter((_, g) => agreeMatch.some((row) => row[g])).length),
    disagreements: figures(disagreements.length, goldDisagreements.length, disagreeMatch.filter((row) => row.some(Boolean)).length, goldDisagreements.filter((_, g) => disagreeMatch.some((row) => row[g])).length),
  };
}
