/** What every paginated or standalone writer (PDF, HTML, DOCX) states about the document it writes. */
import type { FontFamily, TemplateConfig } from './templates.js';

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
   * The user's font files (project config `fonts`) by the template family they stand for, named
   * by the family their files give, for the writers that name a font instead of embedding it
   * (HTML, DOCX). The reader's own copy of the font is used, else the default.
   */
  fontNames?: FontNames;
}

export type FontNames = Partial<Record<FontFamily, string>>;
