/**
 * `brief init`: writes a commented `briefwright.config.yaml` and, with `--template NAME`, copies a
 * built-in template into a user templates folder to edit (user templates win over built-ins).
 */
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { inputError, usageError } from '../../model/errors.js';

interface InitFlags {
  template?: string;
  templatesDir: string;
  force?: boolean;
  dir: string;
}

/** Does the work of `brief init`; returns the paths written (relative to `cwd`). */
export async function runInit(flags: InitFlags, cwd: string = process.cwd()): Promise<string[]> {
  const [{ initialConfigText }, { findConfig }, { builtinTemplatesDir, listTemplates }] = await Promise.all([
    import('../../config/init.js'),
    import('../../config/load.js'),
    import('../template-folder.js'),
  ]);
  const root = resolve(cwd, flags.dir);
  const written: string[] = [];
  const shown = (p: string) => relative(cwd, p) || p;
  const existing = findConfig(root);
  const configPath = join(root, 'briefwright.config.yaml');
  let templatesDir: string | undefined;
  if (flags.template !== undefined) {
    const name = flags.template;
    if (!listTemplates([]).includes(name)) throw usageError(`unknown built-in template "${name}" (see \`brief templates\`)`);
    const from = join(builtinTemplatesDir, name);
    const to = resolve(root, flags.templatesDir, name);
    if (resolve(from) === resolve(to)) throw usageError(`"${shown(to)}" is the built-in template itself; choose another --templates-dir`);
    if (existsSync(to) && !flags.force) throw inputError(shown(to), 'already exists; use --force to overwrite it');
    mkdirSync(to, { recursive: true });
    cpSync(from, to, { recursive: true });
    written.push(shown(to) + '/');
    templatesDir = relative(root, resolve(root, flags.templatesDir)) || '.';
  }
  if (existing && !flags.force) {
    if (flags.template === undefined) throw inputError(shown(existing), 'a config file already exists; use --force to overwrite it');
    // Keep the existing config; tell the user what to add.
    process.stderr.write(`brief: ${shown(existing)} kept; add "templatesDir: ${templatesDir}" and "templates: [${flags.template}]" to use the copy\n`);
  } else {
    mkdirSync(root, { recursive: true });
    writeFileSync(configPath, initialConfigText({ template: flags.template, templatesDir }));
    written.push(shown(configPath));
  }
  return written;
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('write a commented briefwright.config.yaml (and copy a template to edit)')
    .option('--template <name>', 'copy this built-in template into the templates folder to edit')
    .option('--templates-dir <dir>', 'where to copy templates', 'templates')
    .option('--dir <dir>', 'project folder', '.')
    .option('-f, --force', 'overwrite an existing config or template copy')
    .action(async (opts: InitFlags) => {
      for (const p of await runInit(opts)) process.stdout.write(`wrote ${p}\n`);
    });
}
