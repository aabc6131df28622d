/**
 * Worker-thread entry (piscina): takes sources from the shared queue of `lanes.ts` until it is
 * empty, off the main thread, posting each result on the task's port as soon as it is ready.
 */
import { drain, type DrainTask } from './lanes.js';

/** Returns how many sources this worker did; results travel back by structured clone over the port. */
export default async function drainTask(task: DrainTask): Promise<number> {
  // the main thread closes the channel once it has every result (closing here could drop the last one)
  return drain(task, (r) => task.port.postMessage(r));
}
