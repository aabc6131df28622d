/**
 * Worker-thread entry: builds the citeproc engine for the style it is given as soon as it starts
 * (while the main thread analyses the sources), then formats the items it is sent, once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CslItem } from '../../render/csl-items.js';
import { referenceFormatter, type CslStyle } from '../../render/references.js';

// A style citeproc cannot build fails here: the thread exits with the error and the main thread
// formats on its own, which reports the error where a build always has.
const format = referenceFormatter(workerData as CslStyle);
parentPort!.once('message', (items: CslItem[]) => parentPort!.postMessage(format(items)));
