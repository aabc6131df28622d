/**
 * Run by `make build` after bundling: saves the bundle folder's code hash beside its chunks, so a
 * build reads 64 characters instead of hashing every chunk (see programCodeHash).
 *
 *   node dist/src/cache/write-code-hash.js dist/brief
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { codeHashFile, hashCodeFolder } from './index.js';

const dir = resolve(process.argv[2] ?? 'dist/brief');
writeFileSync(join(dir, codeHashFile), hashCodeFolder(dir, new Set()) + '\n');
