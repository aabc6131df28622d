/** Templates: an isolated Handlebars environment, strict, no HTML escaping (it corrupts Markdown). */
import Handlebars from 'handlebars';

export interface LoadedTemplate {
  name: string;
  /** Path of the main template file, for error messages. */
  file: string;
  source: string;
  partials: Record<string, string>;
}

export function applyTemplate(template: LoadedTemplate, view: object): string {
  const hb = Handlebars.create();
  for (const [name, src] of Object.entries(template.partials)) hb.registerPartial(name, src);
  const fn = hb.compile(template.source, { strict: true, noEscape: true });
  return fn(view);
}
