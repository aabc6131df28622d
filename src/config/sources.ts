/**
 * Listing the source files a build reads: a folder (as `--sources DIR`), or the config's
 * include/exclude globs walked from their fixed base folders. Sorted for determinism.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { formatOf } from '../ingest/index.js';
import { inputError } from '../model/errors.js';
import { listSources } from '../cli/io.js';
import { globBase, globToRegExp, matchesGlobs } from './glob.js';
import type { SourceSelection } from './resolve.js';

const skipDirs = new Set(['node_modules', '.git', '.briefwright-cache']);

function walk(dir: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.name.startsWith('.') || skipDirs.has(e.name)) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile()) out.push(p);
  }
}

const toPosix = (p: string): string => (sep === '/' ? p : p.split(sep).join('/'));

/** Paths of the selected source files (relative to the working folder), sorted. */
export function listSelectedSources(selection: SourceSelection): string[] {
  if (selection.kind === 'folder') return listSources(selection.dir);
  const include = selection.include.map(globToRegExp);
  const exclude = selection.exclude.map(globToRegExp);
  const found = new Set<string>();
  for (const base of new Set(selection.include.map(globBase))) {
    const start = join(selection.base, base);
    if (!existsSync(start) || !statSync(start).isDirectory()) continue;
    const files: string[] = [];
    walk(start, files);
    for (const f of files) {
      const rel = toPosix(relative(selection.base, f));
      if (formatOf(rel) === null || /(^|\/)readme(\.[^/]*)?$/i.test(rel)) continue;
      // An excluded folder excludes everything below it.
      const parts = rel.split('/');
      const ancestors = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
      if (!include.some((r) => r.test(rel)) || ancestors.some((a) => matchesGlobs(a, exclude, []))) continue;
      found.add(f);
    }
  }
  if (found.size === 0) throw inputError(selection.base, `no sources matched ${selection.include.map((g) => `"${g}"`).join(', ')}${selection.exclude.length ? ` (excluding ${selection.exclude.map((g) => `"${g}"`).join(', ')})` : ''}`);
  // Sort by the path as shown, with a plain code-unit comparison (locale-independent).
  return [...found].sort((a, b) => (toPosix(a) < toPosix(b) ? -1 : toPosix(a) > toPosix(b) ? 1 : 0));
}
