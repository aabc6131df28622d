/**
 * Finding and reading templates on disk: a user folder (`--templates DIR`) wins over the built-in
 * one. A template is a folder `<name>/` holding `<name>.md.hbs`, optional `partials/*.hbs` and an
 * optional `template.json`. Only regular files inside the template's own folder are read, so a
 * template cannot pull in other files (no symlinks out, no `../` names).
 *
 * Reading is kept apart from parsing (template-files.ts): a rebuild with nothing changed compares
 * the files' text and stops, without loading Handlebars or the schema library.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { usageError } from '../model/errors.js';
import { packageRoot } from './version.js';

export const builtinTemplatesDir = join(packageRoot, 'templates');

const templateName = /^[a-z0-9][a-z0-9_-]*$/i;

/** A template's files as read, not yet parsed or checked. */
export interface TemplateFiles {
  name: string;
  /** Path of the main template file, for error messages. */
  file: string;
  source: string;
  partials: Record<string, string>;
  partialFiles: Record<string, string>;
  /** `template.json`, when the template has one. */
  config: { file: string; text: string } | null;
}

function shown(path: string): string {
  const r = relative(process.cwd(), path);
  return r && !r.startsWith('..') ? r : path;
}

function isRegularFileInside(file: string, dir: string): boolean {
  if (!existsSync(file)) return false;
  const st = lstatSync(file);
  if (!st.isFile()) return false;
  const real = realpathSync(file);
  const root = realpathSync(dir);
  return real.startsWith(root + sep);
}

/** Reads a template's files by name; a user folder wins over the built-in one. */
export function readTemplateFiles(name: string, userDirs: readonly string[] = []): TemplateFiles {
  if (!templateName.test(name)) throw usageError(`unexpected template name "${name}", expected letters, digits, "-" or "_" (see \`brief templates\`)`);
  for (const base of [...userDirs, builtinTemplatesDir]) {
    const dir = join(base, name);
    const file = join(dir, `${name}.md.hbs`);
    if (!existsSync(dir) || !isRegularFileInside(file, dir)) continue;
    const partials: Record<string, string> = {};
    const partialFiles: Record<string, string> = {};
    const pdir = join(dir, 'partials');
    if (existsSync(pdir) && lstatSync(pdir).isDirectory()) {
      for (const p of readdirSync(pdir).sort()) {
        const m = /^([a-z0-9][a-z0-9_-]*)(\.md)?\.hbs$/i.exec(p);
        const pf = join(pdir, p);
        if (!m || !isRegularFileInside(pf, dir)) continue;
        partials[m[1]!] = readFileSync(pf, 'utf8');
        partialFiles[m[1]!] = shown(pf);
      }
    }
    const configFile = join(dir, 'template.json');
    const config = isRegularFileInside(configFile, dir) ? { file: shown(configFile), text: readFileSync(configFile, 'utf8') } : null;
    return { name, file: shown(file), source: readFileSync(file, 'utf8'), partials, partialFiles, config };
  }
  throw usageError(`unknown template "${name}" (see \`brief templates\`)`);
}

/** Template names available (user folders first, then built-ins). */
export function listTemplates(userDirs: readonly string[] = []): string[] {
  const names = new Set<string>();
  for (const base of [...userDirs, builtinTemplatesDir]) {
    if (!existsSync(base)) continue;
    for (const n of readdirSync(base).sort()) if (templateName.test(n) && existsSync(join(base, n, `${n}.md.hbs`))) names.add(n);
  }
  return [...names];
}

/**
 * Reads the named templates and, after each, the companions its `template.json` names (the
 * handout brings its instructor's key), each once. A companion that cannot be found is a usage
 * error like any unknown template; a `template.json` that is not JSON is reported when parsed.
 */
export function readTemplatesWithCompanions(names: readonly string[], userDirs: readonly string[] = []): TemplateFiles[] {
  const out: TemplateFiles[] = [];
  const queue = [...names];
  const seen = new Set<string>();
  while (queue.length) {
    const name = queue.shift()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const t = readTemplateFiles(name, userDirs);
    out.push(t);
    let companions: unknown;
    try {
      companions = t.config ? (JSON.parse(t.config.text) as { companions?: unknown }).companions : undefined;
    } catch {
      companions = undefined;
    }
    if (Array.isArray(companions)) for (const c of companions) if (typeof c === 'string' && !seen.has(c)) queue.push(c);
  }
  return out;
}
