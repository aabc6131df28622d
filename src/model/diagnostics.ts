/**
 * Diagnostics: problems in the input are reported, not thrown. One sink per build; every message
 * names a file and, where known, an offset that the CLI turns into line:column when printing.
 */
export type Severity = 'fatal' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** Worded "Unexpected X, expected Y" where it fits. */
  message: string;
  /** Stable kebab-case rule id, e.g. `no-title`. */
  rule: string;
  /** The file the problem is in (source, config or template path). */
  file: string;
  /** UTF-16 offset into the file's text, when known. */
  offset?: number;
  line?: number;
  column?: number;
}

/** Collects diagnostics; stages receive one and never print. */
export class Report {
  readonly messages: Diagnostic[] = [];
  add(d: Diagnostic): void {
    this.messages.push(d);
  }
  warn(file: string, offset: number | undefined, message: string, rule: string): void {
    this.add({ severity: 'warning', file, offset, message, rule });
  }
  info(file: string, offset: number | undefined, message: string, rule: string): void {
    this.add({ severity: 'info', file, offset, message, rule });
  }
  fatal(file: string, offset: number | undefined, message: string, rule: string): void {
    this.add({ severity: 'fatal', file, offset, message, rule });
  }
  get hasFatal(): boolean {
    return this.messages.some((m) => m.severity === 'fatal');
  }
}

/** Line and column (1-based) of a UTF-16 offset in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: end - last };
}

/** `file:line:column: severity: message [rule]`, the form editors and CI logs understand. */
export function formatDiagnostic(d: Diagnostic): string {
  const place = d.line !== undefined ? `${d.file}:${d.line}:${d.column ?? 1}` : d.file;
  return `${place}: ${d.severity === 'fatal' ? 'error' : d.severity}: ${d.message} [${d.rule}]`;
}
