/** Printing diagnostics (with line:column computed from the source text) and choosing the exit code. */
import type { RawFile } from '../model/document.js';
import { formatDiagnostic, lineColumn, type Diagnostic, type Report } from '../model/diagnostics.js';
import { BriefwrightError, exitCodes, printable } from '../model/errors.js';

/** The text offsets refer to, per path: the decoded source text when known, else the bytes read as UTF-8. */
function textOf(d: Diagnostic, files: readonly RawFile[], texts: ReadonlyMap<string, string>, cache: Map<string, string>): string | undefined {
  const known = texts.get(d.file);
  if (known !== undefined) return known;
  if (cache.has(d.file)) return cache.get(d.file);
  const f = files.find((x) => x.path === d.file);
  if (!f) return undefined;
  const t = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(f.bytes);
  cache.set(d.file, t);
  return t;
}

/** One diagnostic as one printable line (control characters in names or messages escaped). */
export function diagnosticLine(d: Diagnostic): string {
  return printable(formatDiagnostic({ ...d, message: d.message.replace(/\s*\n\s*/g, ' ') }));
}

/**
 * Prints warnings and errors to stderr, one line each, in a stable order (by file, then place,
 * then as reported). `texts` maps a source path to the text its offsets refer to.
 */
export function printDiagnostics(report: Report, files: readonly RawFile[] = [], texts: ReadonlyMap<string, string> = new Map(), out: (line: string) => void = (l) => process.stderr.write(l + '\n')): void {
  const cache = new Map<string, string>();
  const shown = report.messages
    .map((d, i) => ({ d, i }))
    .filter(({ d }) => d.severity !== 'info');
  for (const { d } of shown) {
    if (d.offset !== undefined && d.line === undefined) {
      const text = textOf(d, files, texts, cache);
      if (text !== undefined) Object.assign(d, lineColumn(text, d.offset));
    }
  }
  shown.sort((a, b) => (a.d.file < b.d.file ? -1 : a.d.file > b.d.file ? 1 : (a.d.line ?? 0) - (b.d.line ?? 0) || (a.d.column ?? 0) - (b.d.column ?? 0) || a.i - b.i));
  for (const { d } of shown) out(diagnosticLine(d));
}

/** Files with at least one fatal diagnostic: the sources that were skipped. */
export function skippedFiles(report: Report): string[] {
  return [...new Set(report.messages.filter((m) => m.severity === 'fatal').map((m) => m.file))].sort();
}

/**
 * `--strict`: any bad source aborts the build before anything is written (exit 3).
 * Call after printing diagnostics and before rendering or writing.
 */
export function abortIfStrict(report: Report, strict: boolean | undefined): void {
  if (!strict || !report.hasFatal) return;
  const n = skippedFiles(report).length;
  throw new BriefwrightError('input', `${n} source${n === 1 ? '' : 's'} could not be used and --strict is set; nothing was written`);
}

/** Exit 3 when a source was bad (it was skipped) or nothing could be built. */
export function exitForReport(report: Report, nothingBuilt: boolean): void {
  if (nothingBuilt) throw new BriefwrightError('input', 'no source could be read; nothing was written');
  if (report.hasFatal) process.exitCode = exitCodes.input;
}
