/**
 * The parts of the view that shape a briefing like a policy brief: the bottom line (a few of the
 * sources' own key sentences, one source at a time), key judgements with how many sources support
 * each ("3 of 5 sources"), where the sources disagree (each position with its passages), and the
 * line that explains the recommendation strength labels. Pure functions over the model and the
 * view model's own citation helpers, so every sentence stays the sources' words, cited.
 */
import type { Brief, Citation, Finding } from '../model/schema.js';
import { escapeMarkdown } from './escape.js';

/** A key judgement: a finding or an agreed point, with the sources that support it. */
export interface JudgementView {
  id: string;
  text: string;
  /** Each supporting source's passage, one reference per source (`[1 §2; 3 §“Conclusion”]`). */
  cite: string;
  /** Distinct sources that state it. */
  support: number;
  /** "3 of 5 sources", with the sources named when three or fewer ("1 of 5 sources: Alam and Mustafa"). */
  supportLabel: string;
}

/** One side of a disagreement. */
export interface PositionView {
  /** What this side holds, as the model summarises it (a date, a figure, a judgement). */
  summary: string;
  /** The first passage taking this side, quoted (escaped, at most 30 words). */
  passage: string;
  /** Each passage taking it, one reference per passage. */
  cite: string;
  support: number;
  /** "4 of 5 sources", named when three or fewer. */
  supportLabel: string;
}

/** A point on which the sources conflict. */
export interface DisagreementView {
  /** The point as the model words it (escaped). */
  point: string;
  /** What is in dispute ("When the agreement took place"), or the whole point when it has no such lead. */
  question: string;
  /** The rest of the point: the statement in dispute (a passage of one side), or empty. */
  detail: string;
  /** The reference of the passage `detail` quotes, or empty. */
  detailCite: string;
  /** `date`, `figure` or `judgement` (empty when the model does not say). */
  kind: string;
  positions: PositionView[];
}

/** What the shaping needs from the view model: its ranking, wording and citation helpers. */
export interface ShapeContext {
  /** Key messages in the view's order (pinned first), before any limit. */
  keyFindings: readonly Finding[];
  /** All findings, best first. */
  ranked: readonly Finding[];
  /** Each leading theme's findings, best first, in theme order. */
  themeFindings: readonly (readonly Finding[])[];
  /** Citations, one reference per passage, none left out (an agreement cites every source). */
  citeEach: (cs: readonly Citation[]) => string;
  /** Whether a sentence reads on its own (no leaning pronoun or connective). */
  standsAlone: (text: string) => boolean;
  /** A source's short name as a reference gives it ("Alam and Mustafa"), or "source 3". */
  sourceName: (sourceId: string) => string;
  /** Source order in the brief. */
  sourceOrder: ReadonlyMap<string, number>;
  bottomLine: number;
  judgements: number;
  disagreements: number;
}

const sourcesOf = (cs: readonly Citation[]): string[] => [...new Set(cs.map((c) => c.sourceId))];

/** "3 of 5 sources", naming them when three or fewer (the reader sees who, not just how many). */
export function supportLabel(ids: readonly string[], total: number, name: (id: string) => string): string {
  const count = `${ids.length} of ${total} source${total === 1 ? '' : 's'}`;
  return ids.length > 0 && ids.length <= 3 && total > 1 ? `${count}: ${ids.map(name).join('; ')}` : count;
}

/**
 * A sentence about the document rather than its subject ("This study examines …", "The paper also
 * reviews …", "Key issues analysed include …"): it tells the reader what was studied, not what was
 * found, so it does not belong in a bottom line.
 */
export function aboutTheDocument(text: string): boolean {
  return (
    /^(?:the|this|our|in this|the present)\s+(?:\w+\s+){0,2}?(?:paper|study|article|research|report|analysis|brief|chapter|essay|work)\b/i.test(text) ||
    /^key (?:issues|questions|themes|topics)\b/i.test(text) ||
    // The document as the subject of a research verb anywhere: "On the economic side, the study analyses how …".
    /\b(?:the|this|our)\s+(?:paper|study|article|research|report|analysis|chapter)\s+(?:also\s+|further\s+|then\s+)?(?:analy[sz]es|examines|reviews|explores|discusses|investigates|assesses|considers|argues|outlines|describes|focuses|seeks|aims|looks)\b/i.test(text)
  );
}

/**
 * A sentence that points back at something the brief does not show: "the two countries", "both
 * states", "the resultant state of affairs", "the latter". It reads as a fragment out of context.
 */
export function pointsBack(text: string): boolean {
  return /\b(?:the two|the three|both(?!\s+of\b))\s+(?:countries|states|nations|sides|governments|parties|neighbours|neighbors|actors)\b/i.test(text) || /\bthe\s+(?:resultant|resulting|aforementioned|above-mentioned|latter|former|said)\b/i.test(text);
}

/** Words in a sentence. */
const wordCount = (t: string) => t.split(/\s+/).filter(Boolean).length;

/**
 * The bottom line: the best key sentences, one source at a time (a second from the same source
 * only once every source with a readable key sentence has one), pinned findings first. Sentences
 * that read on their own, state a finding rather than describe the paper, and stay short come
 * before the rest. Returned in rank order.
 */
export function bottomLine(ctx: ShapeContext): Finding[] {
  const pinned = ctx.keyFindings.filter((f) => f.pinned);
  const pool = [...new Set([...ctx.keyFindings, ...ctx.ranked])];
  const fit = (f: Finding) => ctx.standsAlone(f.text) && !pointsBack(f.text) && !aboutTheDocument(f.text) && wordCount(f.text) <= 45;
  // Readable sentences first, in rank order; the others only when a source has nothing better.
  const candidates = [...pool.filter(fit), ...pool.filter((f) => !fit(f))];
  const lead = (f: Finding) => f.citations[0]?.sourceId ?? '';
  const chosen: Finding[] = [...pinned].slice(0, ctx.bottomLine);
  const used = new Set(chosen.map(lead));
  for (const f of candidates) {
    if (chosen.length >= ctx.bottomLine) break;
    if (chosen.includes(f) || used.has(lead(f))) continue;
    chosen.push(f);
    used.add(lead(f));
  }
  // Fewer sources than sentences wanted: a second sentence from a source, at least three in all.
  for (const f of candidates.filter(fit)) {
    if (chosen.length >= Math.min(ctx.bottomLine, 3)) break;
    if (!chosen.includes(f)) chosen.push(f);
  }
  const rank = new Map(pool.map((f, i) => [f, i]));
  return chosen.sort((a, b) => Number(!!b.pinned) - Number(!!a.pinned) || rank.get(a)! - rank.get(b)!);
}

/** Whether two citations are the same passage (same source, overlapping spans). */
const overlaps = (a: Citation, b: Citation) => a.sourceId === b.sourceId && a.start < b.end && b.start < a.end;

/** A leading connective that ties a sentence to the one before it ("Therefore, …"), dropped for display. */
const connective = /^(?:therefore|thus|hence|however|moreover|furthermore|consequently|accordingly|in addition|additionally|nevertheless|nonetheless|indeed|overall|in sum|in short|in parallel|at the same time|in this context|in this regard),\s+/i;

/** A claim as a sentence of its own: without a leading connective, first letter capitalised, ending as a sentence ends. */
export function asOwnSentence(text: string): string {
  const t = text.trim().replace(connective, '').replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  return /[.!?]["”’)]?$/.test(t) ? t : `${t.replace(/[,;:]$/, '')}.`;
}

/**
 * Key judgements: the points most sources make (the model's agreements, widest first), then the
 * key findings and each leading theme's best finding not already in the bottom line. A finding
 * whose passage is part of an agreement counts that agreement's sources and cites them, so a
 * judgement says how widely it is held; a single-source finding says so and names the source.
 */
export function keyJudgements(brief: Brief, ctx: ShapeContext, shown: readonly Finding[]): JudgementView[] {
  const total = brief.sources.length;
  const agreements = (brief.agreements ?? []).filter((a) => a.sourceIds.length > 1);
  const citationsOfAgreement = (a: (typeof agreements)[number]): Citation[] => {
    if (a.citations?.length) return a.citations;
    const items = a.kind === 'finding' ? brief.findings : brief.recommendations;
    return items.filter((x) => a.ids.includes(x.id)).flatMap((x) => x.citations);
  };
  const agreementOf = (f: Finding) => agreements.find((a) => (a.kind === 'finding' && a.ids.includes(f.id)) || citationsOfAgreement(a).some((c) => f.citations.some((d) => overlaps(c, d))));
  const out: (JudgementView & { rank: number })[] = [];
  const usedPassages: Citation[] = shown.flatMap((f) => f.citations);
  const taken = (cs: readonly Citation[]) => cs.some((c) => usedPassages.some((d) => overlaps(c, d)));
  const bySource = (cs: readonly Citation[]) => [...cs].sort((a, b) => (ctx.sourceOrder.get(a.sourceId) ?? 0) - (ctx.sourceOrder.get(b.sourceId) ?? 0) || a.start - b.start);
  const add = (id: string, text: string, cs: readonly Citation[], ids: readonly string[]) => {
    const sorted = [...new Set(ids.length ? ids : sourcesOf(cs))].sort((a, b) => (ctx.sourceOrder.get(a) ?? 0) - (ctx.sourceOrder.get(b) ?? 0));
    out.push({ id, text: escapeMarkdown(asOwnSentence(text)), cite: ctx.citeEach(bySource(cs)), support: sorted.length, supportLabel: supportLabel(sorted, total, ctx.sourceName), rank: out.length });
    usedPassages.push(...cs);
  };
  // The widest agreements (three sources or more, or the two widest when none is that wide); a
  // judgement is what the sources find, so shared recommendations stay with the recommendations.
  const wide = agreements.filter((a) => a.kind !== 'recommendation').sort((a, b) => b.sourceIds.length - a.sourceIds.length);
  const wideEnough = wide.filter((a) => a.sourceIds.length >= 3);
  // A judgement is read at a glance: long sentences, and those leaning on what came before, stay in the themes.
  const readable = (text: string) => ctx.standsAlone(text) && !pointsBack(text) && !aboutTheDocument(text) && wordCount(text) <= 45;
  for (const a of (wideEnough.length ? wideEnough : wide).slice(0, Math.ceil(ctx.judgements / 2))) {
    const cs = citationsOfAgreement(a);
    if (!a.claim || taken(cs) || !readable(asOwnSentence(a.claim))) continue;
    add(`agreement-${agreements.indexOf(a) + 1}`, a.claim, cs, a.sourceIds);
  }
  // Then the key findings, each theme's best finding, and the best of the rest, in turn.
  const findings = [...ctx.keyFindings, ...ctx.themeFindings.flatMap((fs) => fs.filter((f) => readable(f.text)).slice(0, 1)), ...ctx.ranked];
  // One finding per source before a second from any: the judgements speak for the whole corpus.
  const from = new Set<string>();
  for (const pass of [0, 1]) {
    for (const f of new Set(findings)) {
      if (out.length >= ctx.judgements) break;
      if (shown.includes(f) || taken(f.citations) || !readable(f.text)) continue;
      const lead = f.citations[0]!.sourceId;
      if (pass === 0 && from.has(lead)) continue;
      from.add(lead);
      const a = agreementOf(f);
      const cs = a ? [...f.citations, ...citationsOfAgreement(a).filter((c) => !f.citations.some((d) => d.sourceId === c.sourceId))] : f.citations;
      const ids = [...new Set([...(f.sourceIds ?? sourcesOf(f.citations)), ...(a?.sourceIds ?? [])])];
      add(f.id, f.text, cs, ids);
    }
  }
  // Widest support first; among equals, the order they were chosen in.
  return out
    .slice(0, ctx.judgements)
    .sort((a, b) => b.support - a.support || a.rank - b.rank)
    .map(({ rank: _rank, ...j }) => j);
}

/** The model's disagreements for display: the question in dispute, then each side with its passages. */
export function disagreementViews(brief: Brief, ctx: ShapeContext): DisagreementView[] {
  const total = brief.sources.length;
  return (brief.disagreements ?? []).slice(0, ctx.disagreements).map((d) => {
    // "When the agreement took place: A peace agreement … in February 2020." → question and detail.
    const m = /^([^:]{3,80}):\s+(.+)$/s.exec(d.point.trim());
    // The statement in dispute is printed only as a cited passage: the side's passage it quotes.
    const quoted = m ? d.positions.flatMap((p) => p.citations).find((c) => c.quote.replace(/\s+/g, ' ').includes(m[2]!.replace(/\s+/g, ' ').trim())) : undefined;
    return {
      point: escapeMarkdown(d.point),
      // the template closes the question with a full stop: a point that is a sentence brings its own
      question: escapeMarkdown((m ? m[1]! : d.point).replace(/\.+\s*$/, '')),
      detail: m && quoted ? escapeMarkdown(m[2]!) : '',
      detailCite: quoted ? ctx.citeEach([quoted]) : '',
      kind: d.kind ?? '',
      positions: d.positions.map((p) => {
        const cs = [...p.citations].sort((a, b) => (ctx.sourceOrder.get(a.sourceId) ?? 0) - (ctx.sourceOrder.get(b.sourceId) ?? 0) || a.start - b.start);
        const ids = sourcesOf(cs);
        const words = cs[0]!.quote.split(/\s+/).filter(Boolean);
        return {
          summary: escapeMarkdown(p.summary),
          passage: escapeMarkdown(words.length > 30 ? `${words.slice(0, 30).join(' ')} …` : words.join(' ')),
          cite: ctx.citeEach(cs),
          support: ids.length,
          supportLabel: supportLabel(ids, total, ctx.sourceName),
        };
      }),
    };
  });
}

/**
 * One line explaining the recommendation strength labels the brief shows (only those it shows), or
 * empty when it shows none.
 */
export function strengthNote(strengths: readonly string[]): string {
  const has = new Set(strengths);
  const parts = [
    ...(has.has('explicit') ? ['*explicit*: the source asks in so many words (should, must, recommend)'] : []),
    ...(has.has('implicit') ? ['*implicit*: an ask without such a word (“X could strengthen …”)'] : []),
  ];
  return parts.length ? `${parts.join('; ')}.` : '';
}

/** Another source's own words for an agreed point. */
export interface AgreementPassage {
  /** The source's short name ("Akhtar and Holland"). */
  source: string;
  /** Its passage, quoted (escaped, at most 30 words). */
  text: string;
  cite: string;
}

/**
 * How each source states an agreed point, one passage per source, in source order; the passage the
 * claim itself is taken from is left out (the claim already says it in those words).
 */
export function agreementPassages(claim: string, citations: readonly Citation[], ctx: Pick<ShapeContext, 'citeEach' | 'sourceName' | 'sourceOrder'>): AgreementPassage[] {
  const norm = (t: string) => t.replace(/\s+/g, ' ').trim().toLowerCase();
  const c0 = norm(claim);
  const seen = new Set<string>();
  return [...citations]
    .sort((a, b) => (ctx.sourceOrder.get(a.sourceId) ?? 0) - (ctx.sourceOrder.get(b.sourceId) ?? 0) || a.start - b.start)
    .filter((c) => !seen.has(c.sourceId) && !!seen.add(c.sourceId))
    .filter((c) => !norm(c.quote).includes(c0) && !c0.includes(norm(c.quote)))
    .map((c) => {
      const w = c.quote.replace(/\s+/g, ' ').trim().split(' ');
      return { source: ctx.sourceName(c.sourceId), text: escapeMarkdown(w.length > 30 ? `${w.slice(0, 30).join(' ')} …` : w.join(' ')), cite: ctx.citeEach([c]) };
    });
}
