/**
 * The build stamp (`out/.briefwright-build.json`): a hash of everything a build reads (program,
 * settings, sources, templates, previous edition) and the hashes of what it wrote. When the next
 * build would read exactly the same and the outputs are still as written, it has nothing to do:
 * it replays the diagnostics and stops. This is what makes a no-change rebuild cheap.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../model/diagnostics.js';
import { sha256, stableJson } from './index.js';

/** Name of the stamp file in the out folder. */
export const stampName = '.briefwright-build.json';

export interface BuildStamp {
  /** Hash of the build's inputs. */
  inputs: string;
  /** Output path (relative to the out folder) → sha256 of its bytes. */
  outputs: Record<string, string>;
  /** Diagnostics of the build, replayed when it is skipped (with line and column already set). */
  messages: Diagnostic[];
}

/** Hash of a build's inputs; `parts` must hold everything that can change an output. */
export function inputsHash(parts: Record<string, unknown>): string {
  return sha256(stableJson(parts));
}

/** The stamp in `outDir` when it matches `inputs` and every output it lists is unchanged on disk, else null. */
export function upToDateStamp(outDir: string, inputs: string): BuildStamp | null {
  const p = join(outDir, stampName);
  if (!existsSync(p)) return null;
  let stamp: BuildStamp;
  try {
    stamp = JSON.parse(readFileSync(p, 'utf8')) as BuildStamp;
  } catch {
    return null;
  }
  if (!stamp || stamp.inputs !== inputs || typeof stamp.outputs !== 'object' || !Array.isArray(stamp.messages)) return null;
  for (const [name, sum] of Object.entries(stamp.outputs)) {
    try {
      if (sha256(readFileSync(join(outDir, name))) !== sum) return null;
    } catch {
      return null;
    }
  }
  return stamp;
}
