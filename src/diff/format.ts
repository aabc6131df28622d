/**
 * What changed between two editions, written out: plain text for a terminal (`brief diff`) and
 * Markdown for a CI job summary or a pull request (`brief diff --format md`). Pure.
 */
import type { EditionChanges } from '../model/schema.js';

const cut = (t: string, n = 160) => (t.length > n ? t.slice(0, n - 1) + '…' : t);

/** One group of a diff: its counts and items; `changed` items are "old → new" or a note. */
interface Group {
  title: string;
  added: string[];
  removed: string[];
  changed: string[];
  unchanged?: number;
  changedWord: string;
}

/** The groups of a diff, in the order a reader wants them: sources, then what the brief says. */
function groups(c: EditionChanges): Group[] {
  const src = (s: { title: string; path: string }) => `${s.title} (${s.path})`;
  const sources = (ids: readonly string[]) => (ids.length ? ` [${ids.join(', ')}]` : '');
  const list: Group[] = [
    { title: 'Sources', added: c.sources.added.map(src), removed: c.sources.removed.map(src), changed: c.sources.changed.map(src), unchanged: c.sources.unchanged, changedWord: 'changed' },
    {
      title: 'Themes',
      added: c.themes.added.map((t) => t.label),
      removed: c.themes.removed.map((t) => (t.into ? `${t.label} (merged into ${t.into})` : t.label)),
      changed: (c.themes.renamed ?? []).map((t) => `${t.from} → ${t.to}`),
      unchanged: c.themes.unchanged,
      changedWord: 'renamed',
    },
    {
      title: 'Findings',
      added: c.findings.added.map((f) => cut(f.text) + sources(f.sourceIds)),
      removed: c.findings.removed.map((f) => cut(f.text) + sources(f.sourceIds)),
      changed: (c.findings.changed ?? []).map((f) => `${cut(f.text)} (was: ${cut(f.from, 80)})`),
      unchanged: c.findings.unchanged,
      changedWord: 'reworded',
    },
    {
      title: 'Recommendations',
      added: c.recommendations.added.map((r) => cut(r.text) + sources(r.sourceIds)),
      removed: c.recommendations.removed.map((r) => cut(r.text) + sources(r.sourceIds)),
      changed: (c.recommendations.changed ?? []).map((r) => `${cut(r.text)} (was: ${cut(r.from, 80)})`),
      unchanged: c.recommendations.unchanged,
      changedWord: 'reworded',
    },
  ];
  if (c.agreements) {
    const point = (a: { text: string; sourceIds: string[] }) => `${cut(a.text)} — ${a.sourceIds.length} sources [${a.sourceIds.join(', ')}]`;
    list.push({ title: 'Agreements', added: c.agreements.added.map(point), removed: c.agreements.removed.map(point), changed: [], unchanged: c.agreements.unchanged, changedWord: 'changed' });
  }
  return list;
}

const counts = (g: Group) => `${g.added.length} new, ${g.removed.length} removed${g.changed.length ? `, ${g.changed.length} ${g.changedWord}` : ''}${g.unchanged !== undefined ? `, ${g.unchanged} unchanged` : ''}`;

/** The changes as plain text (one item per line, grouped; + new, - removed, ~ changed). */
export function formatChanges(c: EditionChanges, labels: { old: string; new: string }): string {
  const lines: string[] = [`Changes from ${labels.old}${c.since ? ` (${c.since})` : ''} to ${labels.new}`];
  for (const g of groups(c)) {
    lines.push('', `${g.title}: ${counts(g)}`);
    for (const a of g.added) lines.push(`  + ${a}`);
    for (const r of g.removed) lines.push(`  - ${r}`);
    for (const m of g.changed) lines.push(`  ~ ${m}`);
  }
  const o = c.overrides;
  if (o) {
    lines.push('', `Analyst overrides: ${o.dropped.length} dropped, ${o.pinned.length} pinned, ${o.themes.length} themes named, ${o.sources.length} sources with a sidecar`);
    for (const d of o.dropped) lines.push(`  - ${d.kind}: ${cut(d.text)}`);
    for (const p of o.pinned) lines.push(`  ! key message: ${cut(p.text)}`);
    for (const t of o.themes) lines.push(`  ~ ${t.from} → ${t.to}`);
    for (const s of o.sources) lines.push(`  ~ ${s.file}: ${s.fields.join(', ')}`);
  }
  return lines.join('\n') + '\n';
}

/** Text from a model made safe in Markdown: no markup, links or HTML of its own. */
function md(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|~]/g, (ch) => `\\${ch}`).replace(/\s+/g, ' ');
}

/** The changes as Markdown: a heading, a count table, then each group's items (for `$GITHUB_STEP_SUMMARY`). */
export function formatChangesMarkdown(c: EditionChanges, labels: { old: string; new: string; date?: string }): string {
  const gs = groups(c);
  const lines = [`## What changed since ${c.since ?? 'the last edition'}`, '', `${md(labels.old)} → ${md(labels.new)}${labels.date ? ` (${labels.date})` : ''}`, ''];
  lines.push('| | new | removed | changed | unchanged |', '|---|---:|---:|---:|---:|');
  for (const g of gs) lines.push(`| ${g.title} | ${g.added.length} | ${g.removed.length} | ${g.changed.length} | ${g.unchanged ?? ''} |`);
  for (const g of gs) {
    if (!g.added.length && !g.removed.length && !g.changed.length) continue;
    lines.push('', `### ${g.title}`, '');
    for (const a of g.added) lines.push(`- **New:** ${md(a)}`);
    for (const r of g.removed) lines.push(`- **Removed:** ${md(r)}`);
    for (const m of g.changed) lines.push(`- **${g.changedWord[0]!.toUpperCase()}${g.changedWord.slice(1)}:** ${md(m)}`);
  }
  if (gs.every((g) => !g.added.length && !g.removed.length && !g.changed.length)) lines.push('', 'Nothing of substance changed.');
  return lines.join('\n') + '\n';
}

/** What a first edition says in place of a diff. */
export function firstEditionMarkdown(date: string): string {
  return `## What changed since the last edition\n\nThis is the first edition (${date}): there is no earlier one to compare with.\n`;
}
