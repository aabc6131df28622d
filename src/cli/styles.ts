/**
 * CSL styles for the sources list: the shipped ones in `styles/` (with the en-US locale), or a
 * `.csl` file the config names. Read here, at the CLI's edge; rendering gets the XML.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './version.js';
import { inputError, usageError } from '../model/errors.js';
import type { CslStyle } from '../render/references.js';

/** Folder of the shipped styles and locale. */
export const stylesDir = join(packageRoot, 'styles');

/** Names of the shipped styles ("apa", "chicago-author-date" …). */
export function shippedStyles(): string[] {
  return existsSync(stylesDir) ? readdirSync(stylesDir).filter((f) => f.endsWith('.csl')).map((f) => f.slice(0, -4)).sort() : [];
}

/** The style named (shipped) or the `.csl` file at `nameOrPath`, with the en-US locale. */
export function loadCslStyle(nameOrPath: string, configFile: string | null): CslStyle {
  const isFile = /\.csl$/i.test(nameOrPath);
  const path = isFile ? nameOrPath : join(stylesDir, `${nameOrPath}.csl`);
  const fail = (msg: string) => (configFile ? inputError(configFile, msg) : usageError(msg));
  if (!isFile && !shippedStyles().includes(nameOrPath)) throw fail(`unknown reference style "${nameOrPath}", expected one of ${shippedStyles().join(', ')} or a .csl file`);
  let style: string;
  try {
    style = readFileSync(path, 'utf8');
  } catch {
    throw fail(`cannot read the reference style ${path}`);
  }
  if (!/<style[\s>]/.test(style) || !/xbiblio\/csl/.test(style)) throw fail(`${path} is not a CSL style (no <style> element in the CSL namespace)`);
  return { name: nameOrPath, style, locale: readFileSync(join(stylesDir, 'locales-en-US.xml'), 'utf8') };
}
