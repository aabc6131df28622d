/**
 * One error family for user-facing failures, each kind mapped to an exit code. Programmer errors
 * stay ordinary exceptions (exit 1, stack trace only with --debug).
 *
 * Exit codes: 0 ok · 1 internal error · 2 bad command line · 3 bad input (a source, config or
 * template; also "built, but some sources were skipped") · 4 outputs could not be written (out
 * folder is a file, read-only, disk full, locked by another build).
 */
export type ErrorKind = 'usage' | 'input' | 'output' | 'internal';

export const exitCodes: Readonly<Record<ErrorKind | 'ok', number>> = {
  ok: 0,
  internal: 1,
  usage: 2,
  input: 3,
  output: 4,
};

/** Makes text safe for a one-line terminal message: control characters (newlines, ANSI escapes) become visible escapes. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

export class BriefwrightError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly file?: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'BriefwrightError';
  }

  /** One line: `file:line:column: error: message` (control characters escaped, so it stays one line). */
  format(): string {
    const place = this.file
      ? `${this.file}${this.line !== undefined ? `:${this.line}${this.column !== undefined ? `:${this.column}` : ''}` : ''}: `
      : '';
    return printable(`${place}error: ${this.message}`);
  }
}

/** Bad input: a source, config or template (exit 3). */
export function inputError(file: string, message: string, line?: number, column?: number): BriefwrightError {
  return new BriefwrightError('input', message, file, line, column);
}

/** Bad command line (exit 2). */
export function usageError(message: string): BriefwrightError {
  return new BriefwrightError('usage', message);
}

/** Outputs could not be written (exit 4); `file` is the output path or out folder concerned. */
export function outputError(file: string, message: string): BriefwrightError {
  return new BriefwrightError('output', message, file);
}
