/** Printing diagnostics (with line:column computed from the source text) and choosing the exit code. */
import type { RawFile } from '../model/document.js';
import { formatDiagnostic, lineColumn, type Report } from '../model/diagnostics.js';
import { BriefwrightError, exitCodes } from '../model/errors.js';

export function printDiagnostics(report: Report, files: readonly RawFile[] = []): void {
  const texts = new Map<string, string>();
  for (const d of report.messages) {
    if (d.severity === 'info') continue;
    if (d.offset !== undefined && d.line === undefined) {
      const f = files.find((x) => x.path === d.file);
      if (f) {
        if (!texts.has(d.file)) texts.set(d.file, new TextDecoder().decode(f.bytes));
        Object.assign(d, lineColumn(texts.get(d.file)!, d.offset));
      }
    }
    process.stderr.write(formatDiagnostic(d) + '\n');
  }
}

/** Exit 3 when a source was bad (it was skipped) or nothing could be built. */
export function exitForReport(report: Report, nothingBuilt: boolean): void {
  if (nothingBuilt) throw new BriefwrightError('input', 'no source could be read; nothing was written');
  if (report.hasFatal) process.exitCode = exitCodes.input;
}
