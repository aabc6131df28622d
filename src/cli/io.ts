/** File-system edges of the CLI: listing and reading sources, loading templates, writing outputs. */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { RawFile } from '../model/document.js';
import { inputError, usageError } from '../model/errors.js';
import { formatOf } from '../ingest/index.js';
import type { LoadedTemplate } from '../render/templates.js';

import { packageRoot } from './version.js';

export const builtinTemplatesDir = join(packageRoot, 'templates');

/** Source files of a folder (not recursive; README files skipped), sorted by name for determinism. */
export function listSources(dir: string): string[] {
  if (!existsSync(dir)) throw inputError(dir, 'sources folder not found');
  if (!statSync(dir).isDirectory()) throw inputError(dir, 'expected a folder of sources, found a file');
  const names = readdirSync(dir)
    .filter((n) => !n.startsWith('.') && !/^readme(\.|$)/i.test(n) && formatOf(n) !== null)
    .sort();
  if (names.length === 0) throw inputError(dir, 'no sources found (expected .txt, .md, .pdf, .docx or .html files)');
  return names.map((n) => join(dir, n));
}

export function readSources(paths: readonly string[]): RawFile[] {
  return paths.map((p) => ({ path: relative(process.cwd(), p) || p, bytes: readFileSync(p) }));
}

/** Loads a template by name; a user folder wins over the built-in one. */
export function loadTemplate(name: string, userDirs: readonly string[] = []): LoadedTemplate {
  for (const base of [...userDirs, builtinTemplatesDir]) {
    const dir = join(base, name);
    const file = join(dir, `${name}.md.hbs`);
    if (!existsSync(file)) continue;
    const partials: Record<string, string> = {};
    const pdir = join(dir, 'partials');
    if (existsSync(pdir)) {
      for (const p of readdirSync(pdir).sort()) if (p.endsWith('.hbs')) partials[p.replace(/(\.md)?\.hbs$/, '')] = readFileSync(join(pdir, p), 'utf8');
    }
    return { name, file: relative(process.cwd(), file) || file, source: readFileSync(file, 'utf8'), partials };
  }
  throw usageError(`unknown template "${name}" (see \`brief templates\`)`);
}

/** Template names available (user folders first, then built-ins). */
export function listTemplates(userDirs: readonly string[] = []): string[] {
  const names = new Set<string>();
  for (const base of [...userDirs, builtinTemplatesDir]) {
    if (!existsSync(base)) continue;
    for (const n of readdirSync(base).sort()) if (existsSync(join(base, n, `${n}.md.hbs`))) names.add(n);
  }
  return [...names];
}

/** Writes a file atomically: a temporary file beside it, then a rename, so a failed build leaves the old one. */
export function writeAtomic(path: string, bytes: Uint8Array | string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}
