/**
 * The handout and its instructor's key on the bundled papers and the island-finance corpus: the
 * student handout holds no answers, every answer in the key cites a passage that is in its source,
 * each multiple-choice item has exactly one right option, stems vary, and the flashcards are CSV
 * that Anki imports.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFolder } from '../synthesize/corpus.js';
import { cliPath, repoRoot, runCli } from '../helpers.js';
import { readTemplatesWithCompanions } from '../../src/cli/template-folder.js';
import type { Brief } from '../../src/model/schema.js';
import type { SourceAnalysis } from '../../src/model/document.js';
import { toViewModel, type ViewModel } from '../../src/render/view-model.js';
import { applyTemplate } from '../../src/render/templates.js';
import { loadTemplate } from '../../src/cli/template-files.js';
import { normalizeMarkdown } from '../../src/render/markdown.js';
import { contentWords, overlap, samePoint, statementsOf } from '../../src/render/handout/facts.js';
import type { PassageView } from '../../src/render/handout/context.js';
import { flashcardsCsv, unescapeMarkdown } from '../../src/render/handout/index.js';

interface Corpus {
  name: string;
  brief: Brief;
  texts: Map<string, string>;
  vm: ViewModel;
  student: string;
  key: string;
}

const corpora: Corpus[] = [];
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  for (const [name, dir] of [['bundled papers', join(repoRoot, 'sources')], ['island finance', join(repoRoot, 'tests', 'fixtures', 'island-finance')]] as const) {
    const { brief, analyses } = await buildFolder(dir, (f) => f.endsWith('.txt') || !dir.endsWith('sources'), '2025-12-01');
    const texts = new Map(analyses.map((a: SourceAnalysis) => [a.doc.source.id, a.doc.source.text]));
    const vm = toViewModel({ ...brief, title: 'Student handout' }, loadTemplate('handout').config!.limits);
    const student = normalizeMarkdown(applyTemplate(loadTemplate('handout'), vm));
    const key = normalizeMarkdown(applyTemplate(loadTemplate('handout-key'), toViewModel({ ...brief, title: 'Instructor’s key' }, loadTemplate('handout-key').config!.limits)));
    corpora.push({ name, brief, texts, vm, student, key });
  }
}, 240_000);

/** Every passage an answer in the key rests on. */
function passages(vm: ViewModel): PassageView[] {
  const h = vm.handout;
  return [
    ...h.multipleChoice.map((q) => q.support),
    ...h.cloze.map((q) => q.support),
    ...[...h.shortAnswer, ...h.discussion].flatMap((q) => q.covers.map((c) => c.support)),
    ...h.readingGuide.flatMap((g) => g.questions.map((q) => q.support)),
  ];
}

const gap = '\\_\\_\\_\\_\\_\\_';

describe('the handout', () => {
  it('has the items the issue asks for on the bundled papers', () => {
    const h = corpora[0]!.vm.handout;
    expect(h.multipleChoice.length).toBeGreaterThanOrEqual(5);
    expect(new Set(h.cloze.map((q) => q.form))).toEqual(new Set(['cloze-concept', 'cloze-date']));
    expect(h.shortAnswer.length).toBeGreaterThanOrEqual(3);
    expect(h.discussion.length).toBeGreaterThanOrEqual(3);
    expect(h.flashcards.length).toBeGreaterThanOrEqual(15);
    // Comparison and evaluation, not only recall.
    expect(h.shortAnswer.some((q) => q.form === 'sa-compare')).toBe(true);
    expect(h.shortAnswer.some((q) => q.form === 'sa-evaluate')).toBe(true);
    for (const c of corpora) {
      expect(c.vm.handout.readingGuide).toHaveLength(c.brief.sources.length);
      for (const g of c.vm.handout.readingGuide) expect(g.questions.length, g.title).toBeGreaterThanOrEqual(2), expect(g.questions.length).toBeLessThanOrEqual(3);
    }
  });

  it('prints no answer in the student handout', () => {
    for (const { name, vm, student } of corpora) {
      const h = vm.handout;
      for (const word of ['Answer key', 'right answer', 'A good answer', 'Objectives:', '[^', 'not the source named', 'The only source']) expect(student, `${name}: ${word}`).not.toContain(word);
      for (const q of h.multipleChoice) {
        expect(student).toContain(q.stem);
        // Each option once, as an option: no other part of the handout repeats the right one.
        if (q.form === 'mc-statement' || q.form === 'mc-recommendation') for (const o of q.options) expect(student.split(o.text).length - 1, `${name}: ${o.text}`).toBe(1);
      }
      for (const q of h.cloze) {
        expect(student).toContain(q.text);
        expect(flat(student)).not.toContain(flat(q.text.replace(gap, q.answer)));
      }
      for (const q of [...h.shortAnswer, ...h.discussion]) {
        expect(student).toContain(q.prompt);
        expect(student).not.toContain(q.note);
        for (const c of q.covers) expect(student).not.toContain(c.text);
      }
      // The reading guide's answers are passages no question or option prints.
      for (const g of h.readingGuide) for (const q of g.questions) expect(student, `${name}: ${q.answer}`).not.toContain(q.answer);
    }
  });

  it('gives every answer in the key with a passage that is in its source, with section and page', () => {
    for (const { name, vm, key, texts } of corpora) {
      const all = passages(vm);
      expect(all.length).toBeGreaterThan(20);
      for (const p of all) {
        const c = p.citation;
        const text = texts.get(c.sourceId)!;
        expect(text.slice(c.start, c.end), `${name}: ${c.quote}`).toBe(c.quote);
        expect(key).toContain(p.where);
      }
      for (const q of vm.handout.multipleChoice) {
        const right = q.options.find((o) => o.correct)!;
        const quote = q.support.citation.quote;
        if (q.form === 'mc-statement' || q.form === 'mc-recommendation') expect(overlap(contentWords(unescapeMarkdown(right.text)), contentWords(quote)), right.text).toBeGreaterThanOrEqual(0.7);
        if (q.form === 'mc-figure' || q.form === 'mc-date') expect(quote).toContain(unescapeMarkdown(right.text));
        if (q.form === 'mc-which-source') expect(q.support.citation.sourceId).toBe(right.sourceId);
        expect(q.support.citation.sourceId).toBe(q.sourceId);
        expect(key).toContain(`### Question ${q.n}: ${q.answer}`);
      }
      for (const q of vm.handout.cloze) expect(flat(q.support.citation.quote).toLowerCase()).toContain(unescapeMarkdown(q.answer).toLowerCase());
    }
    // The PDF report of the island-finance corpus has pages, and the key gives them.
    expect(corpora[1]!.key).toMatch(/Source 3\s§[^\n]*, p\. \d+/);
  });

  it('offers exactly one right option: no distractor is something the named source says on the point', () => {
    for (const { name, brief, vm, texts } of corpora) {
      const statements = statementsOf(brief);
      for (const q of vm.handout.multipleChoice) {
        expect(q.options).toHaveLength(4);
        expect(q.options.filter((o) => o.correct)).toHaveLength(1);
        expect(new Set(q.options.map((o) => o.text)).size).toBe(4);
        const named = flat(texts.get(q.sourceId)!);
        for (const o of q.options.filter((x) => !x.correct)) {
          if (q.form === 'mc-statement' || q.form === 'mc-recommendation') {
            const d = statements.find((s) => s.id === o.statementId)!;
            expect(d.sourceId, `${name}: ${o.text}`).not.toBe(q.sourceId);
            expect(statements.filter((s) => s.sourceId === q.sourceId && samePoint(s, d)), `${name}: ${o.text}`).toEqual([]);
            expect(named.includes(flat(d.citation.quote)), `${name}: ${o.text}`).toBe(false);
          }
          if (q.form === 'mc-which-source') expect(flat(texts.get(o.sourceId)!).includes(flat(q.support.citation.quote)), `${name}: source ${o.text}`).toBe(false);
          if (q.form === 'mc-figure' || q.form === 'mc-date') {
            const quote = q.support.citation.quote;
            const right = unescapeMarkdown(q.options.find((x) => x.correct)!.text);
            expect(named.includes(flat(quote.replace(right, unescapeMarkdown(o.text))))).toBe(false);
          }
        }
      }
    }
  });

  it('varies its stems: no template for more than a third of the questions', () => {
    for (const { name, vm } of corpora) {
      const h = vm.handout;
      const forms = [...h.multipleChoice, ...h.cloze, ...h.shortAnswer, ...h.discussion].map((q) => q.form);
      const share = (list: string[]) => Math.max(...[...new Set(list)].map((f) => list.filter((x) => x === f).length)) / list.length;
      expect(share(forms), name).toBeLessThanOrEqual(1 / 3);
      expect(share(h.multipleChoice.map((q) => q.form)), name).toBeLessThanOrEqual(1 / 3);
      // Judged blind as well: the opening words of the stems as printed.
      const stems = [...h.multipleChoice.map((q) => q.stem), ...h.shortAnswer.map((q) => q.prompt), ...h.discussion.map((q) => q.prompt)];
      const openings = stems.map((s) => s.replace(/Source \d+ \([^)]*\)/g, 'Source').split(/\s+/).slice(0, 3).join(' '));
      expect(share(openings), `${name}: ${openings.join(' | ')}`).toBeLessThanOrEqual(1 / 3);
    }
  });

  it('ties every question to the learning objectives it serves, and the key lists what a good answer covers', () => {
    for (const { vm, key } of corpora) {
      const h = vm.handout;
      for (const q of [...h.multipleChoice, ...h.cloze, ...h.shortAnswer, ...h.discussion]) {
        expect(q.objectives).toMatch(/^\d+(, \d+)*$/);
        for (const n of q.objectives.split(', ').map(Number)) expect(n).toBeLessThanOrEqual(h.objectives.length);
      }
      for (const q of [...h.shortAnswer, ...h.discussion]) expect(q.covers.length).toBeGreaterThanOrEqual(1);
      expect(key.split('A good answer covers:').length - 1).toBe(h.shortAnswer.length + h.discussion.length);
      for (const o of h.objectives) expect(key).toContain(o.text);
    }
  });

  it('is the same for the same model', () => {
    const { brief } = corpora[1]!;
    expect(JSON.stringify(toViewModel(structuredClone(brief)).handout)).toBe(JSON.stringify(toViewModel(structuredClone(brief)).handout));
  });
});

/** RFC 4180 records of a CSV text. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
        else if (text[i] === '"') { i++; break; }
        else if (i >= text.length) throw new Error('unterminated quote');
        else field += text[i++];
      }
    } else while (i < text.length && text[i] !== ',' && text[i] !== '\r') field += text[i++];
    row.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) (rows.push(row), (row = []), (i += 2));
    else if (i < text.length) throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  return rows;
}

describe('flashcards.csv', () => {
  it('is quoted CSV with the header lines Anki reads, a front and a back per card, fronts unique', () => {
    for (const { name, vm, brief } of corpora) {
      const cards = vm.handout.flashcards.map((c) => ({ front: unescapeMarkdown(c.front), back: unescapeMarkdown(c.back) }));
      const csv = flashcardsCsv(cards);
      expect(csv.endsWith('\r\n')).toBe(true);
      const rows = parseCsv(csv);
      expect(rows.slice(0, 3)).toEqual([['#separator:Comma'], ['#html:false'], ['#columns:Front', 'Back']]);
      const records = rows.slice(3);
      expect(records.length, name).toBeGreaterThanOrEqual(15);
      for (const r of records) expect(r).toHaveLength(2), expect(r[0]!.length).toBeGreaterThan(3), expect(r[1]!.length).toBeGreaterThan(1);
      expect(new Set(records.map((r) => r[0]!.toLowerCase())).size).toBe(records.length);
      // From the glossary, findings, recommendations and the timeline.
      expect(records.some((r) => r[0]!.startsWith('What does') && r[0]!.endsWith('stand for?'))).toBe(true);
      expect(records.some((r) => /conclude about/.test(r[0]!))).toBe(true);
      expect(records.some((r) => /recommend that/.test(r[0]!))).toBe(true);
      expect(records.some((r) => r[0]!.startsWith('In which year?'))).toBe(true);
      // Plain text: what the model says, not Markdown escapes.
      const g = brief.glossary[0]!;
      expect(records.some((r) => r[1]!.startsWith(g.definition.replace(/\s+/g, ' ')))).toBe(true);
      expect(csv).not.toMatch(/\\[_*[\]]/);
    }
    expect(parseCsv(flashcardsCsv([{ front: 'A "quoted", comma', back: 'x' }]))[3]).toEqual(['A "quoted", comma', 'x']);
  });
});

describe('the two documents of a handout build', () => {
  it('renders the instructor\'s key with the handout, each overridable like any template', () => {
    expect(readTemplatesWithCompanions(['handout']).map((t) => t.name)).toEqual(['handout', 'handout-key']);
    expect(readTemplatesWithCompanions(['briefing', 'handout-key', 'handout']).map((t) => t.name)).toEqual(['briefing', 'handout-key', 'handout']);
    const dir = mkdtempSync(join(tmpdir(), 'bw-handout-'));
    mkdirSync(join(dir, 'handout-key'));
    writeFileSync(join(dir, 'handout-key', 'handout-key.md.hbs'), '# Our key\n\n{{#each handout.multipleChoice}}\n{{n}}. {{answer}}\n{{/each}}\n');
    const [, key] = readTemplatesWithCompanions(['handout'], [dir]);
    expect(key!.source).toContain('# Our key');
  });

  it.skipIf(!existsSync(cliPath))('writes handout, handout-key and flashcards.csv from `brief build --template handout`', async () => {
    const out = mkdtempSync(join(tmpdir(), 'bw-handout-out-'));
    const r = await runCli(['build', '--sources', join(repoRoot, 'tests', 'fixtures', 'island-finance'), '--out', out, '--template', 'handout', '--format', 'md', '--no-cache', '--quiet']);
    expect(r.stderr.split('\n').filter((l) => /error/.test(l))).toEqual([]);
    for (const f of ['handout.md', 'handout-key.md', 'flashcards.csv']) expect(existsSync(join(out, f)), f).toBe(true);
    expect(readFileSync(join(out, 'handout-key.md'), 'utf8')).toContain('A good answer covers:');
    expect(parseCsv(readFileSync(join(out, 'flashcards.csv'), 'utf8')).length).toBeGreaterThan(15);
  }, 120_000);
});
