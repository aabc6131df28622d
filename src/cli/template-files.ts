/** Loading a template: its files read from disk, its `template.json` validated, its syntax checked. */
import { checkTemplate, defaultTemplateConfig, parseTemplateConfig, type LoadedTemplate } from '../render/templates.js';
import { readTemplateFiles, type TemplateFiles } from './template-folder.js';

/** Parses and checks a template's files; errors name the file, line and column. */
export function parseTemplateFiles(t: TemplateFiles): LoadedTemplate {
  const config = t.config ? parseTemplateConfig(t.config.text, t.config.file) : defaultTemplateConfig;
  const template: LoadedTemplate = { name: t.name, file: t.file, source: t.source, partials: t.partials, partialFiles: t.partialFiles, config };
  checkTemplate(template);
  return template;
}

/** Loads a template by name; a user folder wins over the built-in one. */
export function loadTemplate(name: string, userDirs: readonly string[] = []): LoadedTemplate {
  return parseTemplateFiles(readTemplateFiles(name, userDirs));
}
