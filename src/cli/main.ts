#!/usr/bin/env node
/**
 * The `brief` executable. It turns on Node's module compile cache (Node 22.1 and later; a no-op on
 * older Node) before the program loads, so the second and later runs read V8's compiled code for
 * the bundle's chunks instead of compiling several megabytes of JavaScript again; that is most of
 * a short command's start-up. Hence this file imports nothing of the program statically: every
 * module a static import names would be compiled before this code ran.
 *
 * The cache lives where Node puts it by default (`node-compile-cache` in the OS temporary folder,
 * or `NODE_COMPILE_CACHE`), keyed by each file's content and the Node version; it never touches the
 * project or the outputs. `NODE_DISABLE_COMPILE_CACHE=1` turns it off.
 */
import module from 'node:module';

(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const { main } = await import('./program.js');
process.exitCode = await main(process.argv);
