/**
 * The view model templates see: the brief prepared for display. Every string here is *inline
 * Markdown that is already escaped* (text from sources cannot open a link, image, HTML tag or
 * heading), so templates may print it as is. Citations are bracketed references (`[2 §3.1]`)
 * whose numbers are the positions in `sources`. Documented for template authors in
 * `docs/templates.md`; field names are a contract: add, never rename.
 */
import type { Brief, Citation, Finding, Recommendation, SourceEntry } from '../model/schema.js';
import { escapeMarkdown } from './escape.js';
import { formatDate } from './helpers.js';
import { buildHandout, type HandoutView } from './handout/index.js';
import { changeLines, overrideLines } from './changes-view.js';
import { citationHref, sourceHref } from './anchors.js';
import { agreementPassages, asOwnSentence, bottomLine, disagreementViews, keyJudgements, strengthNote, supportLabel, type AgreementPassage, type DisagreementView, type JudgementView } from './brief-shape.js';
import { asSentence, citationLabel, cleanTitle, inSentence, inWords, listed, standsAlone, takesThe, withArticle, words, bodyName } from './prose.js';
import type { AgreementView, CitationView, FindingView, QuestionView, QuoteView, RecommendationView, SourceView, ThemeView, ViewModel, ViewModelOptions } from './view-types.js';
import { defaultViewModelOptions } from './view-types.js';
import { glossaryToShow, timelineToShow } from './shown-rows.js';

export type { AgreementPassage, DisagreementView, JudgementView, PositionView } from './brief-shape.js';
export type * from './view-types.js';
export { defaultViewModelOptions } from './view-types.js';
export { bodyName, citationLabel, standsAlone } from './prose.js';

const byNumber = (a: number, b: number) => a - b;

/** How citations are written for the output at hand. */
export interface ViewModelDisplay {
  /** Citations as in-page links to their passages and sources (the HTML reader): `[2, p. 12](#cite-2-120-260)`. */
  linkCitations?: boolean;
  /** Each source's reference as formatted by the CSL style (escaped inline Markdown), by source id. */
  references?: ReadonlyMap<string, string>;
}


/** Builds the view model from a brief. Pure; deterministic for a given brief and options. */
export function toViewModel(brief: Brief, options: Partial<ViewModelOptions> = {}, display: ViewModelDisplay = {}): ViewModel {
  const o: ViewModelOptions = { ...defaultViewModelOptions, ...options };
  const number = new Map(brief.sources.map((s, i) => [s.id, i + 1]));
  const linked = display.linkCitations === true;
  // A label as printed: a link to its passage (or source entry) in the reader, else plain.
  const linkTo = (label: string, href: string) => (linked && href ? `[${label}](${href})` : label);

  const sectionLabel = (c: Citation): string => {
    const s = (c.section ?? '').replace(/\s+/g, ' ').trim();
    if (!s) return '';
    if (/^\d+(\.\d+)*$/.test(s)) return `§${s}`;
    return `§“${escapeMarkdown(words(s, 3).replace(/ …$/, '…'))}”`;
  };
  const citeView = (c: Citation): CitationView => {
    const n = number.get(c.sourceId) ?? 0;
    const section = sectionLabel(c);
    // A paginated source is cited by page ("3, p. 12"), others by section; a no-break space keeps
    // the source number with its locator at a line end.
    const locator = c.page ? `p.\u00a0${c.page}` : section;
    return { n, section, page: c.page ?? null, label: citationLabel(n, locator), passage: escapeMarkdown(words(c.quote, 60)), href: linked ? citationHref(n, c.start, c.end) : '' };
  };
  const cite = (cs: readonly Citation[], most = 3): string => {
    const seen = new Set<string>();
    const labels: string[] = [];
    for (const c of [...cs].sort((a, b) => (number.get(a.sourceId) ?? 0) - (number.get(b.sourceId) ?? 0) || a.start - b.start)) {
      const v = citeView(c);
      if (!seen.has(v.label)) { seen.add(v.label); labels.push(linkTo(v.label, v.href)); }
    }
    // Three references make the point; more would crowd the line.
    const shown = labels.length > most ? [...labels.slice(0, most), `+${labels.length - most} more`] : labels;
    return shown.length ? `[${shown.join('; ')}]` : '';
  };
  // One passage of each source, none left out: an agreement or a side of a disagreement shows who holds it.
  const citeEach = (cs: readonly Citation[]): string => {
    const seen = new Set<string>();
    return cite([...cs].sort((a, b) => (number.get(a.sourceId) ?? 0) - (number.get(b.sourceId) ?? 0) || a.start - b.start).filter((c) => !seen.has(c.sourceId) && !!seen.add(c.sourceId)), Infinity);
  };
  // Source numbers as one citation, in the order given.
  const citeSources = (ids: readonly string[] | undefined): string => {
    const ns = [...new Set((ids ?? []).map((id) => number.get(id)).filter((n): n is number => n !== undefined))];
    return ns.length ? `[${ns.map((n) => linkTo(String(n), sourceHref(n))).join('; ')}]` : '';
  };
  const supportOf = (cs: readonly Citation[], declared?: number) => Math.max(declared ?? 0, new Set(cs.map((c) => c.sourceId)).size, 1);
  const fById = new Map(brief.findings.map((f) => [f.id, f]));
  const rById = new Map(brief.recommendations.map((r) => [r.id, r]));

  const findingView = (f: Finding): FindingView => {
    const support = supportOf(f.citations, f.support);
    return { id: f.id, text: escapeMarkdown(asSentence(f.text)), cite: cite(f.citations), citations: f.citations.map(citeView), support, agreed: f.agreed ?? support > 1 };
  };
  const recView = (r: Recommendation): RecommendationView => ({
    id: r.id,
    text: escapeMarkdown(asSentence(r.text)),
    actor: r.actor ? escapeMarkdown(r.actor) : '',
    strength: r.strength,
    cite: cite(r.citations),
    citations: r.citations.map(citeView),
    support: supportOf(r.citations, r.support),
  });

  const findingOrder = new Map(brief.findings.map((f, i) => [f.id, i]));
  const rankFindings = (fs: Finding[]) =>
    [...fs].sort((a, b) => supportOf(b.citations, b.support) - supportOf(a.citations, a.support) || (b.score ?? 0) - (a.score ?? 0) || findingOrder.get(a.id)! - findingOrder.get(b.id)!);

  const sources: SourceView[] = brief.sources.map((s, i) => {
    const title = escapeMarkdown(cleanTitle(s));
    // A reference names people, not their titles ("Dr. Saima Qaisrani" is "Saima Qaisrani").
    const names = s.authors.map((a) => a.replace(/^(?:(?:dr|prof|professor|mr|mrs|ms|sir)\.?\s+)+/i, ''));
    const authors = names.map((a) => escapeMarkdown(a)).join(', ');
    const surname = (a: string) => escapeMarkdown(a.split(/\s+/).pop() ?? a);
    const authorsShort = names.length > 2 ? `${surname(names[0]!)} et al.` : names.map(surname).join(' and ');
    const year = s.year ? String(s.year) : '';
    const venue = s.venue ? escapeMarkdown(s.venue) : '';
    const doi = s.doi && /^10\.\d{4,9}\/[-._;()/:a-z0-9]+$/i.test(s.doi) ? s.doi : '';
    // No author is no author: the reference opens with the title rather than "Anonymous".
    const parts = [authors ? `${authors}${year ? ` (${year})` : ''}.` : '', `*${title}*${!authors && year ? ` (${year})` : ''}.`].filter(Boolean);
    if (venue) parts.push(`${venue}.`);
    if (doi) parts.push(`<https://doi.org/${doi}>`);
    // Details the source does not print are credited to the sources whose reference lists give them.
    const from = s.detailsFrom;
    const citedBy = from ? `${asSentence(listed(from.fields.map((f) => (f === 'doi' ? 'DOI' : f))))} as cited by ${citeSources(from.citations.map((c) => c.sourceId))}.` : '';
    if (citedBy) parts.push(citedBy);
    return {
      n: i + 1,
      id: s.id,
      title,
      authors,
      authorsShort,
      year,
      venue,
      doi: doi ? escapeMarkdown(doi) : '',
      reference: display.references?.get(s.id) ? [display.references.get(s.id)!, ...(citedBy ? [citedBy] : [])].join(' ') : parts.join(' '),
      citedBy,
      summary: escapeMarkdown(words(s.summary.map((x) => x.text).join(' '), o.summaryWords)),
      keyphrases: s.keyphrases.map((k) => escapeMarkdown(k.text)),
      sha256: s.sha256,
      path: escapeMarkdown(s.path),
    };
  });

  // Themes: in the model's order when it ranks them (score), else the most widely discussed first.
  const ranked = brief.themes.some((t) => t.score !== undefined);
  const themes = brief.themes
    .map((t, i) => ({ t, i }))
    .sort((a, b) => (ranked ? 0 : b.t.sourceIds.length - a.t.sourceIds.length) || a.i - b.i)
    .map(({ t }) => t)
    .filter((t) => t.findingIds.some((id) => fById.has(id)));
  // Quotations worth printing: whole sentences or clauses, not fragments.
  const quotes = (brief.quotes ?? []).filter((q) => {
    const n = q.text.split(/\s+/).length;
    return n >= 8 && n <= 45 && /^["“'‘]?[\p{Lu}\p{N}]/u.test(q.text.trim());
  });
  const usedQuotes = new Set<number>();
  // A finding tied to several themes is printed under the first of them only, so the brief does not
  // repeat itself; a theme whose findings all appeared earlier keeps its best one.
  const shownFindings = new Set<string>();
  const themeViews: ThemeView[] = themes.map((t) => {
    // Agreed findings first, then in the theme's own order (most about it and strongest first).
    const all = t.findingIds
      .map((id, k) => ({ f: fById.get(id), k }))
      .filter((x): x is { f: Finding; k: number } => !!x.f)
      .sort((a, b) => supportOf(b.f.citations, b.f.support) - supportOf(a.f.citations, a.f.support) || a.k - b.k)
      .map(({ f }) => f);
    const fresh = all.filter((f) => !shownFindings.has(f.id));
    const fs = (fresh.length ? fresh : all.slice(0, 1)).slice(0, o.findingsPerTheme);
    for (const f of fs) shownFindings.add(f.id);
    const rs = t.recommendationIds.map((id) => rById.get(id)).filter((r): r is Recommendation => !!r);
    const srcs = new Set(t.sourceIds);
    const qi = quotes.findIndex((q, i) => !usedQuotes.has(i) && q.citations.some((c) => srcs.has(c.sourceId)) && t.keyphrases.some((k) => q.text.toLowerCase().includes(k.toLowerCase())));
    if (qi >= 0) usedQuotes.add(qi);
    const q = qi >= 0 ? quotes[qi]! : null;
    return {
      id: t.id,
      label: escapeMarkdown(t.label),
      labelInText: escapeMarkdown(inSentence(t.label, t.keyphrases[0])),
      keyphrases: t.keyphrases.map((k) => escapeMarkdown(k)),
      sourceCount: t.sourceIds.length,
      mostIn: citeSources(t.leadSourceIds),
      findings: fs.map(findingView),
      recommendations: rs.map(recView),
      quote: q ? { text: escapeMarkdown(q.text), speaker: q.speaker ? escapeMarkdown(q.speaker) : '', cite: cite(q.citations) } : null,
    };
  });

  // Key messages: the best finding of each leading theme, then the best remaining findings; one
  // that reads on its own before one that leans on a sentence the brief does not show.
  // Findings the analyst pinned come first, whatever their rank.
  const picked: Finding[] = brief.findings.filter((f) => f.pinned);
  const firstStandingAlone = (fs: Finding[]) => fs.find((f) => standsAlone(f.text)) ?? fs[0];
  for (const t of themes) {
    if (picked.length >= o.keyMessages) break;
    const best = firstStandingAlone(rankFindings(t.findingIds.map((id) => fById.get(id)).filter((f): f is Finding => !!f && !picked.includes(f))));
    if (best) picked.push(best);
  }
  const rest = rankFindings(brief.findings.filter((f) => !picked.includes(f)));
  for (const f of [...rest.filter((x) => standsAlone(x.text)), ...rest.filter((x) => !standsAlone(x.text))]) {
    if (picked.length >= Math.min(3, o.keyMessages)) break;
    picked.push(f);
  }
  const keyMessages = rankFindings(picked).map(findingView);

  // Context: the opening summary sentence of up to four sources, in source order. With more
  // sources, those that lead the most (and the leading) themes set the scene, not the first files.
  const readable = (text: string) => text.split(/\s+/).length >= 8 && /[.!?]["”’)]?$/.test(text.trim()) && !/https?:|www\.|keywords?:/i.test(text);
  const leading = new Map<string, number>();
  themes.forEach((t, k) => t.leadSourceIds?.forEach((id) => leading.set(id, (leading.get(id) ?? 0) + 1 / (k + 1))));
  const context = brief.sources
    .map((s, i) => ({ s, i, first: s.summary.find((x) => readable(x.text)) }))
    .filter((x) => x.first)
    .sort((a, b) => (leading.get(b.s.id) ?? 0) - (leading.get(a.s.id) ?? 0) || a.i - b.i)
    .slice(0, 4)
    .sort((a, b) => a.i - b.i)
    .map(({ s, first }) => `${escapeMarkdown(first!.text)} [${linkTo(String(number.get(s.id)), citationHref(number.get(s.id)!, first!.start, first!.end))}]`)
    .join(' ');

  // Recommendations: explicit and widely made first, then the model's order.
  const recOrder = new Map(brief.recommendations.map((r, i) => [r.id, i]));
  const rankedRecs = [...brief.recommendations].sort(
    (a, b) => supportOf(b.citations, b.support) - supportOf(a.citations, a.support) || (a.strength === b.strength ? 0 : a.strength === 'explicit' ? -1 : 1) || recOrder.get(a.id)! - recOrder.get(b.id)!,
  );
  const recs = rankedRecs.slice(0, o.recommendations).map(recView);
  const groups = new Map<string, Recommendation[]>();
  // "Pakistan and United States" and "United States and Pakistan" are one audience.
  // The audience as a phrase: "Pakistan and the United States" (its key without the articles).
  const shownActors = new Map<string, string>();
  const actorKey = (r: Recommendation) => {
    const list = r.actors && r.actors.length > 0 ? [...new Set(r.actors.map((a) => a.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'en')) : [];
    if (list.length === 0) list.push(r.actor?.trim() ?? '');
    const key = listed(list);
    if (!shownActors.has(key)) shownActors.set(key, listed(list.map(withArticle)));
    return key;
  };
  for (const r of rankedRecs) {
    const key = actorKey(r);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(r);
  }
  // Most advised audiences first; among equals, the one whose best recommendation ranks higher.
  const rankOf = new Map(rankedRecs.map((r, i) => [r, i]));
  let ordered = [...groups.entries()].sort((a, b) => (a[0] === '' ? 1 : 0) - (b[0] === '' ? 1 : 0) || b[1].length - a[1].length || rankOf.get(a[1][0]!)! - rankOf.get(b[1][0]!)!);
  // Past the limit, the remaining audiences share one last group rather than vanish from the brief.
  const others = '\u0000others';
  if (ordered.length > o.actors && o.actors > 0) {
    const rest = ordered.slice(o.actors - 1);
    const pooled = rest.flatMap(([, list]) => list).sort((a, b) => rankOf.get(a)! - rankOf.get(b)!);
    ordered = [...ordered.slice(0, o.actors - 1), [rest.some(([k]) => k !== '') ? others : '', pooled]];
  }
  const audienceOf = (key: string) => (key === others ? 'other actors' : key ? escapeMarkdown(shownActors.get(key)!) : 'all actors');
  const recommendationGroups = ordered.slice(0, o.actors).map(([actor, list]) => ({ actor: audienceOf(actor), recommendations: list.slice(0, o.recommendationsPerActor).map(recView) }));

  // Points two or more sources make: findings and recommendations alike (the model's agreement
  // groups: merged items, or similar items on a shared phrase), the most widely made first.
  // No person named: the body that issued it ("UNESCO"), as a corporate author
  const sourceName = (id: string) => sources.find((x) => x.id === id)?.authorsShort || bodyName(brief.sources.find((x) => x.id === id)?.publisher) || `source ${number.get(id) ?? '?'}`;
  const agreements: AgreementView[] = brief.agreements
    ? brief.agreements
        .map((a, k) => {
          const items = a.ids.map((id) => (a.kind === 'finding' ? fById.get(id) : rById.get(id))).filter((x): x is Finding | Recommendation => x !== undefined);
          return { a, k, items };
        })
        .filter(({ a, items }) => (items.length > 0 || !!a.citations?.length) && a.sourceIds.length > 1)
        // Among points of equal support, those the model merged or linked item by item first, then agreements by meaning.
        .sort((x, y) => y.a.sourceIds.length - x.a.sourceIds.length || Number(!x.items.length) - Number(!y.items.length) || Number(x.a.kind === 'recommendation') - Number(y.a.kind === 'recommendation') || x.k - y.k)
        .slice(0, o.agreements)
        .map(({ a, items }) => {
          // An agreement by meaning cites each source's own passage; a merged one, its items' citations.
          const citations = a.citations?.length ? a.citations : items.flatMap((x) => x.citations);
          const text = a.claim ?? items[0]!.text;
          return {
            id: items[0]?.id ?? '',
            text: escapeMarkdown(asOwnSentence(text)),
            cite: citeEach(citations),
            citations: citations.map(citeView),
            support: a.sourceIds.length,
            agreed: true,
            supportLabel: supportLabel(a.sourceIds, brief.sources.length, sourceName),
            passages: agreementPassages(text, citations, { citeEach, sourceName, sourceOrder: number }),
          };
        })
    : rankFindings(brief.findings.filter((f) => f.agreed ?? supportOf(f.citations, f.support) > 1))
        .slice(0, o.agreements)
        .map((f) => ({ ...findingView(f), supportLabel: supportLabel(f.sourceIds ?? [...new Set(f.citations.map((c) => c.sourceId))], brief.sources.length, sourceName), passages: [] }));

  const sharedThemes = themes
    .filter((t) => new Set(t.sourceIds).size > 1)
    .map((t) => {
      const ns = [...new Set(t.sourceIds.map((id) => number.get(id)).filter((n): n is number => n !== undefined))].sort(byNumber);
      return { label: escapeMarkdown(t.label), sourceCount: ns.length, cite: `[${ns.map((n) => linkTo(String(n), sourceHref(n))).join('; ')}]`, mostIn: citeSources(t.leadSourceIds) };
    });

  // The most important terms, listed alphabetically; the happenings most sources tell, then a spread.
  const glossaryShown = glossaryToShow(brief.glossary, o.glossary);
  const glossary = glossaryShown.map((g) => ({ term: escapeMarkdown(g.term), definition: escapeMarkdown(words(g.definition, 30)), cite: cite(g.citations) }));

  const timelineShown = timelineToShow(brief.timeline, o.timeline);
  const timeline = timelineShown.map((e) => ({ date: e.date, text: escapeMarkdown(words(e.text, 40)), cite: cite(e.citations) }));

  const quoteViews = quotes.slice(0, 8).map((q) => ({ text: escapeMarkdown(q.text), speaker: q.speaker ? escapeMarkdown(q.speaker) : '', cite: cite(q.citations) }));

  // The actors advised most, each once ("Pakistan, the United States and the Afghan Taliban"), not
  // the audiences of the groups ("Pakistan", "Pakistan and the United States").
  const advised = new Map<string, number>();
  for (const r of rankedRecs) for (const a of new Set(r.actors?.length ? r.actors : r.actor ? [r.actor] : [])) advised.set(a, (advised.get(a) ?? 0) + 1);
  const audience = [...advised]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en'))
    .slice(0, 3)
    .map(([a]) => escapeMarkdown(withArticle(a)));
  const objectives = [
    ...themeViews.slice(0, 3).map((t) => `Explain what the sources say about ${t.labelInText} and the evidence behind it.`),
    ...(audience.length ? [`Identify what the sources recommend, and to whom (${listed(audience)}).`] : []),
    'Judge how strongly each claim is supported by comparing the sources that state it.',
  ];
  // Each theme gets the question its evidence supports: when some sources discuss it most, what
  // they add; when one source makes its leading claim, how well the others support it; otherwise
  // how the sources compare. No kind is asked more than twice while another one fits.
  const total = brief.sources.length;
  const sourcesNamed = (ns: readonly number[]) => `Source${ns.length === 1 ? '' : 's'} ${listed([...ns].sort((a, b) => a - b))}`;
  const kindsAsked = new Map<string, number>();
  const discussionQuestions = themeViews.slice(0, 5).map((t) => {
    const about = t.labelInText;
    if (t.sourceCount <= 1) return `Only one source discusses ${about}. What would you need to know to trust its account?`;
    const leads = themes.find((x) => x.id === t.id)!.leadSourceIds?.map((id) => number.get(id)).filter((n): n is number => n !== undefined) ?? [];
    const claim = t.findings.find((f) => f.support === 1);
    const fits = [
      ...(leads.length && leads.length < t.sourceCount ? ['leads'] : []),
      ...(claim ? ['claim'] : []),
      'compare',
    ];
    const kind = fits.find((k) => (kindsAsked.get(k) ?? 0) < 2) ?? fits[0];
    kindsAsked.set(kind, (kindsAsked.get(kind) ?? 0) + 1);
    if (kind === 'leads') return `${sourcesNamed(leads)} ${leads.length === 1 ? 'gives' : 'give'} ${about} the most attention. What ${leads.length === 1 ? 'does it' : 'do they'} say on this subject that the other sources do not?`;
    if (kind === 'claim') return `Source ${claim!.citations[0]!.n} states: “${words(claim!.text, 30)}” How well do the other sources support this claim? Point to the passages.`;
    const who = t.sourceCount === total ? (total === 2 ? 'Both sources discuss' : `All ${inWords(total)} sources discuss`) : `${asSentence(inWords(t.sourceCount))} of the ${inWords(total)} sources discuss`;
    return `${who} ${about}. Where do they agree, and where do their emphases differ?`;
  });

  const questions: QuestionView[] = [];
  const asked = new Set<string>();
  const qFrom = (item: { id: string; text: string; cite: string; citations: CitationView[] }, prompt: string) => {
    if (asked.has(item.id)) return;
    asked.add(item.id);
    const c = item.citations[0]!;
    questions.push({ n: questions.length + 1, question: prompt, answer: item.text, cite: item.cite, passage: `Source ${c.n}${c.section ? ` ${c.section}` : ''}: “${c.passage}”` });
  };
  for (const t of themeViews) {
    if (questions.length >= Math.ceil(o.questions / 2)) break;
    const f = t.findings.find((x) => !asked.has(x.id));
    if (f) qFrom(f, `According to source ${f.citations[0]!.n}, what is one finding about ${t.labelInText}?`);
  }
  for (const g of recommendationGroups) {
    if (questions.length >= o.questions) break;
    const r = g.recommendations[0]!;
    qFrom(r, g.actor === 'all actors' || g.actor === 'other actors' ? `What does source ${r.citations[0]!.n} recommend?` : `What does source ${r.citations[0]!.n} recommend for ${g.actor}?`);
  }

  // The handout's questions, built from the model; what the student handout shows elsewhere
  // (glossary, timeline) is never asked about, so no answer is printed beside its question.
  const handout = buildHandout(
    brief,
    {
      esc: escapeMarkdown,
      standsAlone,
      withArticle,
      listed,
      themeInText: new Map(themes.map((t) => [t.id, inSentence(t.label, t.keyphrases[0])])),
      themeOrder: themes.map((t) => t.id),
      // The handout names the section and adds the page itself ("Source 3 §“Abstract”, p. 7").
      citeLabel: (c) => { const v = citeView(c); return v.section ? `${v.n}\u00a0${v.section}` : `${v.n}`; },
      titles: new Map(brief.sources.map((s, i) => [s.id, sources[i]!.title])),
      visible: [...glossaryShown.map((g) => g.definition), ...timelineShown.map((e) => e.text)],
    },
    { multipleChoice: o.multipleChoice, cloze: o.cloze, shortAnswer: o.shortAnswer, discussion: o.discussion, flashcards: o.flashcards },
  );

  // The policy-brief shape: bottom line, key judgements with their support, disagreements.
  const shapeContext = {
    keyFindings: rankFindings(picked),
    ranked: rankFindings(brief.findings),
    themeFindings: themes.map((t) => rankFindings(t.findingIds.map((id) => fById.get(id)).filter((f): f is Finding => !!f))),
    citeEach,
    standsAlone,
    sourceName,
    sourceOrder: number,
    bottomLine: o.keyMessages,
    judgements: o.judgements,
    disagreements: o.disagreements,
  };
  const bottom = bottomLine(shapeContext);

  const ch = brief.changes;
  const item = (x: { text: string }) => escapeMarkdown(words(asSentence(x.text), 30));
  const forActor = (x: { actor: string | null }) => (x.actor ? ` for ${escapeMarkdown(listed(x.actor.split(/, | and /).map(withArticle)))}` : '');
  const changes = ch
    ? {
        // Dated as the title block dates the edition ("5 January 2026").
        since: (ch.since && formatDate(ch.since)) ?? ch.since ?? 'the previous edition',
        lines: [...changeLines(ch, [...new Set([...bottom, ...picked])].map((f) => f.text), { item, forActor }), ...overrideLines(ch.overrides)],
      }
    : null;

  return {
    generator: { name: escapeMarkdown(brief.generator.name), version: escapeMarkdown(brief.generator.version) },
    title: escapeMarkdown(brief.title),
    subtitle: brief.subtitle ? escapeMarkdown(brief.subtitle) : '',
    organisation: brief.organisation ? escapeMarkdown(brief.organisation) : '',
    authors: (brief.authors ?? []).map((a) => escapeMarkdown(a)).join(', '),
    date: brief.date,
    counts: {
      sources: brief.sources.length,
      themes: brief.themes.length,
      findings: brief.findings.length,
      recommendations: brief.recommendations.length,
      glossary: brief.glossary.length,
      timeline: brief.timeline.length,
      quotes: brief.quotes?.length ?? 0,
    },
    sources,
    keyMessages,
    // Each sentence stands on its own in the bottom line: a leading "Therefore," or "In parallel," is dropped.
    bottomLine: bottom.map((f) => ({ ...findingView(f), text: escapeMarkdown(asOwnSentence(f.text)) })),
    judgements: keyJudgements(brief, shapeContext, bottom),
    disagreements: disagreementViews(brief, shapeContext),
    strengthNote: strengthNote(recommendationGroups.flatMap((g) => g.recommendations.map((r) => r.strength))),
    context,
    themes: themeViews,
    findings: rankFindings(brief.findings).map(findingView),
    recommendations: recs,
    recommendationGroups,
    agreements,
    sharedThemes,
    glossary,
    timeline,
    quotes: quoteViews,
    changes,
    objectives,
    discussionQuestions,
    questions,
    handout,
  };
}
