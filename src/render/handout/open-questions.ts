/**
 * Short-answer and discussion questions that ask students to compare sources and weigh evidence,
 * not only to recall: two sources on one theme, a claim only one source makes, two sources'
 * advice to the same actor, the points the model finds sources agree on. The key lists what a good
 * answer covers, each point with the passage it rests on.
 */
import { overlap, samePoint, textKey, type Statement } from './facts.js';
import { actorInText, mainTheme, passage, shown, sourceName, themeText, type HandoutContext, type PassageView } from './context.js';

/** The stem templates of open questions. */
export type OpenForm = 'sa-compare' | 'sa-evaluate' | 'sa-advice' | 'sa-agreement' | 'd-lead' | 'd-weigh' | 'd-act' | 'd-only';

/** A point a good answer makes, with its passage. */
export interface CoverPoint {
  /** "Source 1 (Akhtar and Holland): …" (escaped). */
  text: string;
  support: PassageView;
  /** Whether the passage words the point otherwise than `text` (the key then quotes it too). */
  quoteDiffers: boolean;
}

/** A short-answer or discussion question. */
export interface OpenQuestion {
  form: OpenForm;
  prompt: string;
  /** What a good answer covers: the sources' points, each cited. */
  covers: CoverPoint[];
  /** What a good answer makes of them (escaped). */
  note: string;
  themeId: string | undefined;
  statementIds: string[];
}

const bare = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const point = (ctx: HandoutContext, s: Statement): CoverPoint => {
  const support = passage(ctx, s.citation);
  return { text: `${sourceName(ctx, s.sourceId)}: ${shown(ctx, s)}`, support, quoteDiffers: bare(s.citation.quote) !== bare(s.text) };
};

/**
 * A theme's statements of one kind, per source in source order (the model's order within each):
 * those a question could quote first, then the rest (the key prints them; the student never sees them).
 */
function bySource(ctx: HandoutContext, themeId: string, kind: Statement['kind'], seen: Set<string>): Map<string, Statement[]> {
  const out = new Map<string, Statement[]>();
  const usable = new Set(ctx.usable);
  const pool = [...ctx.usable, ...ctx.all.filter((s) => !usable.has(s) && s.length >= 6 && !/https?:|www\./.test(s.text))];
  for (const src of ctx.brief.sources) {
    const list = pool.filter((s) => s.sourceId === src.id && s.kind === kind && s.themeIds.includes(themeId) && !seen.has(s.id));
    if (list.length) out.set(src.id, list);
  }
  return out;
}

function compare(ctx: HandoutContext, themeId: string, seen: Set<string>): OpenQuestion | null {
  const per = bySource(ctx, themeId, 'finding', seen);
  const lead = ctx.brief.themes.find((t) => t.id === themeId)?.leadSourceIds?.find((id) => per.has(id));
  const ids = [...per.keys()];
  const a = lead ?? ids[0];
  const b = ids.find((id) => id !== a);
  if (!a || !b) return null;
  const [x, y] = [per.get(a)![0]!, per.get(b)![0]!];
  return {
    form: 'sa-compare',
    prompt: `Compare what ${sourceName(ctx, a)} and ${sourceName(ctx, b)} conclude about ${themeText(ctx, themeId)}. On what do they agree, and where do they differ?`,
    covers: [point(ctx, x), point(ctx, y)],
    note: samePoint(x, y)
      ? 'The two make much the same point; a good answer says so and names any difference of emphasis or evidence.'
      : 'The two make different points; a good answer sets them side by side and says whether they conflict or complement each other.',
    themeId,
    statementIds: [x.id, y.id],
  };
}

function evaluate(ctx: HandoutContext, themeId: string, seen: Set<string>): OpenQuestion | null {
  // The claim is quoted in the student handout: never one another question asks about or offers as an option.
  const claim = ctx.usable.find((s) => s.kind === 'finding' && s.themeIds.includes(themeId) && !seen.has(s.id) && !ctx.used.has(s.id) && !ctx.used.has(textKey(s.text)) && s.agrees.size === 0);
  if (!claim) return null;
  ctx.used.add(claim.id).add(textKey(claim.text));
  const related = ctx.usable
    .filter((s) => s.sourceId !== claim.sourceId && s.themeIds.includes(themeId))
    .map((s, i) => ({ s, i, o: overlap(s.words, claim.words) }))
    .filter((x) => x.o >= 0.25)
    .sort((a, b) => b.o - a.o || a.i - b.i)
    .slice(0, 2)
    .map((x) => x.s);
  return {
    form: 'sa-evaluate',
    prompt: `${sourceName(ctx, claim.sourceId)} concludes: “${shown(ctx, claim)}” How well is this supported, in that source and in the others?`,
    covers: [point(ctx, claim), ...related.map((s) => point(ctx, s))],
    note: related.length
      ? 'Other sources touch on the same point (above); a good answer weighs them against the claim and notes where they go further or less far.'
      : 'No other source makes this point; a good answer notes that it rests on this source alone and looks at the evidence the source gives for it.',
    themeId,
    statementIds: [claim.id, ...related.map((s) => s.id)],
  };
}

function advice(ctx: HandoutContext, actor: string, seen: Set<string>): OpenQuestion | null {
  const recs = ctx.usable.filter((s) => s.kind === 'recommendation' && s.actors.includes(actor) && !seen.has(s.id));
  const x = recs[0];
  const y = x && recs.find((s) => s.sourceId !== x.sourceId && !samePoint(s, x));
  if (!x || !y) return null;
  const who = actorInText(ctx, actor);
  return {
    form: 'sa-advice',
    prompt: `${sourceName(ctx, x.sourceId)} and ${sourceName(ctx, y.sourceId)} both advise ${who}. How does their advice differ, and could ${who} follow both?`,
    covers: [point(ctx, x), point(ctx, y)],
    note: 'A good answer states each recommendation, says what each asks of the actor and whether one would cost the other.',
    themeId: mainTheme(ctx, x),
    statementIds: [x.id, y.id],
  };
}

function agreement(ctx: HandoutContext, group: { kind: 'finding' | 'recommendation'; ids: string[]; phrase: string | null }, seen: Set<string>): OpenQuestion | null {
  const items = ctx.all.filter((s) => group.ids.includes(s.id.split('@')[0]!) && !seen.has(s.id));
  const perSource = [...new Map(items.map((s) => [s.sourceId, s])).values()].sort((a, b) => (ctx.number.get(a.sourceId) ?? 0) - (ctx.number.get(b.sourceId) ?? 0));
  // Sources that word it identically leave nothing to compare.
  if (perSource.length < 2 || new Set(perSource.map((s) => s.text)).size < 2) return null;
  const names = ctx.deps.listed(perSource.map((s) => sourceName(ctx, s.sourceId)));
  const what = group.kind === 'finding' ? 'finding' : 'recommendation';
  return {
    form: 'sa-agreement',
    prompt: `${names} make a similar ${what}${group.phrase ? ` on “${ctx.deps.esc(group.phrase)}”` : ''}. What does each say, and what separates them?`,
    covers: perSource.map((s) => point(ctx, s)),
    note: 'A good answer shows the common ground and the differences of detail (who acts, by when, how much).',
    themeId: mainTheme(ctx, perSource[0]!),
    statementIds: perSource.map((s) => s.id),
  };
}

/**
 * Short-answer questions: comparison, evaluation, advice and agreement in turn, at most `limit`.
 * `seen`: statements earlier questions rest on (shared with the discussion questions, so each
 * question brings other passages).
 */
export function shortAnswers(ctx: HandoutContext, limit: number, seen: Set<string>): OpenQuestion[] {
  const themes = ctx.deps.themeOrder;
  const advised = new Map<string, Set<string>>();
  for (const s of ctx.usable) for (const a of s.actors) advised.set(a, new Set([...(advised.get(a) ?? []), s.sourceId]));
  const actors = [...advised].filter(([, srcs]) => srcs.size > 1).sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0], 'en')).map(([a]) => a);
  const forms: (() => OpenQuestion | null)[][] = [
    themes.map((t) => () => compare(ctx, t, seen)),
    [...themes].reverse().map((t) => () => evaluate(ctx, t, seen)),
    actors.map((a) => () => advice(ctx, a, seen)),
    (ctx.brief.agreements ?? []).filter((g) => g.sourceIds.length > 1).map((g) => () => agreement(ctx, g, seen)),
  ];
  const out: OpenQuestion[] = [];
  const next = forms.map(() => 0);
  for (let progress = true; out.length < limit && progress; ) {
    progress = false;
    for (let f = 0; f < forms.length && out.length < limit; f++) {
      while (next[f]! < forms[f]!.length) {
        const q = forms[f]![next[f]!++]!();
        if (!q) continue;
        for (const id of q.statementIds) seen.add(id);
        out.push(q);
        progress = true;
        break;
      }
    }
  }
  return out;
}

/**
 * Discussion questions, one per leading theme, each of the kind its evidence supports: what the
 * sources that discuss it most add, whose evidence is strongest, which advice to act on, or (when
 * one source alone discusses it) what it would take to trust that account. Kinds take turns.
 */
export function discussion(ctx: HandoutContext, limit: number, seen: Set<string>): OpenQuestion[] {
  const asked = new Map<OpenForm, number>();
  const out: OpenQuestion[] = [];
  for (const id of ctx.deps.themeOrder) {
    if (out.length >= limit) break;
    const theme = ctx.brief.themes.find((t) => t.id === id)!;
    const about = themeText(ctx, id);
    const findings = bySource(ctx, id, 'finding', seen);
    const recs = bySource(ctx, id, 'recommendation', seen);
    const firsts = [...findings.values()].map((l) => l[0]!);
    const options: OpenQuestion[] = [];
    if (theme.sourceIds.length <= 1 && firsts.length) {
      options.push({ form: 'd-only', prompt: `Only ${sourceName(ctx, firsts[0]!.sourceId)} discusses ${about}. What would you need to know to trust its account?`, covers: firsts.slice(0, 2).map((s) => point(ctx, s)), note: 'A good answer looks at the evidence the source gives and names what another source would have to show.', themeId: id, statementIds: firsts.slice(0, 2).map((s) => s.id) });
    }
    const leads = (theme.leadSourceIds ?? []).filter((s) => findings.has(s));
    const other = firsts.find((s) => !leads.includes(s.sourceId));
    if (leads.length && other && leads.length < theme.sourceIds.length) {
      const ls = leads.slice(0, 2).map((s) => findings.get(s)![0]!);
      options.push({
        form: 'd-lead',
        prompt:
          leads.length === 1
            ? `${sourceName(ctx, leads[0]!)} gives ${about} more attention than the other sources. What does it add that they leave out, and does it change the overall picture?`
            : `${ctx.deps.listed(leads.map((s) => sourceName(ctx, s)))} give ${about} the most attention. What do they add that the other sources leave out, and does it change the overall picture?`,
        covers: [...ls, other].map((s) => point(ctx, s)),
        note: `A good answer names what the leading source${leads.length > 1 ? 's add' : ' adds'} and checks it against the others.`,
        themeId: id,
        statementIds: [...ls, other].map((s) => s.id),
      });
    }
    if (firsts.length >= 2) {
      const three = firsts.slice(0, 3);
      options.push({
        form: 'd-weigh',
        prompt: `Weigh the evidence the sources give on ${about}. Whose account is best supported, and why?`,
        covers: three.map((s) => point(ctx, s)),
        note: `${theme.sourceIds.length} of the ${ctx.brief.sources.length} sources discuss it; a good answer compares the kind of evidence each gives (data, cases, argument) rather than counting sources.`,
        themeId: id,
        statementIds: three.map((s) => s.id),
      });
    }
    // The actor the theme's recommendations address most, and one recommendation to it per source.
    const addressed = new Map<string, number>();
    for (const l of recs.values()) for (const r of l) for (const a of r.actors) addressed.set(a, (addressed.get(a) ?? 0) + 1);
    const actor = [...addressed].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en'))[0]?.[0];
    const recList = actor ? [...recs.values()].map((l) => l.find((r) => r.actors.includes(actor))).filter((r): r is Statement => !!r) : [];
    if (actor && recList.length >= 2 && firsts.length) {
      const two = recList.slice(0, 2);
      const who = actorInText(ctx, actor);
      options.push({
        form: 'd-act',
        prompt: `Suppose you advise ${who}. Which of the sources’ recommendations on ${about} would you act on first, and what in the findings justifies it?`,
        covers: [...two, firsts[0]!].map((s) => point(ctx, s)),
        note: 'A good answer ranks the recommendations and ties the choice to a finding, noting who each recommendation is addressed to.',
        themeId: id,
        statementIds: [...two, firsts[0]!].map((s) => s.id),
      });
    }
    // The kind asked least so far, in the order above among equals.
    const q = [...options].sort((a, b) => (asked.get(a.form) ?? 0) - (asked.get(b.form) ?? 0))[0];
    if (!q) continue;
    asked.set(q.form, (asked.get(q.form) ?? 0) + 1);
    for (const s of q.statementIds) seen.add(s);
    out.push(q);
  }
  return out;
}
