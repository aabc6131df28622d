/**
 * End to end on the bundled papers: one CLI build renders every template in every format; the
 * PDFs are read back and the model is re-rendered in this process to check the bytes match.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath, repoRoot } from '../helpers.js';
import { render } from '../../src/render/index.js';
import { loadTemplate } from '../../src/cli/template-files.js';
import { Report } from '../../src/model/diagnostics.js';
import { margins } from '../../src/render/pdf/index.js';
import { readPdf } from './read-pdf.js';

const templates = ['briefing', 'handout', 'one-pager'];

describe.skipIf(!existsSync(cliPath))('templates on the bundled papers', () => {
  const out = mkdtempSync(join(tmpdir(), 'bw-render-'));
  let status: number | null = null;
  let stderr = '';
  // Asynchronous on purpose: a synchronous child blocks the test worker, which then misses the
  // runner's heartbeats on a busy machine.
  beforeAll(async () => {
    const args = [cliPath, 'build', '--sources', join(repoRoot, 'sources'), '--out', out, '--template', templates.join(','), '--format', 'md,pdf,docx,json', '--no-cache', '--quiet'];
    try {
      const r = await promisify(execFile)(process.execPath, args, { encoding: 'utf8', cwd: repoRoot, env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' }, maxBuffer: 1 << 24 });
      status = 0;
      stderr = r.stderr;
    } catch (e) {
      const err = e as { code?: number; stderr?: string };
      status = typeof err.code === 'number' ? err.code : 1;
      stderr = err.stderr ?? String(e);
    }
  }, 300_000);

  it('builds all three templates (HTML is covered by the fixture tests)', () => {
    expect(stderr.split('\n').filter((l) => /error/.test(l))).toEqual([]);
    expect(status).toBe(0);
    for (const t of templates) for (const ext of ['md', 'pdf', 'docx']) expect(existsSync(join(out, `${t}.${ext}`)), `${t}.${ext}`).toBe(true);
  });

  it('says under each theme how many sources discuss it and which most of all', () => {
    const md = readFileSync(join(out, 'briefing.md'), 'utf8');
    const themes = md.slice(md.indexOf('## Themes'), md.indexOf('## Sources'));
    const headings = themes.match(/^### .+$/gm) ?? [];
    const lines = themes.match(/^\*Discussed by \d of 5 sources(?:, most of all by \\\[\d(?:; \d)*\])?\.\*$/gm) ?? [];
    expect(headings.length).toBeGreaterThan(3);
    expect(lines.length).toBe(headings.length);
    expect(lines.filter((l) => l.includes('most of all')).length).toBeGreaterThan(0);
  });

  it('fits the one-pager on one A4 page and keeps every word of every PDF inside the margins', async () => {
    for (const t of templates) {
      const pdf = await readPdf(readFileSync(join(out, `${t}.pdf`)));
      if (t === 'one-pager') expect(pdf.pages).toHaveLength(1);
      else expect(pdf.pages.length).toBeGreaterThan(1);
      expect(pdf.fontsEmbedded).toBe(true);
      for (const page of pdf.pages) {
        expect(page.words.length).toBeGreaterThan(3);
        for (const w of page.words) {
          expect(w.x, `${t} "${w.str}"`).toBeGreaterThanOrEqual(margins.left - 0.01);
          expect(w.x + w.width, `${t} "${w.str}"`).toBeLessThanOrEqual(page.width - margins.right + 0.01);
        }
      }
      expect(pdf.outline.length).toBeGreaterThan(2);
    }
  });

  it('renders the same bytes again from model.json in another process', async () => {
    const brief = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8'));
    // The build formats the sources list with the default CSL style; so does this render.
    const { referenceList } = await import('../../src/render/reference-list.js');
    const { loadCslStyle } = await import('../../src/cli/styles.js');
    const references = referenceList(brief, loadCslStyle('apa', null)).formatted;
    const files = await render(brief, loadTemplate('briefing'), { report: new Report() }, { formats: ['pdf', 'docx'], pageSize: 'A4', references });
    expect(files).toHaveLength(2);
    for (const f of files) expect(Buffer.from(f.bytes).equals(readFileSync(join(out, f.name))), f.name).toBe(true);
  });
  // The briefing reads as a policy brief: bottom line, what changed, judgements with their support,
  // agreement, disagreement, recommendations by addressee, then the reference sections.
  const section = (md: string, title: string) => {
    const at = md.indexOf(`\n## ${title}`);
    return at < 0 ? '' : md.slice(at + 1, md.indexOf('\n## ', at + 3) + 1 || undefined);
  };

  it('leads with a bottom line of three to five cited sentences from at least three sources', () => {
    const md = readFileSync(join(out, 'briefing.md'), 'utf8');
    const order = ['Bottom line', 'Key judgements', 'Where the sources agree', 'Where they disagree', 'Recommendations', 'Context', 'Themes', 'Sources', 'Glossary', 'Timeline'].map((t) => md.indexOf(`\n## ${t}\n`));
    expect(order.every((x) => x > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(md.indexOf('\n## ')).toBe(order[0]);
    const lines = section(md, 'Bottom line').split('\n').slice(1).filter((l) => l.trim());
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.length).toBeLessThanOrEqual(5);
    const cited = lines.map((l) => /^- (\p{Lu}.*[.!?]["”’)]?) \\\[(\d)[^\]]*\]$/u.exec(l));
    expect(cited.every(Boolean), lines.join('\n')).toBe(true);
    expect(new Set(cited.map((m) => m![2])).size).toBeGreaterThanOrEqual(3);
    // The sources' own words: every sentence is a finding of the model.
    const brief = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8')) as { findings: { text: string }[] };
    for (const m of cited) expect(brief.findings.some((f) => f.text.replace(/\\/g, '').includes(m![1]!.slice(1, 60).replace(/\\/g, '')))).toBe(true);
  });

  it('gives each key judgement its support out of five sources, naming a single source', () => {
    const md = readFileSync(join(out, 'briefing.md'), 'utf8');
    const items = section(md, 'Key judgements').split('\n').filter((l) => /^\d+\. /.test(l));
    expect(items.length).toBeGreaterThanOrEqual(3);
    for (const l of items) expect(l).toMatch(/ — \*\d of 5 sources(?:: [^*]+)?\* \\\[/);
    expect(items.some((l) => /\*[2-5] of 5 sources/.test(l))).toBe(true);
    for (const l of items.filter((x) => x.includes('*1 of 5 sources'))) expect(l).toMatch(/\*1 of 5 sources: \p{Lu}[^*;]+\*/u);
  });

  it('shows where the sources agree, each point citing two or more sources, and where they disagree on the Doha agreement date', () => {
    const md = readFileSync(join(out, 'briefing.md'), 'utf8');
    const agree = section(md, 'Where the sources agree').split('\n').filter((l) => l.startsWith('- '));
    expect(agree.length).toBeGreaterThanOrEqual(3);
    for (const l of agree) expect((/\\\[([^\]]+)\]$/.exec(l)?.[1] ?? '').split('; ').length, l).toBeGreaterThanOrEqual(2);
    const disagree = section(md, 'Where they disagree');
    expect(disagree).toMatch(/^\*\*When the agreement took place\.\*\*/m);
    const positions = disagree.split('\n').filter((l) => l.startsWith('- '));
    const p2020 = positions.find((l) => l.startsWith('- *2020*'));
    const p2021 = positions.find((l) => l.startsWith('- *2021*'));
    expect(p2020).toMatch(/February 2020.*\\\[1\s§[^\]]*\]$/);
    // The paper that dates it 2021 is the fifth (Shamil), named and cited.
    expect(p2021).toMatch(/^- \*2021\* \(1 of 5 sources: Shamil\): “.*signed in 2021.*” \\\[5\s§[^\]]+\]$/);
  });

  it('explains the recommendation strength labels and keeps the bottom line and judgements on the one-pager', () => {
    const md = readFileSync(join(out, 'briefing.md'), 'utf8');
    const recs = section(md, 'Recommendations');
    expect(recs).toContain('*(explicit)*');
    expect(recs.split('\n### ')[0]).toMatch(/\*explicit\*: the source asks in so many words \(should, must, recommend\)/);
    const one = readFileSync(join(out, 'one-pager.md'), 'utf8');
    expect(one.indexOf('## Bottom line')).toBeLessThan(one.indexOf('## Key judgements'));
    expect(section(one, 'Key judgements')).toMatch(/of 5 sources/);
  });
});
