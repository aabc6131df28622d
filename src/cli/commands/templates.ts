/** `brief templates`: the templates a build can use. */
import type { Command } from 'commander';
import { listTemplates } from '../template-folder.js';

export function registerTemplates(program: Command): void {
  program
    .command('templates')
    .description('list the available templates')
    .option('--templates <dir>', 'folder of user templates')
    .action((opts) => {
      for (const name of listTemplates(opts.templates ? [opts.templates] : [])) process.stdout.write(name + '\n');
    });
}
