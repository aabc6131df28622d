/**
 * One error family for user-facing failures, each kind mapped to an exit code. Programmer errors
 * stay ordinary exceptions (exit 1, stack trace only with --debug).
 */
export type ErrorKind = 'usage' | 'input' | 'internal';

export const exitCodes: Readonly<Record<ErrorKind | 'ok', number>> = {
  ok: 0,
  internal: 1,
  usage: 2,
  input: 3,
};

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

  /** One line: `file:line:column: error: message`. */
  format(): string {
    const place = this.file
      ? `${this.file}${this.line !== undefined ? `:${this.line}${this.column !== undefined ? `:${this.column}` : ''}` : ''}: `
      : '';
    return `${place}error: ${this.message}`;
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
