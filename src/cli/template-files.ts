/** Finding and reading templates on disk: a user folder (--templates) wins over the built-in one. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { usageError } from '../model/errors.js';
import type { LoadedTemplate } from '../render/templates.js';
import { packageRoot } from './version.js';

export const builtinTemplatesDir = join(packageRoot, 'templates');

/** Loads a template by name; a user folder wins over the built-in one. */
export function loadTemplate(name: string, userDirs: readonly string[] = []): LoadedTemplate {
  for (const base of [...userDirs, builtinTemplatesDir]) {
    const dir = join(base, name);
    const file = join(dir, `${name}.md.hbs`);
    if (!existsSync(file)) continue;
    const partials: Record<string, string> = {};
    const pdir = join(dir, 'partials');
    if (existsSync(pdir)) {
      for (const p of readdirSync(pdir).sort()) if (p.endsWith('.hbs')) partials[p.replace(/(\.md)?\.hbs$/, '')] = readFileSync(join(pdir, p), 'utf8');
    }
    return { name, file: relative(process.cwd(), file) || file, source: readFileSync(file, 'utf8'), partials };
  }
  throw usageError(`unknown template "${name}" (see \`brief templates\`)`);
}

/** Template names available (user folders first, then built-ins). */
export function listTemplates(userDirs: readonly string[] = []): string[] {
  const names = new Set<string>();
  for (const base of [...userDirs, builtinTemplatesDir]) {
    if (!existsSync(base)) continue;
    for (const n of readdirSync(base).sort()) if (existsSync(join(base, n, `${n}.md.hbs`))) names.add(n);
  }
  return [...names];
}

