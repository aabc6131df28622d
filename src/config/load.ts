/**
 * Reading the configuration file: YAML (or JSON, which the YAML parser also reads, so both get
 * line and column) validated with zod. A problem is one error naming the file, the key, its line
 * and column, and what was expected (exit 3).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { inputError, type BriefwrightError } from '../model/errors.js';
import { configSchema, type Config } from './schema.js';
import { findConfig } from './find.js';

export { findConfig } from './find.js';

/** A configuration as loaded: the values, and where they came from (paths resolve against `dir`). */
export interface LoadedConfig {
  config: Config;
  /** Path of the file, as shown in messages; null when there is no config file. */
  file: string | null;
  /** Folder relative paths in the config are resolved against. */
  dir: string;
}

type Path = readonly PropertyKey[];

/** `themes`, `sources.include[2]`, `actorAliases.Islamabad`. */
function keyName(path: Path): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : `${s ? '.' : ''}${String(p)}`;
  return s || '(top level)';
}

/** Offset of the node at `path` (or of the key `key` inside it), when the document has one. */
function offsetOf(doc: Document, path: Path, key?: string): number | undefined {
  const parts = path.map((p) => (typeof p === 'number' ? p : String(p)));
  const node = parts.length === 0 ? doc.contents : doc.getIn(parts, true);
  if (key !== undefined && isMap(node)) {
    for (const pair of node.items) {
      const k = pair.key as { value?: unknown; range?: [number, number, number] } | null;
      if (k && String(k.value) === key && k.range) return k.range[0];
    }
  }
  if (node && typeof node === 'object' && 'range' in node && Array.isArray((node as { range?: unknown }).range)) {
    return (node as { range: [number, number, number] }).range[0];
  }
  // The value is missing (e.g. `title:` with nothing after it): point at its key instead.
  if (parts.length > 0) {
    const parent = parts.length === 1 ? doc.contents : doc.getIn(parts.slice(0, -1), true);
    if (isMap(parent)) return offsetOf(doc, path.slice(0, -1), String(parts[parts.length - 1]));
    if (isSeq(parent) && parent.range) return parent.range[0];
  }
  return undefined;
}

function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `"${v.length > 40 ? v.slice(0, 40) + '…' : v}"`;
  return String(v);
}

function valueAt(data: unknown, path: Path): unknown {
  let v = data;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p as string] : undefined;
  return v;
}

const typeWords: Record<string, string> = {
  string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false',
  array: 'a list', object: 'a mapping', record: 'a mapping',
};

/** Keys allowed in the mapping at `path` (for "expected one of"). */
function knownKeys(path: Path): string[] {
  let shape: unknown = configSchema;
  for (const p of path) {
    const def = (shape as { shape?: Record<string, unknown> }).shape;
    if (!def || typeof p !== 'string') return [];
    shape = def[p];
    // Unwrap optional() and union() down to the object schema.
    for (let i = 0; i < 4 && shape && !(shape as { shape?: unknown }).shape; i++) {
      const d = (shape as { def?: { innerType?: unknown; options?: unknown[] } }).def;
      shape = d?.innerType ?? d?.options?.find((o) => (o as { shape?: unknown }).shape);
    }
  }
  return Object.keys((shape as { shape?: Record<string, unknown> })?.shape ?? {});
}

/** The known key nearest to a misspelt one (edit distance at most 2), if any. */
function closest(key: string, known: readonly string[]): string | null {
  const dist = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let prev = row[0];
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const cur = row[j];
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
        prev = cur;
      }
    }
    return row[b.length];
  };
  let best: string | null = null;
  let bestD = 3;
  for (const k of known) {
    const d = dist(key, k);
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return best;
}

/** The first issue, made specific (unions are opened at the branch the value's type chose). */
function explain(issue: z.core.$ZodIssue, data: unknown, prefix: Path = []): { path: Path; key?: string; text: string } {
  const path = [...prefix, ...issue.path];
  const got = describeValue(valueAt(data, path));
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0];
      const known = knownKeys(path);
      const near = closest(key, known);
      return { path, key, text: `unknown key "${keyName([...path, key])}", expected ${near ? `"${near}" or ` : ''}one of ${known.join(', ')}` };
    }
    case 'invalid_type':
      return { path, text: `"${keyName(path)}" is ${got}, expected ${typeWords[issue.expected] ?? issue.expected}` };
    case 'invalid_value':
      return { path, text: `"${keyName(path)}" is ${got}, expected one of ${issue.values.map((v) => String(v)).join(', ')}` };
    case 'invalid_union': {
      // The branch whose root type matched the value says what is really wrong.
      const branch = issue.errors.find((errs) => !errs.some((e) => e.code === 'invalid_type' && e.path.length === 0));
      if (branch && branch.length > 0) return explain(branch[0], data, path);
      return { path, text: `"${keyName(path)}" is ${got}, expected ${path[0] === 'sources' ? 'a folder name or a mapping with include/exclude globs' : 'another kind of value'}` };
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const word = issue.code === 'too_small' ? 'at least' : 'at most';
      const what = issue.origin === 'array' ? ` item${Number(bound) === 1 ? '' : 's'}` : issue.origin === 'string' ? ` character${Number(bound) === 1 ? '' : 's'}` : '';
      return { path, text: `"${keyName(path)}" is ${got}, expected ${word} ${String(bound)}${what}` };
    }
    case 'invalid_format':
    default:
      return { path, text: `"${keyName(path)}" is ${got}, ${issue.message.replace(/^Invalid input: /, '').replace(/^Too (small|big): /, '')}` };
  }
}

/** Parses and validates config text; `file` names it in errors. Throws a BriefwrightError (exit 3). */
export function parseConfig(text: string, file: string): Config {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const fail = (message: string, offset?: number): BriefwrightError => {
    if (offset === undefined) return inputError(file, message);
    const { line, col } = lineCounter.linePos(offset);
    return inputError(file, message, line, col);
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw fail(`unreadable config: ${e.message.split('\n')[0]}`, e.pos[0]);
  }
  let data: unknown = doc.toJS();
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) throw fail(`expected a mapping of settings (key: value), found ${describeValue(data)}`, 0);
  const parsed = configSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const { path, key, text: message } = explain(parsed.error.issues[0], data);
  throw fail(message, offsetOf(doc, path, key));
}

/**
 * Loads `explicit` (from --config; it must exist) or the config file in `cwd`. With neither, an
 * empty config (all defaults).
 */
export function loadConfig(explicit: string | undefined, cwd: string = process.cwd()): LoadedConfig {
  const path = explicit ?? findConfig(cwd);
  if (!path) return { config: {}, file: null, dir: cwd };
  const shown = relative(cwd, path) || path;
  if (!existsSync(path)) throw inputError(shown, 'config file not found');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw inputError(shown, `cannot read config file (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return { config: parseConfig(text, shown), file: shown, dir: dirname(resolve(cwd, path)) };
}
