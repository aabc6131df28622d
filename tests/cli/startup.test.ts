/**
 * What `brief build` loads before it knows whether anything changed. A no-change rebuild must stay
 * fast (`make bench`: at most 0.3 s), so the code a build reads at start-up (the CLI entry, the build
 * command and what they import statically) holds none of the large libraries the later stages use:
 * they are imported when a stage first needs them. A value import of the config schema from the
 * settings code once put zod on this path and cost a third more on every no-change rebuild.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cliPath } from '../helpers.js';

/** The files a chunk imports statically (`import … from "./chunk.js"`), and theirs, from `start`. */
function staticClosure(dir: string, start: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(join(dir, file), 'utf8');
    for (const m of text.matchAll(/^import\s*(?:[\w$*{}\s,]+?\s*from\s*)?"\.\/([^"]+)";/gm)) queue.push(m[1]!);
  }
  return [...seen];
}

describe.skipIf(!existsSync(cliPath))('brief build at start-up', () => {
  it('reads none of the libraries of the later stages before it knows what changed', () => {
    const dir = dirname(cliPath);
    // main.js only turns on the compile cache and imports the program, which imports `build` when asked.
    const program = /import\("\.\/(program-[\w-]+\.js)"\)/.exec(readFileSync(cliPath, 'utf8'))?.[1];
    expect(program).toBeDefined();
    const build = /import\("\.\/(build-[\w-]+\.js)"\)/.exec(readFileSync(join(dir, program!), 'utf8'))?.[1];
    expect(build).toBeDefined();
    const files = staticClosure(dir, ['main.js', program!, build!]);
    const code = files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    // One name each library's code is sure to hold.
    const libraries = { zod: 'ZodError', 'pdf-lib': 'PDFDocument', handlebars: 'Handlebars', 'wink-nlp': 'winkNLP', '@mozilla/readability': 'Readability', mammoth: 'mammoth', 'pdfjs-dist': 'pdfjs' };
    expect(Object.entries(libraries).filter(([, mark]) => code.includes(mark)).map(([name]) => name)).toEqual([]);
  });
});
