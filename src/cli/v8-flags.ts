/**
 * V8 settings for a short-lived command, set before any other module loads.
 *
 * - By default V8 hands a function to its optimising compiler after little use; in a build of a
 *   few sources that compiling (on the second core) costs more than the optimised code saves: a
 *   cold build of the bundled papers took 0.7 s more CPU and 0.2 s longer. A larger budget still
 *   optimises what runs long, as in a build of hundreds of sources.
 * - A regular expression is first interpreted, then compiled to machine code once it has run;
 *   our analysers run each of their hundred-odd expressions over every sentence, so compiling at
 *   once saves compiling twice (about 0.1 s of a cold build).
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--interrupt-budget=1000000');
setFlagsFromString('--no-regexp-tier-up');
