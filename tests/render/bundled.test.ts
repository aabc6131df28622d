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
    const themes = md.slice(md.indexOf('## Themes'), md.indexOf('## Recommendations'));
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
});
