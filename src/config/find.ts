/** Finding the config file (no parsing, so cheap to load when a project has none). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Names the config file may have, in the order they are looked for. */
export const configFileNames = ['briefwright.config.yaml', 'briefwright.config.yml', 'briefwright.config.json'] as const;

/** The config file in `dir`, if there is one. */
export function findConfig(dir: string): string | null {
  for (const name of configFileNames) {
    const p = join(dir, name);
    if (existsSync(p)) return p;
  }
  return null;
}
