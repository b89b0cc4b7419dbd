import PQueue from 'p-queue';

/** File operations in flight at once: enough to keep libuv's thread pool busy, no more. */
const concurrentOperations = 16;

export interface FileOperationQueue {
  /** Starts `operation` once fewer than the limit are running; a failure is kept for `drain`. */
  add: (operation: () => Promise<unknown>) => void;
  /**
   * Waits until every operation added so far (and any added meanwhile) has settled; rejects with
   * the first failure since the last `drain`.
   */
  drain: () => Promise<void>;
}

/**
 * Runs file operations a few at a time and remembers the first failure. The content store
 * (content-store.ts) writes and deletes thousands of files, and the parse cache (parse-cache.ts)
 * deletes folders of earlier builds; started all at once they would open thousands of files and
 * only wait in libuv's thread pool.
 *
 * p-queue limits the concurrency; this wrapper only keeps the first failure, because p-queue
 * reports a failure through the task's own promise (and `onError()`, which rejects at once),
 * while `onIdle()` resolves whatever failed: the caches want every write and deletion to finish,
 * failed or not, and the first failure to surface when they wait for them.
 */
export function fileOperationQueue(limit = concurrentOperations): FileOperationQueue {
  const queue = new PQueue({ concurrency: limit });
  let failure: { error: unknown } | undefined;
  return {
    add(operation) {
      // Caught inside the task, so the failure is kept before the task counts as done (and
      // before `onIdle()` resolves), and the promise of `add` never rejects unhandled.
      void queue.add(async () => {
        try {
          await operation();
        } catch (error) {
          failure ??= { error };
        }
      });
    },
    async drain() {
      await queue.onIdle();
      if (failure) {
        const { error } = failure;
        failure = undefined;
        throw error;
      }
    },
  };
}
