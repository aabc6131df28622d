/**
 * render: Brief → output files. Writers are a table keyed by output format; all render from the
 * same view model and Markdown.
 */
import type { Brief } from '../model/schema.js';
import type { StageContext } from '../model/context.js';
import { toViewModel } from './view-model.js';
import { applyTemplate, type LoadedTemplate } from './templates.js';
import { normalizeMarkdown } from './markdown.js';
import { markdownToPdf } from './pdf/index.js';

export type OutputFormat = 'md' | 'pdf' | 'json';

export interface RenderOptions {
  formats: readonly OutputFormat[];
  /** Page size for paginated formats. */
  pageSize: 'A4' | 'Letter';
}

export interface RenderedFile {
  name: string;
  format: OutputFormat;
  bytes: Uint8Array;
}

export async function render(brief: Brief, template: LoadedTemplate, _ctx: StageContext, options: RenderOptions): Promise<RenderedFile[]> {
  const out: RenderedFile[] = [];
  const enc = new TextEncoder();
  const needsMd = options.formats.some((f) => f === 'md' || f === 'pdf');
  const markdown = needsMd ? normalizeMarkdown(applyTemplate(template, toViewModel(brief))) : '';
  if (options.formats.includes('md')) out.push({ name: `${template.name}.md`, format: 'md', bytes: enc.encode(markdown) });
  if (options.formats.includes('pdf')) {
    out.push({ name: `${template.name}.pdf`, format: 'pdf', bytes: await markdownToPdf(markdown, { title: brief.title, author: brief.organisation ?? 'Briefwright', date: brief.date, pageSize: options.pageSize }) });
  }
  if (options.formats.includes('json')) out.push({ name: 'model.json', format: 'json', bytes: enc.encode(JSON.stringify(brief, null, 2) + '\n') });
  return out;
}
