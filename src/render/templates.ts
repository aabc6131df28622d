/**
 * Templates: an isolated Handlebars environment per render, `strict` (a misspelt field is an
 * error, not an empty string) and without HTML escaping (it corrupts Markdown; the view model
 * escapes text from sources instead). Partials come only from the template's own `partials/`.
 * Every template error names the file, line and column.
 */
import Handlebars from 'handlebars';
import { z } from 'zod';
import { inputError, type BriefwrightError } from '../model/errors.js';
import { registerHelpers, HelperArgumentError } from './helpers.js';
import { defaultViewModelOptions } from './view-model.js';

/** Font families a template can ask for (all DejaVu, bundled). */
export const fontFamilies = ['serif', 'sans', 'mono'] as const;
export type FontFamily = (typeof fontFamilies)[number];

/** `template.json`: how a template wants to be typeset. */
export const templateConfigSchema = z
  .object({
    /** Human name of the template ("Briefing note"). */
    title: z.string().default('Briefing note'),
    pageSize: z.enum(['A4', 'Letter']).default('A4'),
    fonts: z
      .object({ body: z.enum(fontFamilies).default('serif'), heading: z.enum(fontFamilies).default('sans') })
      .strict()
      .default({ body: 'serif', heading: 'sans' }),
    /** Body text size in points. */
    fontSize: z.number().min(7).max(14).default(10.5),
    /** Table of contents after the title block. */
    toc: z.boolean().default(true),
    /** Deepest heading level listed in the contents and the PDF outline (2 = `##`). */
    tocDepth: z.number().int().min(2).max(4).default(3),
    /** Running header (the title) and footer (page X of Y). */
    runningHeader: z.boolean().default(true),
    /** Templates rendered whenever this one is (the handout brings its instructor's key). */
    companions: z.array(z.string().regex(/^[a-z0-9][a-z0-9_-]*$/i)).max(8).default([]),
    /** Also write `flashcards.csv` (the handout's flashcards, for Anki) beside the documents. */
    flashcards: z.boolean().default(false),
    /** How much of each list the view model passes to the template. */
    limits: z
      .object(Object.fromEntries(Object.keys(defaultViewModelOptions).map((k) => [k, z.number().int().min(0).max(500).optional()])) as Record<keyof typeof defaultViewModelOptions, z.ZodOptional<z.ZodNumber>>)
      .strict()
      .default({}),
  })
  .strict();
export type TemplateConfig = z.infer<typeof templateConfigSchema>;

/** Default configuration for a template without `template.json`. */
export const defaultTemplateConfig: TemplateConfig = templateConfigSchema.parse({});

/** A template as read from disk by the CLI. */
export interface LoadedTemplate {
  name: string;
  /** Path of the main template file, for error messages. */
  file: string;
  source: string;
  /** Partial name → source, from `partials/` only. */
  partials: Record<string, string>;
  /** Partial name → file path, for error messages. */
  partialFiles?: Record<string, string>;
  config?: TemplateConfig;
}

/** Parses `template.json` text; errors name the file. */
export function parseTemplateConfig(text: string, file: string): TemplateConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw inputError(file, `Unexpected JSON: ${(e as Error).message}`);
  }
  const r = templateConfigSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw inputError(file, `Unexpected value at "${issue.path.join('.') || '(root)'}": ${issue.message}`);
  }
  return r.data;
}

interface Loc { start: { line: number; column: number } }
interface Node { type: string; loc?: Loc; [k: string]: unknown }

/** Handlebars reports columns from 0; people count from 1. */
function toError(e: unknown, file: string): BriefwrightError {
  if (e instanceof HelperArgumentError) return inputError(file, e.message, e.line, e.column);
  const err = e as { message?: string; lineNumber?: number; column?: number };
  const message = String(err.message ?? e);
  const parse = /^Parse error on line (\d+):\n[^\n]*\n(-*)\^\n(.*)/s.exec(message);
  if (parse) return inputError(file, `Unexpected template syntax: ${parse[3]!.trim()}`, Number(parse[1]), parse[2]!.length + 1);
  const onText = /^Cannot use 'in' operator to search for '([^']*)'/.exec(message);
  if (onText) return inputError(file, `"${onText[1]}" cannot be looked up on a text or number value, expected an object of the view model`);
  const clean = message.replace(/ - \d+:\d+$/, '').replace(/ not defined in (\[object Object\]|undefined)/, ' is not in the view model (see docs/templates.md)');
  return inputError(file, clean.split('\n')[0]!, err.lineNumber, err.column !== undefined ? err.column + 1 : undefined);
}

/**
 * Handlebars throws a bare TypeError, without a position, for a dotted path whose head is missing
 * (`{{process.env.HOME}}`); find that path in the template to report its line and column.
 */
function locateMissingPath(e: unknown, ast: Node, file: string): BriefwrightError | null {
  if ((e as { lineNumber?: number }).lineNumber !== undefined) return null;
  const reading = /reading '([^']+)'/.exec(String((e as { message?: string })?.message ?? ''));
  if (!reading) return null;
  let found: BriefwrightError | null = null;
  const visit = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Node & { parts?: unknown[]; original?: unknown };
    if (n.type === 'PathExpression' && Array.isArray(n.parts) && n.parts.indexOf(reading[1]) >= 1 && n.loc) {
      found = inputError(file, `"${String(n.original)}" is not in the view model (see docs/templates.md)`, n.loc.start.line, n.loc.start.column + 1);
      return;
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'loc' && typeof v === 'object') visit(v);
  };
  visit(ast);
  return found;
}

/** Checks a parsed template statically: partials must exist (no paths, no dynamic names). */
function checkPartials(ast: Node, known: ReadonlySet<string>, file: string): void {
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Node;
    if (n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') {
      const name = n.name as Node & { original?: unknown };
      const line = n.loc?.start.line;
      const col = n.loc ? n.loc.start.column + 1 : undefined;
      if (name.type === 'SubExpression') throw inputError(file, 'Unexpected dynamic partial name, expected the name of a file in partials/', line, col);
      const id = String(name.original ?? '');
      if (!known.has(id)) throw inputError(file, `Unexpected partial "${id}", expected one of the template's partials/ (${[...known].join(', ') || 'none'})`, line, col);
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'loc' && typeof v === 'object') visit(v);
  };
  visit(ast);
}

/**
 * Checks a template's syntax and partial names without rendering, so a broken template fails
 * before the sources are analysed. Throws the same errors as {@link applyTemplate}.
 */
export function checkTemplate(template: LoadedTemplate): void {
  const hb = Handlebars.create();
  const known = new Set(Object.keys(template.partials));
  for (const [name, src] of Object.entries(template.partials)) parseChecked(hb, src, partialFile(template, name), known);
  parseChecked(hb, template.source, template.file, known);
}

/** Parses one template file and checks its partial names; errors name the file, line and column. */
function parseChecked(hb: typeof Handlebars, source: string, file: string, known: ReadonlySet<string>): Node {
  let ast: Node;
  try {
    ast = hb.parse(source) as unknown as Node;
  } catch (e) {
    throw toError(e, file);
  }
  checkPartials(ast, known, file);
  return ast;
}

const partialFile = (template: LoadedTemplate, name: string) => template.partialFiles?.[name] ?? `partials/${name}.hbs`;

/**
 * Renders a template with a view model. Throws an input error (exit 3) naming the template or
 * partial file, line and column when the template is malformed or asks for a missing field.
 */
export function applyTemplate(template: LoadedTemplate, view: object): string {
  const hb = Handlebars.create();
  registerHelpers(hb);
  const known = new Set(Object.keys(template.partials));
  const compileOptions = { strict: true, noEscape: true, knownHelpersOnly: false } as const;
  const compileChecked = (source: string, file: string) => {
    const ast = parseChecked(hb, source, file, known);
    // Compiled from the tree just checked: Handlebars takes a parsed template as it is.
    const fn = hb.compile(ast as unknown as string, compileOptions);
    // A runtime error inside a partial is reported against the partial's own file.
    return (ctx: unknown, opts?: Handlebars.RuntimeOptions) => {
      try {
        return fn(ctx, opts);
      } catch (e) {
        if ((e as { briefwrightTagged?: boolean }).briefwrightTagged) throw e;
        const tagged = (locateMissingPath(e, ast, file) ?? toError(e, file)) as BriefwrightError & { briefwrightTagged?: boolean };
        tagged.briefwrightTagged = true;
        throw tagged;
      }
    };
  };
  for (const [name, src] of Object.entries(template.partials)) {
    hb.registerPartial(name, compileChecked(src, partialFile(template, name)) as unknown as Handlebars.Template);
  }
  const main = compileChecked(template.source, template.file);
  try {
    return main(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  } catch (e) {
    if ((e as { briefwrightTagged?: boolean }).briefwrightTagged) throw e;
    throw toError(e, template.file);
  }
}
