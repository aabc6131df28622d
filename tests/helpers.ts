/** Paths shared by tests: the repository root and the read-only shared data beside it (also in CI). */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
/** `../shared` next to the clone: seeds and the development data with gold answers. */
export const sharedDir = join(repoRoot, '..', 'shared');
export const nusDir = join(sharedDir, 'eval', 'nus');
export const hasShared = existsSync(nusDir);
export const cliPath = join(repoRoot, 'dist', 'src', 'cli', 'main.js');
