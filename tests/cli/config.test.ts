import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = join(process.cwd(), 'dist/brief/main.js');
const run = (cwd: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000', NO_COLOR: '', ...env } });

const water = `# Groundwater in the Indus basin

## Findings

Our analysis shows that groundwater use rose by a third between 2001 and 2020, while recharge fell. The evidence suggests that subsidised electricity drives over-pumping.

## Recommendations

The government should meter agricultural wells. Provincial authorities must publish annual aquifer data.
`;
const trade = `# Trade routes after the withdrawal

## Findings

The study finds that exports through Torkham fell by half after 2021. Transit trade shifted to Iranian ports.

## Recommendations

Islamabad should negotiate a transit agreement with Kabul. Donors should fund customs modernisation.
`;
const ports = `# Ports and shipping

## Findings

We find that container traffic at Gwadar doubled in five years, though from a small base.

## Recommendations

The port authority should publish monthly traffic statistics.
`;

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bw-cli-cfg-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

describe('brief build with a config file', () => {
  it('rejects a bad config with one line naming file, line, column and key (exit 3), before any work', () => {
    const dir = project({ 'briefwright.config.yaml': 'title: Water\nsumaryWords: 100\n', 'sources/a.md': water });
    const r = run(dir, ['build']);
    expect(r.status).toBe(3);
    expect(r.stderr.trim().split('\n')).toEqual(['brief: briefwright.config.yaml:2:1: error: unknown key "sumaryWords", expected "summaryWords" or one of ' + 'title, subtitle, organisation, authors, edition, templates, templatesDir, formats, sources, out, allowOutsideOut, actorAliases, themes, keyMessages, summaryWords, pageSize, fonts, cache, references, overrides']);
    const json = project({ 'c.json': '{\n  "themes": "many"\n}\n', 'sources/a.md': water });
    const j = run(json, ['build', '--config', 'c.json']);
    expect(j.status).toBe(3);
    expect(j.stderr).toMatch(/^brief: c\.json:2:13: error: "themes" is "many", expected a number\n$/);
    expect(run(json, ['build', '--config', 'missing.yaml']).stderr).toContain('missing.yaml: error: config file not found');
    // A body size the PDF would not honour is refused, not quietly clamped.
    const big = project({ 'briefwright.config.yaml': 'fonts:\n  size: 16\n', 'sources/a.md': water });
    const b = run(big, ['build']);
    expect(b.status).toBe(3);
    expect(b.stderr).toMatch(/^brief: briefwright\.config\.yaml:2:9: error: "fonts\.size" is 16, expected .*14/);
  });

  it('applies config settings, lets flags win, keeps editions and says what changed since the last one', () => {
    const dir = project({
      'briefwright.config.yaml': 'title: Water and trade\norganisation: Policy Unit\nauthors: [A. Analyst]\nedition: "2026-01-05"\nformats: [md, json]\nsources:\n  include: ["papers/**/*.md"]\n  exclude: ["**/draft-*"]\nout: build\nactorAliases: { Islamabad: Pakistan }\n',
      'papers/water.md': water,
      'papers/more/trade.md': trade,
      'papers/draft-ports.md': ports,
    });
    const first = run(dir, ['build']);
    expect(first.status, first.stderr).toBe(0);
    // Not a terminal: plain progress lines on stdout, no escapes.
    expect(first.stdout).toMatch(/^brief build: 2 sources \(config briefwright\.config\.yaml\)\n/);
    expect(first.stdout).not.toMatch(/\u001b/);
    const m1 = JSON.parse(readFileSync(join(dir, 'build', 'model.json'), 'utf8'));
    expect([m1.title, m1.organisation, m1.date, m1.authors]).toEqual(['Water and trade', 'Policy Unit', '2026-01-05', ['A. Analyst']]);
    expect(m1.sources.map((s: { path: string }) => s.path)).toEqual(['papers/more/trade.md', 'papers/water.md']);
    expect(m1.changes).toBeUndefined();
    expect(existsSync(join(dir, 'build', 'briefing.pdf'))).toBe(false);
    expect(existsSync(join(dir, 'build', 'editions', '2026-01-05', 'model.json'))).toBe(true);

    // A week later, with the ports paper no longer a draft; a flag overrides the config's title.
    writeFileSync(join(dir, 'papers', 'ports.md'), ports);
    const second = run(dir, ['build', '--edition', '2026-01-12', '--title', 'Weekly brief', '--quiet']);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout + second.stderr).toBe('');
    const m2 = JSON.parse(readFileSync(join(dir, 'build', 'model.json'), 'utf8'));
    expect(m2.title).toBe('Weekly brief');
    expect(m2.changes.since).toBe('2026-01-05');
    expect(m2.changes.sources.added.map((s: { path: string }) => s.path)).toEqual(['papers/ports.md']);
    expect(m2.changes.sources.unchanged).toBe(2);
    expect(m2.changes.findings.added.length).toBeGreaterThan(0);
    expect(m2.changes.findings.added.every((f: { sourceIds: string[] }) => f.sourceIds.includes('ports'))).toBe(true);
    expect(m2.changes.findings.removed).toEqual([]);
    const md = readFileSync(join(dir, 'build', 'briefing.md'), 'utf8');
    expect(md).toContain('## What changed since 5 January 2026\n');
    expect(md).toMatch(/\n- New source: Ports and shipping\n/);

    const diff = run(dir, ['diff', 'build/editions/2026-01-05/model.json', 'build']);
    expect(diff.status, diff.stderr).toBe(0);
    expect(diff.stdout).toContain('Sources: 1 new, 0 removed, 2 unchanged');
    expect(diff.stdout).toMatch(/\n {2}\+ .*\(papers\/ports\.md\)\n/);
    const dj = JSON.parse(run(dir, ['diff', '--json', 'build/editions/2026-01-05', 'build/model.json']).stdout);
    expect(dj.sources.added).toHaveLength(1);
    expect(run(dir, ['diff', 'build/model.json', 'nothing.json']).status).toBe(3);
    // An edition that is no day: a usage error before any work, not a template failure.
    const month13 = run(dir, ['build', '--edition', '2026-13-45']);
    expect([month13.status, month13.stderr]).toEqual([2, 'brief: error: --edition must be a date as YYYY-MM-DD, got "2026-13-45"\n']);
    // Without files: the out folder's model against its previous edition.
    expect(run(dir, ['diff', '--out', 'build']).stdout).toBe(diff.stdout.replace('build/editions/2026-01-05/model.json', join('build', 'editions', '2026-01-05', 'model.json')).replace(' to build\n', ` to ${join('build', 'model.json')}\n`));
  });

  it('brief extract reads the same config (title, source globs) and writes the model', () => {
    const dir = project({
      'briefwright.config.yaml': 'title: Extracted\nedition: "2026-02-02"\nsources:\n  include: ["papers/*.md"]\n',
      'papers/water.md': water,
      'papers/trade.md': trade,
      'elsewhere/ports.md': ports,
    });
    const r = run(dir, ['extract', '-o', 'model.json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const m = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
    expect([m.title, m.date]).toEqual(['Extracted', '2026-02-02']);
    expect(m.sources.map((s: { path: string }) => s.path)).toEqual(['papers/trade.md', 'papers/water.md']);
  });
});

describe('how much the brief shows, set by the user', () => {
  // The bundled papers have enough findings for five key messages, so a smaller number is visible.
  const papers = Object.fromEntries(
    readdirSync(join(process.cwd(), 'sources'))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => [`sources/${f}`, readFileSync(join(process.cwd(), 'sources', f), 'utf8')]),
  );
  // The bottom line: one sentence a line, each ending with its citation.
  const keyMessages = (md: string) => md.slice(md.indexOf('## Bottom line') + 15, md.indexOf('\n## ', md.indexOf('## Bottom line') + 3)).split('\n').filter((l) => /\]$/.test(l)).length;
  // Words of each source's paragraph in "The sources in brief" of the instructor's key (the line under each `### n. title`).
  const sourceParagraphWords = (md: string) => {
    const part = md.slice(md.indexOf('## The sources in brief'));
    const lines = part.split('\n');
    return lines.flatMap((l, i) => (l.startsWith('### ') ? [lines[i + 2].split(/\s+/).length] : []));
  };

  it('keyMessages and summaryWords from the config, then from flags, override the template limits', () => {
    const dir = project({ ...papers, 'briefwright.config.yaml': 'keyMessages: 2\nsummaryWords: 40\nformats: [md]\ntemplates: [briefing, handout]\n' });
    expect(run(dir, ['build', '--quiet']).status).toBe(0);
    expect(keyMessages(readFileSync(join(dir, 'out/briefing.md'), 'utf8'))).toBe(2);
    const key = readFileSync(join(dir, 'out/handout-key.md'), 'utf8');
    const words = sourceParagraphWords(key);
    expect(words).toHaveLength(5);
    // 40 words and the citation; a sentence is cut at a word, so a few more tokens at most.
    for (const n of words) expect(n).toBeGreaterThan(20), expect(n).toBeLessThanOrEqual(45);
    expect(run(dir, ['build', '--quiet', '--key-messages', '3']).status).toBe(0);
    expect(keyMessages(readFileSync(join(dir, 'out/briefing.md'), 'utf8'))).toBe(3);
    // Unset, each template keeps its own: five in the briefing.
    writeFileSync(join(dir, 'briefwright.config.yaml'), 'formats: [md]\n');
    expect(run(dir, ['build', '--quiet']).status).toBe(0);
    expect(keyMessages(readFileSync(join(dir, 'out/briefing.md'), 'utf8'))).toBe(5);
  });
});
