/**
 * `brief diff OLD NEW`: what changed between two editions (model.json files, or out folders
 * holding one), matched by content. Plain text by default, JSON with --json.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { inputError, usageError } from '../../model/errors.js';
import type { Brief } from '../../model/schema.js';

/** Reads a model.json (or the one in a folder), checked against the public schema. */
export async function readModel(path: string): Promise<Brief> {
  const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'model.json') : path;
  if (!existsSync(file)) throw inputError(file, 'model not found (expected a model.json or an out folder holding one)');
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw inputError(file, `not valid JSON: ${(err as Error).message}`);
  }
  const { briefSchema } = await import('../../model/schema.js');
  const parsed = briefSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw inputError(file, `not a Briefwright model: "${issue.path.join('.') || '(top level)'}" ${issue.message}`);
  }
  return parsed.data;
}

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('list what changed between two editions (model.json files or out folders; default: the last two editions in --out)')
    .argument('[old]', 'the earlier model.json (or out folder)')
    .argument('[new]', 'the later model.json (or out folder)')
    .option('--out <dir>', 'out folder whose editions to compare when no files are given', 'out')
    .option('--json', 'print the changes as JSON')
    .action(async (oldArg: string | undefined, newArg: string | undefined, opts: { json?: boolean; out: string }) => {
      if (oldArg !== undefined && newArg === undefined) throw usageError('give two models to compare, or none to compare the last two editions');
      let oldPath = oldArg;
      const newPath = newArg ?? join(opts.out, 'model.json');
      const current = await readModel(newPath);
      let previous: Brief;
      if (oldPath === undefined) {
        const { findPreviousEdition } = await import('./build.js');
        const found = findPreviousEdition(opts.out, current.date);
        if (!found) throw inputError(opts.out, `no edition older than ${current.date} to compare with`);
        oldPath = found.path;
        previous = await readModel(oldPath);
      } else previous = await readModel(oldPath);
      const { diffBriefs, formatChanges } = await import('../../diff/index.js');
      // The newer edition's analyst overrides are part of what changed.
      const changes = { ...diffBriefs(previous, current), ...(current.overrides ? { overrides: current.overrides } : {}) };
      process.stdout.write(opts.json ? JSON.stringify(changes, null, 2) + '\n' : formatChanges(changes, { old: oldPath, new: newPath }));
    });
}
