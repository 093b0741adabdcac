/**
 * $batch reads that survive a timed-out part. SharePoint may answer one part of a batch with
 * ClientServiceTimeoutException while the others succeed (FIDELITY B-13); PnPjs does not
 * retry parts. A read queued through `batchedReads` is asked again, in a batch of its own, up
 * to PART_RETRIES times; after that it fails with the timeout, which `isServerBusy` reports as
 * "SharePoint is busy" — never a partial answer.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import { isPartTimeout } from './errors';

/** Queues a read on the batch: `read` is called with the batched spfi (and again, on a fresh batch, on a timeout). */
export type BatchedRead = <T>(read: (sp: SPFI) => Promise<T>) => Promise<T>;

/** How often one timed-out part is asked again before the read fails. */
export const PART_RETRIES: number = 3;

/** `first` (a read queued on a batch), asked again through `read` on a fresh batch while SharePoint answers it with a timeout. */
export function retryTimedOut<T>(sp: SPFI, read: (s: SPFI) => Promise<T>, first: Promise<T>): Promise<T> {
  let left = PART_RETRIES;
  const again = (e: unknown): Promise<T> => {
    if (!isPartTimeout(e) || left <= 0) return Promise.reject(e);
    left--;
    const [batched, execute] = sp.batched();
    const p = read(batched);
    // Settled before execute returns; handled once it has.
    p.catch(() => undefined);
    return execute().then(() => p).catch(again);
  };
  return first.catch(again);
}

/** A $batch on `sp` whose reads are retried on a timed-out part; `execute` sends it. */
export function batchedReads(sp: SPFI, props?: { maxRequests?: number }): [BatchedRead, () => Promise<void>] {
  const [batched, execute] = sp.batched(props);
  const queue: BatchedRead = <T>(read: (s: SPFI) => Promise<T>): Promise<T> => {
    const p = retryTimedOut(sp, read, read(batched));
    p.catch(() => undefined);
    return p;
  };
  return [queue, execute];
}
