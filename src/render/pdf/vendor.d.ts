/** Minimal types for the two layout packages that ship none. */
declare module 'linebreak' {
  /** Unicode line-breaking (UAX #14): yields break opportunities in a string. */
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): { position: number; required: boolean } | null;
  }
}
declare module 'hyphen/en-us/index.js' {
  const en: { hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string };
  export default en;
}
/**
 * pdf-lib's single-file ES module build: the same API as the package's entry, loaded in a fraction
 * of the time (one file instead of some 140 CommonJS modules).
 */
declare module 'pdf-lib/dist/pdf-lib.esm.min.js' {
  export * from 'pdf-lib';
}
