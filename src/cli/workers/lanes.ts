/**
 * Per-source work spread over threads: the main thread and worker threads (piscina) take the next
 * source from one shared queue, largest first, until none is left. The main thread is one of the
 * lanes because it would otherwise only wait, and every thread pays for loading the program,
 * pdfjs and the tagger model and for warming them up: one thread fewer is that much less CPU for
 * the same parallelism.
 *
 * The queue is a counter in shared memory, so a worker takes its next source without a round trip
 * through the main thread (which may be busy for a second with a source of its own); each result
 * comes back over a message port as soon as it is ready.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { AnalyzeOptions } from '../../model/context.js';
import type { RawFile } from '../../model/document.js';
import { analyzeOne, type TimedSourceResult } from './analyze-one.js';

/** What a worker is given: all sources to do, the order to take them in and the shared counter. */
export interface DrainTask {
  files: RawFile[];
  /** Indices into `files`, in the order they are taken. */
  order: number[];
  /** One Int32 in shared memory: the position in `order` of the next source to take. */
  next: Int32Array;
  options: AnalyzeOptions;
  port: MessagePort;
}

/** A result as a worker posts it: the index of the source in `files`. */
export interface LaneResult {
  index: number;
  result: TimedSourceResult;
}

/** Takes sources from the shared queue until it is empty; returns how many this lane did. */
export async function drain(task: Omit<DrainTask, 'port'>, done: (r: LaneResult) => void): Promise<number> {
  let count = 0;
  for (let k = Atomics.add(task.next, 0, 1); k < task.order.length; k = Atomics.add(task.next, 0, 1)) {
    const index = task.order[k];
    done({ index, result: await analyzeOne(task.files[index], task.options) });
    count++;
  }
  return count;
}

/**
 * Analyses `files[i]` for each i of `todo` on `threads` threads (the main thread and threads − 1
 * workers; a single thread asked for is one worker) and hands each result to `finish` as it comes.
 */
export async function analyzeInLanes(files: readonly RawFile[], todo: readonly number[], threads: number, options: AnalyzeOptions, finish: (index: number, r: TimedSourceResult) => void): Promise<void> {
  const workers = threads <= 1 ? 1 : threads - 1;
  const order = [...todo].sort((a, b) => files[b].bytes.length - files[a].bytes.length || a - b);
  const next = new Int32Array(new SharedArrayBuffer(4));
  // only the sources in the queue travel to the workers
  const shipped: RawFile[] = [];
  for (const i of order) shipped[i] = files[i];
  const { Piscina } = await import('piscina');
  const pool = new Piscina({ filename: new URL('./analyze-worker.js', import.meta.url).href, minThreads: workers, maxThreads: workers, idleTimeout: 1000 });
  const channels: MessageChannel[] = [];
  try {
    const lanes = Array.from({ length: workers }, () => {
      const channel = new MessageChannel();
      channels.push(channel);
      let received = 0;
      let expected = -1;
      return new Promise<void>((resolve, reject) => {
        const settle = (): void => {
          if (received === expected) resolve();
        };
        channel.port1.on('message', (m: LaneResult) => {
          finish(m.index, m.result);
          received++;
          settle();
        });
        const task: DrainTask = { files: shipped, order, next, options, port: channel.port2 };
        pool.run(task, { transferList: [channel.port2] }).then((count: number) => {
          expected = count;
          settle();
        }, reject);
      });
    });
    if (threads > 1) lanes.push(drain({ files: files as RawFile[], order, next, options }, (r) => finish(r.index, r.result)).then(() => undefined));
    await Promise.all(lanes);
  } finally {
    for (const c of channels) c.port1.close();
    await pool.destroy();
  }
}
