/**
 * The sources list's formatter in a thread of its own. Building citeproc's engine for a large style
 * (APA) takes about a second of CPU and needs only the style, so it is started before the sources
 * are analysed and runs beside them on another core; the items are sent once the brief exists.
 * Where the thread cannot run (the compiled worker is missing, as when running from source, or the
 * thread fails), the formatting is done on the calling thread, with the same result or error.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CslItem } from '../../render/csl-items.js';
import { formatReferences, type CslStyle, type FormattedReferences } from '../../render/references.js';

/** Formats the sources list's items; call it once. */
export type ReferenceFormat = (items: CslItem[]) => Promise<FormattedReferences>;

/** Starts building the engine for `style` in a worker thread; the returned function formats with it. */
export function startReferenceFormatter(style: CslStyle): ReferenceFormat {
  const inline: ReferenceFormat = async (items) => formatReferences(items, style);
  const url = new URL('./reference-worker.js', import.meta.url);
  if (url.protocol !== 'file:' || !existsSync(fileURLToPath(url))) return inline;
  let worker: Worker;
  try {
    worker = new Worker(url, { workerData: style });
  } catch {
    return inline;
  }
  // never keeps the process alive (a build that fails before asking leaves it behind)
  worker.unref();
  let broken = false;
  let pending: ((r: FormattedReferences | null) => void) | null = null;
  const settle = (r: FormattedReferences | null): void => {
    const p = pending;
    pending = null;
    p?.(r);
  };
  worker.on('message', (r: FormattedReferences) => {
    settle(r);
    void worker.terminate();
  });
  worker.on('error', () => {
    broken = true;
    settle(null);
  });
  worker.on('exit', () => {
    broken = true;
    settle(null);
  });
  return async (items) => {
    if (!broken) {
      // kept alive while its answer is awaited
      worker.ref();
      const r = await new Promise<FormattedReferences | null>((resolve) => {
        pending = resolve;
        worker.postMessage(items);
      });
      if (r) return r;
    }
    return formatReferences(items, style);
  };
}
