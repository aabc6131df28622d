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
