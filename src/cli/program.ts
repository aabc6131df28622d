/** The `brief` command: a thin layer over the pipeline; errors become one line and an exit code. */
import { Command, CommanderError } from 'commander';
import { BriefwrightError, exitCodes } from '../model/errors.js';
import { version } from './version.js';
/**
 * Commands by name, each loaded only when needed: a command module may import whole stages (the
 * NLP model, PDF and DOCX libraries), and `brief build` should not pay for `brief eval`'s imports.
 * A new command is one row here.
 */
const commands: Readonly<Record<string, () => Promise<(program: Command) => void>>> = {
  build: async () => (await import('./commands/build.js')).registerBuild,
  extract: async () => (await import('./commands/extract.js')).registerExtract,
  templates: async () => (await import('./commands/templates.js')).registerTemplates,
  eval: async () => (await import('./commands/eval.js')).registerEval,
  init: async () => (await import('./commands/init.js')).registerInit,
  diff: async () => (await import('./commands/diff.js')).registerDiff,
};

/** The program with the commands `argv` needs: only the one named, or all (for help and unknown names). */
export async function createProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command('brief')
    .description('Turn a folder of source texts into cited briefing notes')
    .version(version)
    .option('--debug', 'print stack traces for internal errors')
    .exitOverride()
    .showHelpAfterError('(run `brief --help` for usage)');
  const named = argv.slice(2).find((a) => !a.startsWith('-'));
  const wanted = named !== undefined && named in commands ? [named] : Object.keys(commands);
  for (const register of await Promise.all(wanted.map((n) => commands[n]()))) register(program);
  return program;
}

/** Runs the command line `argv` (as in process.argv); resolves to the exit code, never throws. */
export async function main(argv: string[]): Promise<number> {
  let program: Command | undefined;
  try {
    program = await createProgram(argv);
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
    process.stderr.write(`brief: internal error: ${e?.message ?? String(err)}${(program?.opts().debug ?? argv.includes('--debug')) ? `\n${e?.stack}` : ' (run with --debug for details)'}\n`);
    return exitCodes.internal;
  }
}
