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
}
