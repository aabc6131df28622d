/**
 * The timeline of the bundled papers against a hand-labelled gold (tests/fixtures/timeline/bundled.json):
 * every date mention of the papers' body sentences marked event or not by the rule stated in the
 * file, the happenings an analyst expects on the timeline, and the date the papers disagree on.
 *
 * Precision: a row counts as right when the passage its text is taken from is a labelled event
 * with a compatible date; every citation of every row is judged the same way (a row citing a
 * non-event among its sources is wrong there). Recall: the key events found as a row.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFolder, locate } from './corpus.js';
import { repoRoot } from '../helpers.js';
import type { Brief, Citation } from '../../src/model/schema.js';
import { compatibleDates } from '../../src/synthesize/timeline-merge.js';

interface Mention {
  source: string;
  date: string;
  quote: string;
  event: boolean;
}
interface TimelineGold {
  mentions: Mention[];
  keyEvents: { name: string; dates: string[]; pattern: string }[];
  conflicts: { name: string; dates: string[]; pattern: string }[];
}

const gold = JSON.parse(readFileSync(join(repoRoot, 'tests/fixtures/timeline/bundled.json'), 'utf8')) as TimelineGold;
let brief: Brief;
const texts = new Map<string, string>();
const nameOf = new Map<string, string>();

beforeAll(async () => {
  const built = await buildFolder(join(repoRoot, 'sources'), (f) => f.endsWith('.txt'));
  brief = built.brief;
  for (const a of built.analyses) {
    texts.set(a.doc.source.id, a.doc.source.text);
    nameOf.set(a.doc.source.id, basename(a.doc.source.path).replace(/\.txt$/, ''));
  }
}, 120_000);

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The gold labels of the mentions a citation covers with a date compatible with `date`: true, false, or null when none is labelled. */
function labelOf(c: Citation, date: string): boolean | null {
  const text = texts.get(c.sourceId)!;
  const labels = gold.mentions
    .filter((m) => m.source === nameOf.get(c.sourceId) && compatibleDates(m.date, date))
    .filter((m) => {
      const at = locate(text, m.quote);
      if (!at) throw new Error(`gold quote not in ${m.source}: ${m.quote}`);
      // The date of the mention lies inside the cited passage.
      return at.end > c.start && at.start < c.end && at.end - 12 < c.end && at.end > c.start + 4;
    })
    .map((m) => m.event);
  return labels.length ? labels.includes(true) : null;
}

/** The citation a row's text is taken from. */
const leadOf = (row: { text: string; citations: Citation[] }) => row.citations.find((c) => norm(c.quote).startsWith(norm(row.text).slice(0, 40)) || norm(row.text).startsWith(norm(c.quote).slice(0, 40))) ?? row.citations[0];

describe('timeline of the bundled papers', () => {
  it('lists events only: row and citation precision at least 0.9 against the hand labels', () => {
    let rowsRight = 0;
    let citesRight = 0;
    let cites = 0;
    const wrong: string[] = [];
    for (const row of brief.timeline) {
      const lead = labelOf(leadOf(row), row.date);
      if (lead) rowsRight++;
      else wrong.push(`${row.date} ${lead === null ? '(unlabelled)' : ''} ${row.text.slice(0, 100)}`);
      for (const c of row.citations) {
        cites++;
        const l = labelOf(c, row.date);
        if (l) citesRight++;
        else wrong.push(`  cite ${row.date} ${l === null ? '(unlabelled)' : ''} ${c.quote.slice(0, 100)}`);
      }
    }
    const rowP = rowsRight / brief.timeline.length;
    const citeP = citesRight / cites;
    console.log(`timeline rows ${brief.timeline.length}: row precision ${rowP.toFixed(3)}, citation precision ${citeP.toFixed(3)} (${citesRight}/${cites})`);
    for (const w of wrong) console.log(`  wrong: ${w}`);
    expect(rowP).toBeGreaterThanOrEqual(0.9);
    expect(citeP).toBeGreaterThanOrEqual(0.9);
  });

  it('holds the happenings an analyst expects, one row each however many papers tell them', () => {
    const found = gold.keyEvents.filter((k) => {
      const rows = brief.timeline.filter((r) => k.dates.includes(r.date) && (new RegExp(k.pattern).test(r.text) || r.citations.some((c) => new RegExp(k.pattern).test(c.quote))));
      return rows.length === 1;
    });
    const missed = gold.keyEvents.filter((k) => !found.includes(k)).map((k) => k.name);
    console.log(`key events ${found.length}/${gold.keyEvents.length}${missed.length ? `; missed or split: ${missed.join('; ')}` : ''}`);
    expect(found.length / gold.keyEvents.length).toBeGreaterThanOrEqual(0.85);
    // The withdrawal, told by every paper, is one row citing them all.
    const withdrawal = brief.timeline.filter((r) => r.date === '2021-08' && r.kind === 'withdrawal');
    expect(withdrawal).toHaveLength(1);
    expect(new Set(withdrawal[0].citations.map((c) => c.sourceId)).size).toBe(5);
  });

  it('keeps both dates where the papers disagree on one happening', () => {
    for (const k of gold.conflicts) {
      const row = brief.timeline.find((r) => k.dates.includes(r.date) && r.conflictingDates?.some((d) => k.dates.includes(d.date) && d.citations.some((c) => new RegExp(k.pattern).test(c.quote))));
      expect(row, k.name).toBeDefined();
      expect(row!.conflictingDates![0].date).not.toBe(row!.date);
    }
  });
});

describe('glossary of the bundled papers', () => {
  it('ranks terms by their use across the papers: TTP, used by all five, is shown; a term one paper spells out once is not', async () => {
    const { toViewModel } = await import('../../src/render/view-model.js');
    const shown = toViewModel(brief).glossary.map((g) => g.term);
    const byTerm = new Map(brief.glossary.map((g) => [g.term, g]));
    expect(shown).toContain('TTP');
    expect(shown).toContain('CPEC');
    expect(byTerm.get('TTP')!.importance!).toBeGreaterThan(byTerm.get('CAREC')!.importance!);
    expect(shown).not.toContain('CAREC');
    // Shown alphabetically once chosen.
    expect([...shown].sort((a, b) => a.localeCompare(b, 'en'))).toEqual(shown);
  });

  it('holds key concepts the papers define, each citing the passage that defines it', () => {
    const concepts = brief.glossary.filter((g) => g.kind === 'concept');
    const pairs = concepts.map((g) => `${g.term}=${g.definition}`);
    expect(pairs).toContain('neorealism=Structural realism');
    expect(pairs).toContain('9/11=the September 11 attacks of 2001');
    expect(pairs.some((p) => /^Durand line=.*kilometers of border$/.test(p))).toBe(true);
    for (const g of concepts) {
      const quote = norm(g.citations[0].quote);
      expect(quote, g.term).toContain(g.term);
      expect(quote, g.term).toContain(g.definition);
    }
  });
});
