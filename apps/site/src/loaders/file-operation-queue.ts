/** File operations in flight at once: enough to keep libuv's thread pool busy, no more. */
const concurrentOperations = 16;

/**
 * Runs file operations a few at a time and remembers the first failure. The loader's caches
 * (parse-cache.ts, html-store.ts) write and delete thousands of files; started all at once they
 * would open thousands of files and only wait in libuv's thread pool.
 */
export function fileOperationQueue(limit = concurrentOperations) {
  const waiting: (() => Promise<unknown>)[] = [];
  let running = 0;
  let failure: { error: unknown } | undefined;
  let idle: (() => void)[] = [];
  const next = () => {
    while (running < limit && waiting.length > 0) {
      const operation = waiting.shift() as () => Promise<unknown>;
      running += 1;
      operation()
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .finally(() => {
          running -= 1;
          next();
        });
    }
    if (running === 0 && waiting.length === 0) {
      for (const resolve of idle) resolve();
      idle = [];
    }
  };
  return {
    add(operation: () => Promise<unknown>) {
      waiting.push(operation);
      next();
    },
    async drain() {
      if (running > 0 || waiting.length > 0)
        await new Promise<void>((resolve) => idle.push(resolve));
      if (failure) {
        const { error } = failure;
        failure = undefined;
        throw error;
      }
    },
  };
}
