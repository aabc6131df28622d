/**
 * `brief diff OLD NEW`: what changed between two editions (model.json files, or out folders
 * holding one), matched by content. Plain text by default, Markdown with --format md, JSON with
 * --format json (or --json). `--fail-on recommendations` (etc.) makes a change a non-zero exit, for CI.
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

/** Exit code of `brief diff --fail-on` when a named kind of content changed (distinct from every error's code). */
export const changedExitCode = 5;

interface DiffFlags {
  out: string;
  json?: boolean;
  format?: string;
  failOn?: string;
}

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('list what changed between two editions (model.json files or out folders; default: the last two editions in --out)')
    .argument('[old]', 'the earlier model.json (or out folder)')
    .argument('[new]', 'the later model.json (or out folder)')
    .option('--out <dir>', 'out folder whose editions to compare when no files are given', 'out')
    .option('--format <format>', 'text, md (Markdown, e.g. for a CI job summary) or json', 'text')
    .option('--json', 'the same as --format json')
    .option('--fail-on <kinds>', 'exit 5 when any of these changed: sources, themes, findings, recommendations, agreements or any (comma-separated)')
    .action(async (oldArg: string | undefined, newArg: string | undefined, opts: DiffFlags) => {
      if (oldArg !== undefined && newArg === undefined) throw usageError('give two models to compare, or none to compare the last two editions');
      const format = opts.json ? 'json' : opts.format ?? 'text';
      if (!['text', 'md', 'json'].includes(format)) throw usageError(`--format must be text, md or json, got "${format}"`);
      const { diffBriefs, formatChanges, formatChangesMarkdown, hasChanged, changeKinds } = await import('../../diff/index.js');
      const failOn = (opts.failOn ?? '').split(',').map((k) => k.trim()).filter(Boolean);
      for (const k of failOn) if (k !== 'any' && !(changeKinds as readonly string[]).includes(k)) throw usageError(`--fail-on takes ${changeKinds.join(', ')} or any, got "${k}"`);
      let oldPath = oldArg;
      const newPath = newArg ?? join(opts.out, 'model.json');
      const current = await readModel(newPath);
      let previous: Brief;
      if (oldPath === undefined) {
        const { findPreviousEdition } = await import('./build.js');
        const found = findPreviousEdition(opts.out, current.date);
        if (!found) {
          // A first edition is not an error: a scheduled job's first run reports it and goes on.
          const { firstEditionMarkdown } = await import('../../diff/format.js');
          const text = format === 'json' ? JSON.stringify({ since: null, first: true, date: current.date }, null, 2) + '\n' : format === 'md' ? firstEditionMarkdown(current.date) : `No edition older than ${current.date} in ${opts.out}: this is the first.\n`;
          process.stdout.write(text);
          return;
        }
        oldPath = found.path;
        previous = await readModel(oldPath);
      } else previous = await readModel(oldPath);
      // The newer edition's analyst overrides are part of what changed.
      const changes = { ...diffBriefs(previous, current), ...(current.overrides ? { overrides: current.overrides } : {}) };
      const labels = { old: oldPath, new: newPath };
      process.stdout.write(format === 'json' ? JSON.stringify(changes, null, 2) + '\n' : format === 'md' ? formatChangesMarkdown(changes, { ...labels, date: current.date }) : formatChanges(changes, labels));
      const kinds = failOn.includes('any') ? changeKinds : changeKinds.filter((k) => failOn.includes(k));
      const changed = kinds.filter((k) => hasChanged(changes, k));
      if (changed.length) {
        process.stderr.write(`brief: ${changed.join(', ')} changed since ${changes.since ?? 'the previous edition'} (--fail-on)\n`);
        process.exitCode = changedExitCode;
      }
    });
}
