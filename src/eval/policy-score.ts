/**
 * Scores an extracted model against a policy-report data set's gold files (laid out like
 * `policy-pdf/`: docs/*.pdf and gold/*.json), by the rules of that set's score.mjs: title accuracy,
 * author F1 on surnames, year and publisher accuracy, recommendation precision and recall (a text
 * matches when ≥ 70% of the gold's words are in the extracted quote, or ≥ 85% of the quote's words
 * are in the gold), addressee accuracy on found ones, key-finding recall (findings and source
 * summaries), furniture lines inside extracted items and headings, and recommendation pages.
 * Pure: the model and the gold files are given.
 */

/** One gold file of the data set (the fields scoring reads). */
export interface PolicyGold {
  file: string;
  title: string;
  subtitle?: string | null;
  authors?: string[];
  year?: number | null;
  publisher?: string | null;
  recommendations?: { text: string; variants?: string[]; addressee?: string | null; page?: number | null; optional?: boolean }[];
  key_findings?: { text: string; page?: number }[];
  furniture?: string[];
}

/** The parts of a model.json scoring reads (kept loose: a model from any version scores). */
export interface ScoredModel {
  sources?: Record<string, unknown>[];
  recommendations?: Record<string, unknown>[];
  findings?: Record<string, unknown>[];
  timeline?: Record<string, unknown>[];
}

/** Figures of one document. */
export interface PolicyRow {
  file: string;
  missing?: boolean;
  title?: string;
  authorsF1?: number | null;
  year?: string | null;
  publisher?: boolean | null;
  recR?: string;
  recP?: string;
  keyFindings?: string;
  furnitureItems?: number;
}

/** Totals over the data set, as score.mjs prints them. */
export interface PolicyTotals {
  docs: number;
  missing: number;
  titles: string;
  titleAcc: number;
  authorsF1: number | null;
  years: string;
  publishers: string;
  recP: number;
  recR: number;
  addresseeAcc: number | null;
  keyFindingsR: number | null;
  furnitureLeaks: string;
  recPages: string;
}

const norm = (s: unknown): string =>
  String(s ?? '').toLowerCase().replace(/[*_`#]/g, '').replace(/^\s*(\d+\.)+\s*/, '').replace(/[’‘]/g, "'").replace(/[–—]/g, '-')
    .replace(/[^\p{L}\p{N}' -]+/gu, ' ').replace(/\s+/g, ' ').trim();
const wordsOf = (s: unknown): string[] => norm(s).split(/[\s-]+/).filter(Boolean);

/** Token F1 of two texts (multiset overlap of their words). */
export function tokenF1(a: string, b: string): number {
  const A = wordsOf(a);
  const B = wordsOf(b);
  if (!A.length || !B.length) return 0;
  const m = new Map<string, number>();
  for (const w of B) m.set(w, (m.get(w) ?? 0) + 1);
  let hit = 0;
  for (const w of A) if (m.get(w)) { hit++; m.set(w, m.get(w)! - 1); }
  const p = hit / A.length;
  const r = hit / B.length;
  return p + r ? (2 * p * r) / (p + r) : 0;
}

/** Share of `gold`'s words found in `pred`. */
export function containment(gold: string, pred: string): number {
  const G = wordsOf(gold);
  const P = new Set(wordsOf(pred));
  return G.length ? G.filter((w) => P.has(w)).length / G.length : 0;
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;
const flat = (s: unknown): string => String(s ?? '').replace(/\u00ad/g, '').replace(/-\s*\n\s*/g, '').replace(/\s+/g, ' ').trim();
const surname = (n: unknown): string => wordsOf(typeof n === 'string' ? n : (n as { name?: string })?.name ?? '').filter((w) => !/^(et|al|and|dr|prof)$/.test(w)).pop() ?? '';
const citesOf = (item: Record<string, unknown>): Record<string, unknown>[] => (item.citations as Record<string, unknown>[] | undefined) ?? [];
const baseName = (p: string): string => p.split(/[\\/]/).pop() ?? p;
const matches = (gold: string, pred: string): boolean => containment(gold, pred) >= 0.7 || containment(pred, gold) >= 0.85;

/** Is the extracted title right (title alone, title with subtitle, or the gold title contained with little more)? */
export function titleMatches(gold: PolicyGold, s: Record<string, unknown>): boolean {
  const gt = [gold.title, gold.subtitle].filter(Boolean).join(' ');
  const pt = [s.title, s.subtitle].filter(Boolean).join(' ');
  return tokenF1(gold.title, String(s.title ?? '')) >= 0.8 || tokenF1(gt, pt) >= 0.8 || (wordsOf(gold.title).length >= 3 && containment(gold.title, pt) >= 0.9 && wordsOf(pt).length <= wordsOf(gt).length + 4);
}

/** Score a model against the gold files: one row per gold document, and the totals. */
export function scorePolicy(model: ScoredModel, golds: readonly PolicyGold[]): { rows: PolicyRow[]; totals: PolicyTotals } {
  const byFile = new Map((model.sources ?? []).map((s) => [baseName(String(s.path ?? s.id)), s]));
  let n = 0, missing = 0, titleOk = 0, authN = 0, authF = 0, yearN = 0, yearOk = 0, pubN = 0, pubOk = 0;
  let pgN = 0, pgOk = 0, rTp = 0, rNg = 0, pTp = 0, pNp = 0, addrN = 0, addrOk = 0, kTp = 0, kNg = 0, leak = 0, items = 0;
  const rows: PolicyRow[] = [];
  for (const g of golds) {
    n++;
    const s = byFile.get(g.file);
    if (!s) { missing++; rows.push({ file: g.file, missing: true }); continue; }
    const id = String(s.id);
    const tOk = titleMatches(g, s);
    titleOk += Number(tOk);
    let aF: number | null = null;
    if ((g.authors ?? []).length) {
      authN++;
      const G = [...new Set(g.authors!.map(surname))];
      const P = [...new Set(((s.authors as unknown[]) ?? []).map(surname))];
      const tp = G.filter((x) => P.includes(x)).length;
      const p = P.length ? tp / P.length : 0;
      const r = G.length ? tp / G.length : 0;
      aF = p + r ? (2 * p * r) / (p + r) : 0;
      authF += aF;
    }
    if (g.year) { yearN++; yearOk += Number(Number(s.year ?? String(s.date ?? s.issued ?? '').slice(0, 4)) === Number(g.year)); }
    let pOk: boolean | null = null;
    if (g.publisher) {
      pubN++;
      const hay = [s.venue, s.publisher, s.series, s.organisation, s.imprint].filter(Boolean).join(' ');
      pOk = containment(g.publisher, hay) >= 0.8;
      pubOk += Number(pOk);
    }
    // recommendations of this source
    const preds = (model.recommendations ?? []).flatMap((r) => citesOf(r).filter((c) => String(c.sourceId) === id).map((c) => ({
      q: flat(c.quote ?? r.text),
      actor: [r.addressee, r.actor].map((x) => (typeof x === 'object' && x ? (x as { name?: string; label?: string }).name ?? (x as { label?: string }).label : x)).find(Boolean) ?? null,
      page: c.page ?? null,
    })));
    const golds2 = (g.recommendations ?? []).map((r) => ({ texts: [r.text, ...(r.variants ?? [])].map(flat), addressee: r.addressee ?? null, page: r.page ?? null, optional: r.optional === true }));
    for (const gr of golds2) {
      const m = preds.find((p) => gr.texts.some((t) => matches(t, p.q)));
      if (m && gr.page) { pgN++; pgOk += Number(Number(m.page) === Number(gr.page)); }
      if (m && gr.addressee) {
        addrN++;
        const a = norm(m.actor ?? '');
        const b = norm(gr.addressee);
        addrOk += Number(!!a && (tokenF1(a, b) >= 0.5 || a.includes(b) || b.includes(a)));
      }
    }
    const must = golds2.filter((gr) => !gr.optional);
    const rt = must.filter((gr) => preds.some((p) => gr.texts.some((t) => matches(t, p.q)))).length;
    rTp += rt;
    rNg += must.length;
    const pt2 = preds.filter((p) => golds2.some((gr) => gr.texts.some((t) => matches(t, p.q)))).length;
    pTp += pt2;
    pNp += preds.length;
    // key findings: in the model's findings or the source's summary
    const shown = [
      ...(model.findings ?? []).flatMap((f) => citesOf(f).filter((c) => String(c.sourceId) === id).map((c) => flat(c.quote ?? f.text))),
      ...((s.summary as unknown[]) ?? []).map((x) => flat((x as { text?: string })?.text ?? x)),
    ];
    let kt = 0;
    for (const k of g.key_findings ?? []) if (shown.some((p) => matches(flat(k.text), p))) kt++;
    kTp += kt;
    kNg += (g.key_findings ?? []).length;
    // furniture lines inside findings, recommendations, timeline events or section headings
    const fur = (g.furniture ?? []).map((f) => wordsOf(String(f).replace(/\d+/g, ' '))).filter((w) => w.length >= 3);
    const texts = [
      ...preds.map((p) => p.q),
      ...shown,
      ...(model.timeline ?? []).flatMap((e) => citesOf(e).filter((c) => String(c.sourceId) === id).map((c) => flat(c.quote ?? e.text))),
      ...((s.sections as { heading?: string }[]) ?? []).map((x) => flat(x.heading)),
    ];
    let lk = 0;
    for (const t of texts) {
      const T = ` ${wordsOf(t).join(' ')} `;
      if (fur.some((f) => T.includes(` ${f.join(' ')} `))) lk++;
    }
    leak += lk;
    items += texts.length;
    rows.push({ file: g.file, title: tOk ? 'ok' : `got "${String(s.title ?? '').slice(0, 50)}"`, authorsF1: aF === null ? null : r3(aF), year: g.year ? `${s.year ?? '-'}/${g.year}` : null, publisher: pOk, recR: `${rt}/${must.length}`, recP: `${pt2}/${preds.length}`, keyFindings: `${kt}/${(g.key_findings ?? []).length}`, furnitureItems: lk });
  }
  const totals: PolicyTotals = {
    docs: n, missing, titles: `${titleOk}/${n}`, titleAcc: r3(n ? titleOk / n : 0), authorsF1: authN ? r3(authF / authN) : null, years: `${yearOk}/${yearN}`, publishers: `${pubOk}/${pubN}`,
    recP: r3(pNp ? pTp / pNp : 0), recR: r3(rNg ? rTp / rNg : 0), addresseeAcc: addrN ? r3(addrOk / addrN) : null, keyFindingsR: kNg ? r3(kTp / kNg) : null, furnitureLeaks: `${leak}/${items}`, recPages: `${pgOk}/${pgN}`,
  };
  return { rows, totals };
}

/** The rows and totals as a plain-text table. */
export function formatPolicyTable(rows: readonly PolicyRow[], t: PolicyTotals, label: string): string {
  const out = [`${label}: ${t.docs} documents${t.missing ? `, ${t.missing} not extracted` : ''}`, ''];
  const head = ['document', 'title', 'authF1', 'year', 'publ', 'recR', 'recP', 'keyF', 'furn'];
  const table = rows.map((r) => (r.missing ? [r.file, 'missing', '', '', '', '', '', '', ''] : [r.file, r.title === 'ok' ? 'ok' : 'wrong', r.authorsF1 === null ? '-' : String(r.authorsF1), r.year ?? '-', r.publisher === null ? '-' : r.publisher ? 'ok' : 'wrong', r.recR!, r.recP!, r.keyFindings!, String(r.furnitureItems)]));
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  for (const row of [head, ...table]) out.push(row.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd());
  for (const r of rows) if (r.title && r.title !== 'ok') out.push(`  ${r.file}: title ${r.title}`);
  out.push('');
  out.push(`titles ${t.titles} (${t.titleAcc}), author F1 ${t.authorsF1 ?? '-'}, years ${t.years}, publishers ${t.publishers}`);
  out.push(`recommendations P ${t.recP} R ${t.recR}, addressees ${t.addresseeAcc ?? '-'}, pages ${t.recPages}`);
  out.push(`key findings R ${t.keyFindingsR ?? '-'}, furniture in extracted items ${t.furnitureLeaks}`);
  return out.join('\n');
}
