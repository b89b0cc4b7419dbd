/**
 * A worker thread of the phase-1 parse pool (see parse-pool.ts). Node runs this file itself, not
 * Vite, so it imports only what Node can load directly: the parser, through its package exports.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createEntityRegistry, parseContentFile, type EntityRegistry } from '@fact-digest/parser';
import type { PoolRequest, PoolResponse, WorkerData } from './parse-pool-messages.ts';

const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs only as a worker thread of the parse pool.');
// Which file this worker is parsing, so the pool can name it if the worker dies mid-parse.
const { progress: progressBuffer, siteUrl } = workerData as WorkerData;
const progress = new Int32Array(progressBuffer);
let registry: EntityRegistry = createEntityRegistry([]);

port.on('message', (request: PoolRequest) => {
  if (request.type === 'entities') {
    registry = createEntityRegistry(request.entities);
    return;
  }
  const results = [];
  for (const [position, file] of request.files.entries()) {
    Atomics.store(progress, 0, request.batch);
    Atomics.store(progress, 1, position);
    try {
      results.push(
        parseContentFile(file, {
          entities: registry,
          ...(siteUrl === undefined ? {} : { siteUrl }),
        }),
      );
    } catch (error) {
      const response: PoolResponse = { type: 'failed', batch: request.batch, position, error };
      port.postMessage(response);
      return;
    }
  }
  Atomics.store(progress, 1, -1);
  const response: PoolResponse = { type: 'parsed', batch: request.batch, results };
  port.postMessage(response);
});
