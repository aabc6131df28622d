/**
 * render: Brief → output files. Writers are a table keyed by output format; all of them render
 * from the same view model and the same normalised Markdown tree.
 */
import type { Brief } from '../model/schema.js';
import { untitled, type StageContext } from '../model/context.js';
import { toViewModel, type ViewModelOptions } from './view-model.js';
import { applyTemplate, defaultTemplateConfig, type LoadedTemplate, type TemplateConfig } from './templates.js';
import { fromMarkdown, toMarkdown } from './markdown.js';
import { flashcardsCsv, unescapeMarkdown } from './handout/index.js';
import type { CustomFonts } from './pdf/fonts.js';
import type { FontNames } from './document-meta.js';
import type { Root, Nodes } from 'mdast';
import { citedPassages, type SourceText } from './passages.js';
import { parseCitationHref } from './anchors.js';

export type OutputFormat = 'md' | 'pdf' | 'html' | 'docx' | 'json';

/** Every output format, in the order files are written. */
export const outputFormats: readonly OutputFormat[] = ['md', 'pdf', 'html', 'docx', 'json'];

export interface RenderOptions {
  formats: readonly OutputFormat[];
  /** Page size for paginated formats; defaults to the template's `pageSize`. */
  pageSize?: 'A4' | 'Letter';
  /** Font files (TTF/OTF paths) replacing the template's body font in the PDF, and a body size. */
  fonts?: CustomFonts & { size?: number };
  /** The user's limits (`--key-messages`, `summaryWords` …), over the template's own. */
  limits?: Partial<ViewModelOptions>;
  /** The sources' texts by source id: the HTML reader shows the paragraphs around each cited span. */
  sourceTexts?: ReadonlyMap<string, SourceText>;
  /** The sources' entries as the CSL style formats them (see `referenceList`). */
  references?: import('./references.js').FormattedReferences;
}

export interface RenderedFile {
  name: string;
  /** `csv`: the handout's `flashcards.csv`, written with the documents of a template that asks for it. */
  format: OutputFormat | 'csv';
  bytes: Uint8Array;
}

/** What every document writer receives. */
export interface DocumentInput {
  brief: Brief;
  markdown: string;
  tree: Root;
  config: TemplateConfig;
  pageSize: 'A4' | 'Letter';
  fonts?: CustomFonts;
  /** The HTML reader's tree (citations as in-page links) and its parts. */
  reader?: { tree: Root; parts: import('./reader.js').ReaderParts };
}

/** Document metadata shared by the PDF, HTML and DOCX writers. */
export function documentMeta(brief: Brief, config: TemplateConfig) {
  return {
    title: brief.title,
    author: brief.organisation ?? `${brief.generator.name} ${brief.generator.version}`,
    subject: brief.subtitle ?? `${config.title} built from ${brief.sources.length} source${brief.sources.length === 1 ? '' : 's'}`,
    keywords: [...new Set(brief.themes.map((t) => t.label))].slice(0, 12),
    language: 'en',
    date: brief.date,
    producer: `${brief.generator.name} ${brief.generator.version}`,
  };
}

/**
 * Writers by format, each imported on first use: the PDF writer pulls in pdf-lib, the fonts and the
 * hyphenation patterns, the DOCX writer the docx library; a Markdown-only build loads none of them.
 */
const writers: Record<Exclude<OutputFormat, 'md' | 'json'>, (input: DocumentInput) => Promise<Uint8Array>> = {
  pdf: async (i) => (await import('./pdf/index.js')).markdownToPdf(i.tree, { ...documentMeta(i.brief, i.config), pageSize: i.pageSize, config: i.config, fonts: i.fonts }),
  html: async (i) => new TextEncoder().encode((await import('./html.js')).toHtml(i.reader?.tree ?? i.tree, { ...documentMeta(i.brief, i.config), config: i.config, fontNames: await fontNamesOf(i.fonts, i.config), reader: i.reader?.parts })),
  docx: async (i) => (await import('./docx.js')).toDocx(i.tree, { ...documentMeta(i.brief, i.config), pageSize: i.pageSize, config: i.config, fontNames: await fontNamesOf(i.fonts, i.config) }),
};

/**
 * The user's font files by the template family they replace, as the PDF replaces them: `regular`
 * for the body family (unless that is mono), `mono` for mono. Named by the family their files give.
 */
async function fontNamesOf(fonts: CustomFonts | undefined, config: TemplateConfig): Promise<FontNames> {
  if (!fonts?.regular && !fonts?.mono) return {};
  const { familyName } = await import('./pdf/fonts.js');
  const names: FontNames = {};
  if (fonts.regular && config.fonts.body !== 'mono') names[config.fonts.body] = familyName(fonts.regular);
  if (fonts.mono) names.mono = familyName(fonts.mono);
  return names;
}

/** Renders a brief through a template into the requested formats. */
export async function render(model: Brief, template: LoadedTemplate, ctx: StageContext, options: RenderOptions): Promise<RenderedFile[]> {
  const out: RenderedFile[] = [];
  const enc = new TextEncoder();
  const base = template.config ?? defaultTemplateConfig;
  // A brief its user did not name is titled by the template ("Student handout"); model.json keeps the model's title.
  const brief = model.title === untitled ? { ...model, title: base.title } : model;
  const config = options.fonts?.size ? { ...base, fontSize: options.fonts.size } : base;
  const documents = options.formats.filter((f): f is Exclude<OutputFormat, 'json'> => f !== 'json');
  if (documents.length) {
    // One parse: the normalised Markdown and every other format come from the same tree.
    const view = toViewModel(brief, { ...config.limits, ...options.limits }, { references: options.references?.markdown });
    const tree = fromMarkdown(applyTemplate(template, view));
    const markdown = toMarkdown(tree);
    const { size: _size, ...files } = options.fonts ?? {};
    const input: DocumentInput = { brief, markdown, tree, config, pageSize: options.pageSize ?? config.pageSize, fonts: files };
    if (documents.includes('html')) input.reader = await readerFor(brief, template, config, options, ctx);
    for (const f of outputFormats) {
      if (f === 'json' || !documents.includes(f)) continue;
      const bytes = f === 'md' ? enc.encode(markdown) : await writers[f](input);
      out.push({ name: `${template.name}.${f}`, format: f, bytes });
    }
    if (config.flashcards) out.push({ name: 'flashcards.csv', format: 'csv', bytes: enc.encode(flashcardsCsv(view.handout.flashcards.map((c) => ({ front: unescapeMarkdown(c.front), back: unescapeMarkdown(c.back) })))) });
  }
  if (options.formats.includes('json')) out.push({ name: 'model.json', format: 'json', bytes: enc.encode(JSON.stringify(model, null, 2) + '\n') });
  return out;
}

/**
 * The HTML reader: the template rendered again with citations as in-page links, and the passage
 * of every span linked to. A quote that cannot be marked in its passage is reported, per source.
 */
async function readerFor(brief: Brief, template: LoadedTemplate, config: TemplateConfig, options: RenderOptions, ctx: StageContext): Promise<NonNullable<DocumentInput['reader']>> {
  const tree = fromMarkdown(applyTemplate(template, toViewModel(brief, { ...config.limits, ...options.limits }, { linkCitations: true, references: options.references?.markdown })));
  const spans = new Map<string, { n: number; start: number; end: number }>();
  const walk = (node: Nodes): void => {
    const span = node.type === 'link' ? parseCitationHref(node.url) : null;
    if (node.type === 'link' && span) spans.set(node.url, span);
    if ('children' in node) for (const c of node.children) walk(c);
  };
  walk(tree);
  const passages = citedPassages(brief, [...spans.values()], options.sourceTexts ?? new Map());
  const unmarked = new Map<number, { reason: string; count: number; offset: number }>();
  for (const p of passages) {
    if (p.marked) continue;
    const u = unmarked.get(p.n) ?? { reason: p.reason ?? 'unknown', count: 0, offset: p.start };
    u.count++;
    unmarked.set(p.n, u);
  }
  for (const [n, u] of unmarked) {
    const source = brief.sources[n - 1]!;
    ctx.report.warn(source.path, u.offset, `${u.count} cited quote${u.count === 1 ? ' is' : 's are'} not marked in the ${template.name} reader: ${u.reason}`, 'reader-unmarked');
  }
  const { readerParts } = await import('./reader.js');
  return { tree, parts: readerParts(brief, passages, options.references?.html) };
}
