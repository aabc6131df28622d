/** What every paginated or standalone writer (PDF, HTML, DOCX) states about the document it writes. */
import type { TemplateConfig } from './templates.js';

export interface DocumentMeta {
  title: string;
  author: string;
  subject?: string;
  keywords?: readonly string[];
  language?: string;
  producer?: string;
  /** ISO date; also the file's creation date, so builds are reproducible. */
  date: string;
  config?: TemplateConfig;
  /**
   * Family names of the user's font files (project config `fonts`), for the writers that name a
   * font instead of embedding it (HTML, DOCX): the body font replaces the template's body family,
   * the mono font its code font. The reader's own copy of the font is used, else the default.
   */
  fontNames?: FontNames;
}

export interface FontNames {
  body?: string;
  mono?: string;
}
