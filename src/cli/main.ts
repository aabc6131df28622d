#!/usr/bin/env node
/** The `brief` command: a thin layer over the pipeline; errors become one line and an exit code. */
import { Command, CommanderError } from 'commander';
import { BriefwrightError, exitCodes } from '../model/errors.js';
import { version } from './version.js';
import { registerBuild } from './commands/build.js';
import { registerExtract } from './commands/extract.js';
import { registerTemplates } from './commands/templates.js';
import { registerEval } from './commands/eval.js';
import { registerInit } from './commands/init.js';
import { registerDiff } from './commands/diff.js';

export function createProgram(): Command {
  const program = new Command('brief')
    .description('Turn a folder of source texts into cited briefing notes')
    .version(version)
    .option('--debug', 'print stack traces for internal errors')
    .exitOverride()
    .showHelpAfterError('(run `brief --help` for usage)');
  registerBuild(program);
  registerExtract(program);
  registerTemplates(program);
  registerEval(program);
  registerInit(program);
  registerDiff(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = createProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version also arrive here, with exit code 0.
      return err.exitCode === 0 ? 0 : exitCodes.usage;
    }
    if (err instanceof BriefwrightError) {
      process.stderr.write(`brief: ${err.format()}\n`);
      return exitCodes[err.kind];
    }
    const e = err as Error;
    process.stderr.write(`brief: internal error: ${e?.message ?? String(err)}${program.opts().debug ? `\n${e?.stack}` : ' (run with --debug for details)'}\n`);
    return exitCodes.internal;
  }
}

main(process.argv).then((code) => {
  process.exitCode = code;
});
