/**
 * References: a CSL-JSON item and a BibTeX entry for every source of the bundled papers and of
 * the development PDFs, both well formed, formatted by citeproc with every shipped style; no
 * "Anonymous", no slug titles, a missing field left out and listed.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Brief } from '../../src/model/schema.js';
import { referenceList, referenceFiles } from '../../src/render/reference-list.js';
import { cslItem, cslName, isSlugTitle, seriesParts, journalParts, type CslItem } from '../../src/render/csl-items.js';
import { toBibtex } from '../../src/render/bibtex.js';
import { loadCslStyle, shippedStyles } from '../../src/cli/styles.js';
import { repoRoot, runCli, sharedDir } from '../helpers.js';

const cslTypes = new Set(['article-journal', 'report', 'webpage']);

/** CSL-JSON as the schema has it: id, type, names as family/given or literal, dates as integer parts. */
function checkCsl(items: unknown[]): string[] {
  const errors: string[] = [];
  for (const raw of items) {
    const it = raw as CslItem & Record<string, unknown>;
    if (typeof it.id !== 'string' || !it.id) errors.push(`no id: ${JSON.stringify(it).slice(0, 60)}`);
    if (!cslTypes.has(it.type)) errors.push(`${it.id}: type ${it.type}`);
    for (const [k, v] of Object.entries(it)) if (k !== 'author' && k !== 'issued' && typeof v !== 'string') errors.push(`${it.id}: ${k} is not a string`);
    for (const n of it.author ?? []) {
      const ok = ('literal' in n && typeof n.literal === 'string' && n.literal.trim()) || ('family' in n && typeof n.family === 'string' && n.family.trim());
      if (!ok) errors.push(`${it.id}: bad name ${JSON.stringify(n)}`);
      if (/anonymous|et al/i.test(JSON.stringify(n))) errors.push(`${it.id}: placeholder name`);
    }
    const parts = it.issued?.['date-parts'];
    if (it.issued && !(Array.isArray(parts) && parts.length === 1 && parts[0]!.every((x) => Number.isInteger(x)) && parts[0]!.length <= 3)) errors.push(`${it.id}: bad issued`);
  }
  return errors;
}

/** BibTeX well formed: entries `@type{key,` with `name = {value}` fields, braces balanced, keys unique. */
function checkBib(bib: string): { entries: number; errors: string[] } {
  const errors: string[] = [];
  const keys = new Set<string>();
  const entries = bib.trim().split(/\n\n(?=@)/);
  for (const e of entries) {
    const head = /^@(article|techreport|misc)\{([A-Za-z0-9_:-]+),\n/.exec(e);
    if (!head) { errors.push(`bad head: ${e.slice(0, 40)}`); continue; }
    if (keys.has(head[2]!)) errors.push(`duplicate key ${head[2]}`);
    keys.add(head[2]!);
    let depth = 0;
    for (let i = 0; i < e.length; i++) {
      if (e[i] === '\\') { i++; continue; }
      if (e[i] === '{') depth++;
      if (e[i] === '}') depth--;
      if (depth < 0) errors.push(`${head[2]}: unbalanced`);
    }
    if (depth !== 0) errors.push(`${head[2]}: unbalanced`);
    const body = e.slice(head[0].length, e.lastIndexOf('}')).trimEnd();
    for (const line of body.split(',\n')) if (!/^ {2}[a-z]+ = \{[\s\S]*\}$/.test(line)) errors.push(`${head[2]}: bad field ${line.slice(0, 40)}`);
    if (head[1] === 'techreport' && !/\n {2}institution = /.test(e)) errors.push(`${head[2]}: techreport without institution`);
  }
  return { entries: entries.length, errors };
}

function checkBrief(brief: Brief) {
  const list = referenceList(brief);
  expect(list.items).toHaveLength(brief.sources.length);
  expect(checkCsl(list.items)).toEqual([]);
  // A reference with neither author nor publisher, or no date, is listed as lacking them.
  for (const item of list.items) {
    const path = brief.sources.find((x) => x.id === item.id)!.path;
    const lacks = list.missing.find((m) => m.path === path)?.fields ?? [];
    if (!item.author) expect(lacks).toContain('author');
    if (!item.issued) expect(lacks).toContain('issued');
    if (!item.title) expect(lacks).toContain('title');
  }
  const [json, bib] = referenceFiles(list);
  expect(JSON.parse(new TextDecoder().decode(json!.bytes))).toEqual(list.items);
  const b = checkBib(new TextDecoder().decode(bib!.bytes));
  expect(b.errors).toEqual([]);
  expect(b.entries).toBe(brief.sources.length);
  for (const item of list.items) {
    const s = brief.sources.find((x) => x.id === item.id)!;
    if (item.title) expect(isSlugTitle(item.title, s.path)).toBe(false);
  }
  for (const name of shippedStyles()) {
    const f = referenceList(brief, loadCslStyle(name, null)).formatted!;
    expect(f.html.size).toBe(brief.sources.length);
    for (const [id, md] of f.markdown) {
      expect(md, `${name} ${id}`).not.toMatch(/Anonymous|^\s*$/);
      const title = list.items.find((i) => i.id === id)!.title;
      const plain = (t: string) => t.replace(/\\/g, '').replace(/[‘’]/g, "'").toLowerCase();
      if (title) expect(plain(md)).toContain(plain(title.split(/[:]/)[0]!.slice(0, 20)));
    }
  }
  return list;
}

describe('references', () => {
  it('read names, series and venues as a reference manager wants them', () => {
    expect(cslName('Dr. Saima Qaisrani')).toEqual({ family: 'Qaisrani', given: 'Saima' });
    expect(cslName('Ludwig van der Berg')).toEqual({ family: 'van der Berg', given: 'Ludwig' });
    expect(cslName('et al')).toBeNull();
    expect(cslName('Anonymous')).toBeNull();
    expect(seriesParts('Policy Brief No. 14')).toEqual({ genre: 'Policy Brief', number: '14' });
    expect(seriesParts('Occasional Papers')).toEqual({ collection: 'Occasional Papers' });
    expect(journalParts('Pakistan Journal of American Studies, 41(2), 40-69')).toEqual({ 'container-title': 'Pakistan Journal of American Studies', volume: '41', issue: '2', page: '40-69' });
    expect(isSlugTitle('farhan-2024-us-withdrawal', 'sources/farhan-2024-us-withdrawal.txt')).toBe(true);
  });

  it('type grey literature as a report with publisher and number, and list what a source lacks', () => {
    const base = { id: 'r1', path: 'docs/r1.pdf', sha256: '0'.repeat(64), format: 'pdf' as const, authors: ['et al'], keywords: [], abstract: null, sections: [], keyphrases: [], summary: [] };
    const { item, missing } = cslItem({ ...base, title: 'Border Trade after the Closure', publisher: 'Takshashila Institution', series: 'Discussion Document No. 3', date: '2021-10-05' });
    expect(item).toMatchObject({ type: 'report', author: [{ literal: 'Takshashila Institution' }], publisher: 'Takshashila Institution', genre: 'Discussion Document', number: '3', issued: { 'date-parts': [[2021, 10, 5]] } });
    expect(missing).toEqual([]);
    // the structure stage gives a report's venue as "series, publisher": still a report, not a journal
    const withVenue = cslItem({ ...base, title: 'Border Trade after the Closure', publisher: 'Takshashila Institution', series: 'Discussion Document No. 3', venue: 'Discussion Document No. 3, Takshashila Institution' });
    expect(withVenue.item.type).toBe('report');
    expect(withVenue.item['container-title']).toBeUndefined();
    const bare = cslItem({ ...base, title: 'r1' });
    expect(bare.item.title).toBeUndefined();
    expect(bare.item.author).toBeUndefined();
    expect(bare.missing).toEqual(['title', 'author', 'issued', 'publisher']);
    const bib = toBibtex([item, bare.item]);
    expect(bib).toContain('@techreport{r1,');
    expect(bib).toContain('  institution = {Takshashila Institution}');
    expect(bib).toContain('@misc{r1-2,');
  });

  it('are valid CSL-JSON and BibTeX for every bundled paper, written next to the brief', async () => {
    const out = mkdtempSync(join(tmpdir(), 'brief-refs-'));
    try {
      const r = await runCli(['build', '--sources', join(repoRoot, 'sources'), '--out', out, '--format', 'md,json', '--no-cache', '--quiet']);
      expect(r.status, r.stderr).toBe(0);
      const brief = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8')) as Brief;
      checkBrief(brief);
      expect(JSON.parse(readFileSync(join(out, 'references.json'), 'utf8'))).toHaveLength(brief.sources.length);
      expect(checkBib(readFileSync(join(out, 'references.bib'), 'utf8')).errors).toEqual([]);
      expect(readFileSync(join(out, 'briefing.md'), 'utf8')).not.toMatch(/Anonymous/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 240_000);

  const policy = join(sharedDir, 'eval', 'policy-pdf', 'docs');
  it.skipIf(!existsSync(policy))('are valid CSL-JSON and BibTeX for every development PDF', async () => {
    const out = mkdtempSync(join(tmpdir(), 'brief-refs-pdf-'));
    try {
      const r = await runCli(['extract', '--sources', policy, '-o', join(out, 'model.json'), '--no-cache']);
      expect(r.status, r.stderr).toBe(0);
      const brief = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8')) as Brief;
      expect(brief.sources.length).toBe(10);
      checkBrief(brief);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 600_000);
});
