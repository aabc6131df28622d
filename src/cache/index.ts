/**
 * The per-source cache (`.briefwright-cache/`): ingest + structure + analyze results keyed by the
 * source's bytes and path, the analyze options, the program version and a hash of the program's own
 * code, so a rebuild with nothing changed skips that work and a changed analyser invalidates it.
 *
 * An entry is `BWC1\n` + sha256 of the payload (hex) + `\n` + payload, the payload being the
 * structured-clone serialisation of `{ analysis, messages }` (it keeps every value exactly as the
 * analyser produced it, so the cache cannot change outputs). A damaged entry fails its checksum
 * and is recomputed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { AnalyzeOptions } from '../model/context.js';
import type { Diagnostic } from '../model/diagnostics.js';
import type { RawFile, SourceAnalysis } from '../model/document.js';

/** What one source's per-source work produced: its analysis (null when unreadable) and messages. */
export interface SourceResult {
  analysis: SourceAnalysis | null;
  messages: Diagnostic[];
}

const magic = Buffer.from('BWC1\n');
const sumLength = 64;

/** Stable JSON (keys sorted) so equal options always give the same key. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return '[' + value.map(stableJson).join(',') + ']';
  const keys = Object.keys(value as object).sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + stableJson((value as Record<string, unknown>)[k])).join(',') + '}';
}

/** Hex SHA-256 of bytes or text. */
export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

// Folders whose code cannot change what per-source work produces; everything else is hashed.
const notAnalysis = new Set(['cli', 'render', 'cache', 'config', 'diff', 'bench']);

const codeHashMemo = new Map<string, string>();

/**
 * A hash of the program's own code (the compiled `.js`, or the `.ts` when run from source) and of
 * the installed dependency versions, so editing the analyser or upgrading a package invalidates
 * the cache even when the version number did not move. `scope: 'analysis'` leaves out the code
 * that cannot change per-source results (CLI, rendering…); `'all'` is every file.
 */
export function programCodeHash(scope: 'analysis' | 'all' = 'analysis'): string {
  const memo = codeHashMemo.get(scope);
  if (memo) return memo;
  // Unbundled, this file is src/cache/index and the program is the folder above (folders of code
  // that cannot change per-source results are left out for 'analysis'). In the bundle (dist/brief)
  // the code is mixed into chunks, so the whole bundle folder is hashed for either scope, and
  // `make build` saves that hash beside the chunks.
  const here = dirname(fileURLToPath(import.meta.url));
  const bundled = basename(here) !== 'cache';
  let digest = bundled ? savedCodeHash(here) : null;
  digest ??= hashCodeFolder(bundled ? here : dirname(here), bundled || scope === 'all' ? new Set() : notAnalysis);
  codeHashMemo.set(scope, digest);
  return digest;
}

/** The file in the bundle folder that holds its code hash (hashing 5 MB of chunks took 30 ms of every build). */
export const codeHashFile = 'code-hash.txt';

function savedCodeHash(dir: string): string | null {
  try {
    const saved = readFileSync(join(dir, codeHashFile), 'utf8').trim();
    return /^[0-9a-f]{64}$/.test(saved) ? saved : null;
  } catch {
    return null;
  }
}

/** Hash of the code files below `root` (top-level folders in `skip` left out) and of the nearest package-lock.json. */
export function hashCodeFolder(root: string, skip: ReadonlySet<string>): string {
  const h = createHash('sha256');
  const files: string[] = [];
  const walk = (dir: string, top: boolean): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (top && skip.has(e.name)) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p, false);
      else if (/\.(js|ts|mjs|json)$/.test(e.name)) files.push(p);
    }
  };
  walk(root, true);
  files.sort();
  for (const f of files) h.update(f.slice(root.length)).update('\0').update(readFileSync(f)).update('\0');
  // package-lock.json pins the analyser's libraries (wink-nlp, its model, pdfjs…).
  let dir = root;
  for (let i = 0; i < 4; i++) {
    const lock = join(dir, 'package-lock.json');
    if (existsSync(lock)) {
      h.update(readFileSync(lock));
      break;
    }
    dir = dirname(dir);
  }
  return h.digest('hex');
}

/** Outcome of a lookup. */
export type CacheLookup = { status: 'hit'; result: SourceResult } | { status: 'miss' } | { status: 'corrupt'; reason: string };

/** A cache folder for one program (the salt: version + code hash). */
export class SourceCache {
  private readonly salt: string;
  constructor(readonly dir: string, programVersion: string, codeHash: string = programCodeHash()) {
    this.salt = `${programVersion}\0${codeHash}`;
  }

  /** The key of a source: its bytes, its path (and any other field of the file), the options, the program. */
  keyOf(file: RawFile, options: AnalyzeOptions): string {
    const { bytes, ...rest } = file;
    return sha256(`${this.salt}\0${stableJson(options)}\0${stableJson(rest)}\0${sha256(bytes)}`);
  }

  private pathOf(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.bin`);
  }

  get(key: string): CacheLookup {
    const p = this.pathOf(key);
    let bytes: Buffer;
    try {
      bytes = readFileSync(p);
    } catch {
      return { status: 'miss' };
    }
    const head = magic.length + sumLength + 1;
    if (bytes.length < head || !bytes.subarray(0, magic.length).equals(magic)) return this.drop(p, 'bad header');
    const sum = bytes.subarray(magic.length, magic.length + sumLength).toString('latin1');
    const payload = bytes.subarray(head);
    if (sha256(payload) !== sum) return this.drop(p, 'checksum mismatch');
    try {
      const result = deserialize(payload) as SourceResult;
      if (!result || !Array.isArray(result.messages)) return this.drop(p, 'unexpected content');
      this.touch(p);
      return { status: 'hit', result };
    } catch {
      return this.drop(p, 'undecodable payload');
    }
  }

  /** Marks an entry as used now, so pruning keeps recently used entries. */
  private touch(path: string): void {
    try {
      const now = new Date();
      utimesSync(path, now, now);
    } catch {
      // a read-only cache still works
    }
  }

  /**
   * Keeps the folder from growing without bound (every program or option change leaves old
   * entries behind): beyond `limit` entries, the least recently used ones not in `used` go.
   * Returns how many were removed.
   */
  prune(used: ReadonlySet<string>, limit: number): number {
    if (!existsSync(this.dir)) return 0;
    const entries: { path: string; key: string; mtime: number }[] = [];
    for (const sub of readdirSync(this.dir)) {
      const d = join(this.dir, sub);
      let names: string[];
      try {
        names = readdirSync(d);
      } catch {
        continue;
      }
      for (const f of names) {
        if (!f.endsWith('.bin')) continue;
        const path = join(d, f);
        try {
          entries.push({ path, key: f.slice(0, -4), mtime: statSync(path).mtimeMs });
        } catch {
          // removed meanwhile
        }
      }
    }
    if (entries.length <= limit) return 0;
    let removed = 0;
    const old = entries.filter((e) => !used.has(e.key)).sort((a, b) => a.mtime - b.mtime || (a.key < b.key ? -1 : 1));
    for (const e of old) {
      if (entries.length - removed <= limit) break;
      rmSync(e.path, { force: true });
      removed++;
    }
    return removed;
  }

  private drop(path: string, reason: string): CacheLookup {
    rmSync(path, { force: true });
    return { status: 'corrupt', reason };
  }

  /** Stores an entry atomically (temporary file + rename), so a crash never leaves half an entry. */
  put(key: string, result: SourceResult): void {
    const p = this.pathOf(key);
    const payload = serialize(result);
    mkdirSync(dirname(p), { recursive: true });
    const tmp = `${p}.${process.pid}.${Math.floor(performance.now() * 1000)}.tmp`;
    writeFileSync(tmp, Buffer.concat([magic, Buffer.from(sha256(payload), 'latin1'), Buffer.from('\n'), payload]));
    renameSync(tmp, p);
  }

  /** Number of entries and their total size in bytes. */
  stats(): { entries: number; bytes: number } {
    let entries = 0;
    let bytes = 0;
    if (!existsSync(this.dir)) return { entries, bytes };
    for (const sub of readdirSync(this.dir)) {
      const d = join(this.dir, sub);
      if (!statSync(d).isDirectory()) continue;
      for (const f of readdirSync(d)) {
        if (!f.endsWith('.bin')) continue;
        entries++;
        bytes += statSync(join(d, f)).size;
      }
    }
    return { entries, bytes };
  }
}
