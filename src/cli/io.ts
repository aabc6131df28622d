/** File-system edges of the CLI: listing and reading sources, writing outputs. */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { RawFile } from '../model/document.js';
import { inputError } from '../model/errors.js';
import { formatOf } from '../ingest/index.js';

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

/** Writes a file atomically: a temporary file beside it, then a rename, so a failed build leaves the old one. */
export function writeAtomic(path: string, bytes: Uint8Array | string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}
