/**
 * Analyst overrides: a metadata sidecar beside a source wins over extraction; the config's drop,
 * pin and themes take effect in one rebuild, matched by text; an override matching nothing is a
 * warning naming it; the model and "what changed" record what was overridden.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Brief } from '../../src/model/schema.js';
import { applyOverrides } from '../../src/config/overrides.js';
import { applySidecar, parseSidecar } from '../../src/config/sidecar.js';
import { fixtureBrief } from '../render/fixture.js';
import { repoRoot, runCli } from '../helpers.js';

describe('overrides', () => {
  it('match by id or by a unique substring, and report what matches nothing or too much', () => {
    const brief = fixtureBrief();
    const [f1, f2] = brief.findings;
    const { brief: out, record, problems } = applyOverrides(brief, {
      drop: [f1!.text.slice(5, 40).toUpperCase(), 'no such text anywhere', 'the'],
      pin: [f2!.id],
      themes: { [brief.themes[0]!.label]: 'Analyst label' },
    });
    expect(out.findings.map((f) => f.id)).not.toContain(f1!.id);
    expect(out.themes.every((t) => !t.findingIds.includes(f1!.id))).toBe(true);
    expect(out.findings.find((f) => f.id === f2!.id)!.pinned).toBe(true);
    expect(out.themes[0]!.label).toBe('Analyst label');
    expect(record.dropped).toEqual([{ kind: 'finding', id: f1!.id, text: f1!.text, match: f1!.text.slice(5, 40).toUpperCase() }]);
    expect(problems.map((p) => p.override)).toEqual(['drop: "no such text anywhere"', 'drop: "the"']);
    expect(problems[0]!.message).toMatch(/matches nothing/);
    expect(problems[1]!.message).toMatch(/matches \d+ items/);
  });

  it('read a sidecar strictly, and let its fields win', () => {
    expect(parseSidecar('title: [unclosed')).toHaveProperty('error');
    expect(parseSidecar('titel: Misspelt')).toMatchObject({ error: expect.stringMatching(/unrecognized|titel/i) });
    const parsed = parseSidecar('title: The Real Title\nauthors: [Jane Roe, John Doe]\ndate: 2024-10-21\npublisher: Forum\nseries: Policy Brief No. 14\n');
    expect('sidecar' in parsed).toBe(true);
    const entry = fixtureBrief().sources[0]!;
    const { entry: out, fields } = applySidecar(entry, (parsed as { sidecar: never }).sidecar);
    expect(out.title).toBe('The Real Title');
    expect(out.authors).toEqual(['Jane Roe', 'John Doe']);
    expect(out.year).toBe(2024);
    expect(fields).toEqual(['title', 'authors', 'date', 'publisher', 'series']);
  });

  it('take effect in one rebuild of the bundled papers and are recorded in the model and in what changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brief-overrides-'));
    try {
      cpSync(join(repoRoot, 'sources'), join(dir, 'sources'), { recursive: true, filter: (p) => !p.endsWith('README.md') });
      // Not quiet: warnings are printed only then.
      const build = (epoch: string) => runCli(['build', '--out', 'out', '--format', 'md,html,json'], { cwd: dir, env: { SOURCE_DATE_EPOCH: epoch } });
      writeFileSync(join(dir, 'briefwright.config.yaml'), 'sources: sources\n');
      const first = await build('1767225600');
      expect(first.status, first.stderr).toBe(0);
      const before = JSON.parse(readFileSync(join(dir, 'out', 'model.json'), 'utf8')) as Brief;
      const md0 = readFileSync(join(dir, 'out', 'briefing.md'), 'utf8');
      // The brief leads with its bottom line (the key messages, one source at a time).
      const keyBlock = (md: string) => md.split(/\n## /).find((s) => /^Bottom line/.test(s)) ?? '';
      // Drop a finding the brief shows; pin one it does not show as a key message; rename a theme.
      const shown = before.findings.find((f) => md0.includes(f.text.slice(1, 50)))!;
      const unpinned = before.findings.find((f) => f.id !== shown.id && !keyBlock(md0).includes(f.text.slice(1, 40)) && f.text.length > 60)!;
      const theme = before.themes[0]!;
      const sidecarSource = before.sources[2]!;
      writeFileSync(join(dir, sidecarSource.path.replace(/^.*sources\//, 'sources/').replace(/\.txt$/, '.meta.yaml')), 'title: Analyst Title of the Paper\nyear: 2022\n');
      writeFileSync(
        join(dir, 'briefwright.config.yaml'),
        ['sources: sources', 'overrides:', '  drop:', `    - "${shown.text.slice(10, 70).replace(/"/g, '\\"')}"`, '    - "a sentence no source has"', '  pin:', `    - "${unpinned.text.slice(5, 60).replace(/"/g, '\\"')}"`, '  themes:', `    "${theme.label}": "Analyst theme"`, ''].join('\n'),
      );
      const second = await build('1767312000');
      expect(second.status, second.stderr).toBe(0);
      expect(second.stderr).toMatch(/override drop: "a sentence no source has" matches nothing/);
      const after = JSON.parse(readFileSync(join(dir, 'out', 'model.json'), 'utf8')) as Brief;
      const md = readFileSync(join(dir, 'out', 'briefing.md'), 'utf8');
      expect(after.findings.some((f) => f.text === shown.text)).toBe(false);
      // Only "what changed" still names it, as left out by the analyst.
      expect(md.split(/\n## What changed/)[0]).not.toContain(shown.text.slice(10, 70));
      expect(keyBlock(md)).toContain(unpinned.text.slice(5, 40).replace(/^\S*\s/, ''));
      expect(after.themes.find((t) => t.label === 'Analyst theme')).toBeDefined();
      expect(md).toContain('Analyst theme');
      expect(after.overrides!.dropped).toHaveLength(1);
      expect(after.overrides!.pinned).toHaveLength(1);
      expect(after.overrides!.themes).toEqual([{ id: theme.id, from: theme.label, to: 'Analyst theme' }]);
      expect(after.overrides!.sources).toEqual([expect.objectContaining({ id: sidecarSource.id, fields: ['title', 'year'] })]);
      expect(after.changes!.overrides).toEqual(after.overrides);
      const diff = await runCli(['diff'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1767312000' } });
      expect(diff.status, diff.stderr).toBe(0);
      expect(diff.stdout).toMatch(/Analyst overrides: 1 dropped, 1 pinned, 1 themes named, 1 sources with a sidecar/);
      expect(md).toMatch(/Left out by the analyst \(finding\)/);
      expect(md).toContain('Analyst Title of the Paper');
      const refs = JSON.parse(readFileSync(join(dir, 'out', 'references.json'), 'utf8')) as { id: string; title: string; issued: unknown }[];
      expect(refs.find((r) => r.id === sidecarSource.id)).toMatchObject({ title: 'Analyst Title of the Paper', issued: { 'date-parts': [[2022]] } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
