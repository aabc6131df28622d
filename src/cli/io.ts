/**
 * File-system edges of the CLI: listing and reading sources, and writing outputs safely.
 *
 * Reading: a source that cannot be read (a folder named like a file, a dangling symlink, a symlink
 * loop, a FIFO, a file too large, an I/O error) is reported with one diagnostic and skipped.
 *
 * Writing: every output is rendered before any is written; `writeOutputs` then takes a lock in the
 * out folder, writes each file to a hidden temporary beside it (fsync), and only when all are
 * written renames them into place. A failure (disk full, read-only folder) or a kill part-way
 * leaves the previous outputs as they were; temporaries left by a killed build are removed by the
 * next one.
 */
import {
  closeSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { RawFile } from '../model/document.js';
import type { Report } from '../model/diagnostics.js';
import { inputError, outputError, usageError } from '../model/errors.js';
import { formatOf, sourceIdOf } from '../ingest/index.js';

/**
 * Largest source read, in bytes, by kind; bigger files are reported and skipped rather than
 * exhausting memory and time. Text formats are capped lower than containers: 10 MB of plain text
 * is some twenty books, far beyond a report, while a PDF's bytes are mostly images and fonts.
 */
export const maxSourceBytes: Readonly<{ text: number; container: number }> = {
  text: 10 * 1024 * 1024,
  container: 100 * 1024 * 1024,
};

/**
 * Test hook: `BRIEFWRIGHT_INJECT_FAULT` simulates faults a test cannot cause as root:
 * `read:<file name>` (EIO reading that source), `write:<output name>` (ENOSPC half-way through
 * writing it), `kill:<output name>` (SIGKILL half-way through writing it). Comma-separated.
 */
function injected(kind: 'read' | 'write' | 'kill', name: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const spec = env.BRIEFWRIGHT_INJECT_FAULT;
  if (!spec) return false;
  return spec.split(',').some((s) => s.trim() === `${kind}:${name}`);
}

function fsError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

/** A file-system error in words a user can act on. */
export function describeFsError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT': return 'no such file or folder';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EROFS': return 'read-only file system';
    case 'ENOSPC': return 'no space left on device';
    case 'EDQUOT': return 'disk quota exceeded';
    case 'ENOTDIR': return 'a part of the path is a file, expected a folder';
    case 'EISDIR': return 'is a folder, expected a file';
    case 'ELOOP': return 'too many levels of symbolic links (a symlink loop)';
    case 'EIO': return 'input/output error';
    case 'EMFILE': case 'ENFILE': return 'too many open files';
    case 'ENAMETOOLONG': return 'file name too long';
    default: return e?.code ? `${e.code}${e.message ? ` (${e.message.replace(/^\w+: /, '')})` : ''}` : String(e?.message ?? err);
  }
}

/** Path as shown in messages: relative to the working directory when inside it. */
export function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : p;
}

/** Source files of a folder (not recursive; hidden and README files skipped), sorted by name for determinism. */
export function listSources(dir: string): string[] {
  let st;
  try {
    st = statSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw inputError(dir, 'sources folder not found');
    throw inputError(dir, `cannot open the sources folder: ${describeFsError(err)}`);
  }
  if (!st.isDirectory()) throw inputError(dir, 'expected a folder of sources, found a file');
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (err) {
    throw inputError(dir, `cannot list the sources folder: ${describeFsError(err)}`);
  }
  const names = entries
    .filter((n) => !n.startsWith('.') && !/^readme(\.|$)/i.test(n) && formatOf(n) !== null)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (names.length === 0) throw inputError(dir, 'no sources found (expected .txt, .md, .pdf, .docx or .html files)');
  return names.map((n) => join(dir, n));
}

/** Why a listed path cannot be read as a source, or null when it is a regular file of a sane size. */
function unreadableReason(p: string): string | null {
  let st;
  try {
    st = statSync(p);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      try {
        if (lstatSync(p).isSymbolicLink()) return 'Unexpected dangling symbolic link, expected a readable file';
      } catch { /* vanished meanwhile */ }
      return 'Unexpected missing file (removed while the build ran?), expected a readable file';
    }
    if (code === 'ELOOP') return 'Unexpected symbolic link loop, expected a readable file';
    return `Unexpected unreadable file (${describeFsError(err)}), expected a readable file`;
  }
  if (st.isDirectory()) return 'Unexpected folder named like a source, expected a file';
  if (!st.isFile()) return 'Unexpected special file (pipe, socket or device), expected a regular file';
  const format = formatOf(p);
  const limit = format === 'pdf' || format === 'docx' ? maxSourceBytes.container : maxSourceBytes.text;
  if (st.size > limit) {
    return `Unexpected ${(st.size / 1048576).toFixed(1)} MB ${format} source, expected at most ${limit / 1048576} MB (split it into smaller files)`;
  }
  return null;
}

/** True when the bytes are empty or only ASCII white space (so no text format can make a source of them). */
function isBlank(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0b && b !== 0x0c) return false;
  return true;
}

/**
 * Source ids must be unique (citations and anchors use them): `report.md` and `report.pdf` would
 * both be "report". The first (by name) keeps the plain id; later ones get the format as a suffix,
 * with a warning naming both files. Compared case-insensitively, since ids end up in file names.
 */
export function assignSourceIds(paths: readonly string[], report?: Report): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Map<string, string>();
  for (const p of paths) {
    const base = sourceIdOf(p);
    let id = base;
    if (taken.has(id.toLowerCase())) {
      const first = taken.get(id.toLowerCase())!;
      const ext = extname(p).slice(1).toLowerCase() || 'file';
      id = `${base}-${ext}`;
      for (let n = 2; taken.has(id.toLowerCase()); n++) id = `${base}-${ext}-${n}`;
      report?.warn(displayPath(p), undefined, `Unexpected second source named "${base}" (also ${basename(first)}), expected unique names; its id is "${id}"`, 'duplicate-source-id');
    }
    taken.set(id.toLowerCase(), p);
    ids.set(p, id);
  }
  return ids;
}

/**
 * Reads the listed sources. With a report, a file that cannot be read gets one fatal diagnostic
 * (rule `unreadable-source`) and is skipped; without one, the first such file throws.
 */
export function readSources(paths: readonly string[], report?: Report): RawFile[] {
  const ids = assignSourceIds(paths, report);
  const files: RawFile[] = [];
  for (const p of paths) {
    const shown = displayPath(p);
    let reason = unreadableReason(p);
    let bytes: Buffer | undefined;
    if (!reason) {
      try {
        if (injected('read', basename(p))) throw fsError('EIO', 'injected read fault');
        bytes = readFileSync(p);
      } catch (err) {
        reason = `Unexpected read error (${describeFsError(err)}), expected a readable file`;
      }
    }
    if (!reason && bytes && formatOf(p) !== 'pdf' && formatOf(p) !== 'docx' && isBlank(bytes)) {
      reason = bytes.length === 0 ? 'Unexpected empty file, expected text' : 'Unexpected file of only white space, expected text';
    }
    if (reason || !bytes) {
      if (!report) throw inputError(shown, reason ?? 'unreadable');
      report.fatal(shown, undefined, reason!, 'unreadable-source');
      continue;
    }
    const id = ids.get(p)!;
    files.push(id === sourceIdOf(p) ? { path: shown, bytes } : { path: shown, bytes, id });
  }
  return files;
}

/** Whether `child` is `parent` or lies inside it (both resolved). */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(resolve(parent), resolve(child));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Checks an out folder before a build. It may not be the sources folder (outputs would become
 * sources), and one set from a config file may not leave the project unless the config says so
 * (`allowOutsideOut: true`); a folder given on the command line is explicit enough.
 */
export function checkOutDir(
  outDir: string,
  options: Readonly<{ sourcesDir?: string; projectRoot?: string; fromConfig?: boolean; allowOutside?: boolean; configFile?: string }> = {},
): void {
  if (options.sourcesDir && resolve(outDir) === resolve(options.sourcesDir)) {
    throw usageError(`the out folder "${outDir}" is the sources folder; outputs would be read as sources next time`);
  }
  if (options.fromConfig && !options.allowOutside && options.projectRoot && !isInside(options.projectRoot, outDir)) {
    const where = options.configFile ? `${options.configFile}: ` : '';
    throw usageError(`${where}out folder "${outDir}" is outside the project (${options.projectRoot}); set "allowOutsideOut: true" to allow it`);
  }
}

/** The path of output `name` in `outDir`, refusing names that would land anywhere else. */
export function outputPath(outDir: string, name: string, internal = false): string {
  if (!name || name.includes('\0') || isAbsolute(name) || name.split(/[\\/]/).some((s) => s === '..' || s === '') || (name.startsWith('.') && !internal)) {
    throw usageError(`refusing to write output "${name}": output names must be plain file names inside the out folder`);
  }
  const p = join(outDir, name);
  if (!isInside(outDir, p) || resolve(p) === resolve(outDir)) {
    throw usageError(`refusing to write output "${name}" outside the out folder "${outDir}"`);
  }
  return p;
}

/** Name of the lock file a build holds in its out folder while writing. */
export const lockName = '.briefwright.lock';
const tmpPattern = /^\.(.+)\.(\d+)\.tmp$/;

function tmpPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return false; // a lock naming us is left over from an earlier process that had our pid
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Writes `bytes` to a new file and fsyncs it; `faultName` is the output name for injected faults. */
function writeDurable(path: string, bytes: Uint8Array | string, faultName?: string): void {
  const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  const fd = openSync(path, 'wx', 0o644);
  try {
    const writeAll = (from: number, to: number) => {
      for (let off = from; off < to; ) off += writeSync(fd, data, off, to - off);
    };
    const half = Math.floor(data.byteLength / 2);
    writeAll(0, half);
    if (faultName && injected('kill', faultName)) {
      fsyncSync(fd);
      process.kill(process.pid, 'SIGKILL');
    }
    if (faultName && injected('write', faultName)) throw fsError('ENOSPC', 'injected write fault');
    writeAll(half, data.byteLength);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try { fsyncSync(fd); } finally { closeSync(fd); }
  } catch { /* some file systems cannot fsync a folder; the rename is still atomic */ }
}

function tryUnlink(p: string): void {
  try { unlinkSync(p); } catch { /* already gone */ }
}

/** Writes one file atomically: a temporary beside it (fsynced), then a rename. Used for single outputs such as `extract -o`. */
export function writeAtomic(path: string, bytes: Uint8Array | string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (err) {
    throw outputError(displayPath(dirname(path)), `cannot create the folder: ${describeFsError(err)}`);
  }
  const tmp = tmpPathFor(path);
  try {
    writeDurable(tmp, bytes, basename(path));
    renameSync(tmp, path);
  } catch (err) {
    tryUnlink(tmp);
    throw outputError(displayPath(path), `cannot write: ${describeFsError(err)}; the previous file (if any) is unchanged`);
  }
  fsyncDir(dirname(path));
}

/** Options of `writeOutputs`. */
export interface WriteOutputsOptions {
  /** How long to wait for another build's lock before giving up (ms). */
  lockTimeoutMs: number;
  /** Called once when the lock is held by another build and we start waiting. */
  onWait?: (message: string) => void;
}

/** Default lock wait: `BRIEFWRIGHT_LOCK_TIMEOUT_MS` or 30 s. */
export function defaultWriteOutputsOptions(env: NodeJS.ProcessEnv = process.env): WriteOutputsOptions {
  const v = env.BRIEFWRIGHT_LOCK_TIMEOUT_MS;
  const ms = v !== undefined && /^\d+$/.test(v) ? Number(v) : 30_000;
  return { lockTimeoutMs: ms, onWait: (m) => process.stderr.write(`brief: ${m}\n`) };
}

/** Creates the out folder, or explains why it cannot be one. */
function ensureOutDir(outDir: string): void {
  try {
    const st = statSync(outDir);
    if (!st.isDirectory()) throw outputError(displayPath(outDir), 'the out folder is a file, expected a folder; previous outputs (if any) are unchanged');
    return;
  } catch (err) {
    if ((err as { kind?: string }).kind === 'output') throw err;
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw outputError(displayPath(outDir), `cannot use the out folder: ${describeFsError(err)}`);
  }
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (err) {
    throw outputError(displayPath(outDir), `cannot create the out folder: ${describeFsError(err)}`);
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Who holds a lock file: pid and host, or null when unreadable or malformed. */
function readLock(lockPath: string): { pid: number; host: string } | null {
  try {
    const [pid, host] = readFileSync(lockPath, 'utf8').trim().split(/\s+/);
    return /^\d+$/.test(pid ?? '') ? { pid: Number(pid), host: host ?? '' } : null;
  } catch {
    return null;
  }
}

/**
 * Takes the out-folder lock, waiting (bounded) while another live build holds it. A lock whose
 * process is gone (same host) is stale and taken over. Returns a release function.
 */
export async function acquireOutLock(outDir: string, options: WriteOutputsOptions): Promise<() => void> {
  const lockPath = join(outDir, lockName);
  const me = `${process.pid} ${hostname()}\n`;
  const deadline = Date.now() + options.lockTimeoutMs;
  let warned = false;
  for (;;) {
    try {
      const fd = openSync(lockPath, 'wx', 0o644);
      try { writeSync(fd, me); } finally { closeSync(fd); }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (readLock(lockPath)?.pid === process.pid) tryUnlink(lockPath);
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw outputError(displayPath(outDir), `cannot write to the out folder: ${describeFsError(err)}; previous outputs (if any) are unchanged`);
      }
    }
    const holder = readLock(lockPath);
    let stale = false;
    if (holder && (holder.host === '' || holder.host === hostname())) stale = !pidAlive(holder.pid);
    else if (!holder) {
      // Malformed or empty: a build killed between creating and filling it. Stale after a grace period.
      try { stale = Date.now() - statSync(lockPath).mtimeMs > 5_000; } catch { stale = false; }
    }
    if (stale) {
      tryUnlink(lockPath);
      continue;
    }
    const who = holder ? `pid ${holder.pid}${holder.host && holder.host !== hostname() ? ` on ${holder.host}` : ''}` : 'unknown process';
    if (Date.now() >= deadline) {
      throw outputError(
        displayPath(join(outDir, lockName)),
        `the out folder is locked by another build (${who}); try again when it finishes, or remove the lock file if no build is running`,
      );
    }
    if (!warned) {
      options.onWait?.(`waiting for another build (${who}) writing to ${displayPath(outDir)}`);
      warned = true;
    }
    await sleep(Math.min(100, Math.max(1, deadline - Date.now())));
  }
}

/** Removes temporaries left in `outDir` by builds that were killed (their pid is gone). Call with the lock held. */
export function removeStaleTemporaries(outDir: string): string[] {
  const removed: string[] = [];
  let names: string[] = [];
  try { names = readdirSync(outDir); } catch { return removed; }
  for (const n of names) {
    const m = tmpPattern.exec(n);
    if (!m) continue;
    const pid = Number(m[2]);
    if (pid !== process.pid && pidAlive(pid)) continue;
    tryUnlink(join(outDir, n));
    removed.push(n);
  }
  return removed;
}

/** One file to write into the out folder. */
export interface OutputFile {
  name: string;
  bytes: Uint8Array | string;
  /** The program's own bookkeeping (build stamp, kept editions): may be hidden or in a subfolder. */
  internal?: boolean;
}

/**
 * Writes rendered outputs into `outDir` all-or-nothing as far as a file system allows: names are
 * checked first, the lock is taken, every file is written to a temporary and fsynced, and only
 * then are they renamed into place. On any failure the temporaries are removed and the previous
 * outputs stay as they were. Returns the paths written.
 */
export async function writeOutputs(outDir: string, files: readonly OutputFile[], options: WriteOutputsOptions = defaultWriteOutputsOptions()): Promise<string[]> {
  const targets = files.map((f) => ({ ...f, path: outputPath(outDir, f.name, f.internal) }));
  const seen = new Set<string>();
  for (const t of targets) {
    if (seen.has(t.name.toLowerCase())) throw usageError(`two outputs would both be written to "${t.name}"`);
    seen.add(t.name.toLowerCase());
  }
  ensureOutDir(outDir);
  const release = await acquireOutLock(outDir, options);
  // While we hold the lock, an interrupt must not leave it behind (the writes below are synchronous,
  // so a signal is handled only before or after them, never half-way).
  const temps: string[] = [];
  const onSignal = (sig: NodeJS.Signals) => {
    for (const t of temps) tryUnlink(t);
    release();
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    removeStaleTemporaries(outDir);
    for (const t of targets) {
      const tmp = tmpPathFor(t.path);
      temps.push(tmp);
      try {
        if (t.internal) mkdirSync(dirname(t.path), { recursive: true });
        writeDurable(tmp, t.bytes, t.name);
      } catch (err) {
        throw outputError(displayPath(t.path), `cannot write: ${describeFsError(err)}; nothing was replaced, previous outputs are unchanged`);
      }
    }
    for (let i = 0; i < targets.length; i++) {
      try {
        renameSync(temps[i], targets[i].path);
      } catch (err) {
        const done = targets.slice(0, i).map((t) => t.name);
        throw outputError(displayPath(targets[i].path), `cannot replace: ${describeFsError(err)}${done.length ? `; already replaced: ${done.join(', ')}` : '; previous outputs are unchanged'}`);
      }
    }
    fsyncDir(outDir);
    return targets.map((t) => t.path);
  } catch (err) {
    for (const t of temps) tryUnlink(t);
    throw err;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    release();
  }
}
