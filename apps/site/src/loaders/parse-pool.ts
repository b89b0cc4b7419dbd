/**
 * Runs the parser's phase 1 (`parseContentFile`) over many files on every core: worker threads
 * (parse-worker.ts) and the main thread take batches of files from one queue, and every result is
 * put at its file's index, so the results (and the link and diagnostic order that follows from
 * them) never depend on which thread finished first. Few files are parsed on the main thread
 * alone: starting a worker and loading the parser in it costs more than it saves.
 *
 * A parse that throws, in any thread, fails with an error naming the file; a worker that dies
 * (out of memory, say) fails the parse with an error naming the file it was parsing.
 */
import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import {
  createEntityRegistry,
  parseContentFile,
  type ContentFileBytes,
  type EntityRegistry,
  type ParsedContentFile,
} from '@fact-digest/parser';
import type {
  PoolRequest,
  PoolResponse,
  RegistryEntity,
  WorkerData,
} from './parse-pool-messages.ts';

export type { RegistryEntity } from './parse-pool-messages.ts';

export interface Options {
  /** Worker threads to start; the main thread parses as well. Default: one per other core. */
  workers: number;
  /** Fewer files than this are parsed on the main thread only. */
  minFilesForWorkers: number;
  /** Files handed to a thread at a time. */
  batchSize: number;
  /** Heap limits of each worker thread. Default: Node's. */
  resourceLimits?: ResourceLimits;
  /**
   * The site's absolute URL: when given, every digest is parsed with it (`ParseOptions.siteUrl`)
   * and carries its feed HTML, links absolute, made on whichever thread parses it.
   */
  siteUrl?: string;
}

export const defaultOptions: Options = {
  workers: availableParallelism() - 1,
  // A worker takes a few hundred milliseconds to load the parser, about as long as the main
  // thread takes to parse 200 files.
  minFilesForWorkers: 400,
  batchSize: 32,
};

/** Called once per file as its result arrives, in no particular order (for caching). */
export type ParsedCallback = (index: number, result: ParsedContentFile) => void;

export interface ParsePool {
  /** Phase 1 for each file against a registry of `entities`; results in the order of `files`. */
  parse: (
    files: readonly ContentFileBytes[],
    entities: readonly RegistryEntity[],
    onParsed?: ParsedCallback,
  ) => Promise<ParsedContentFile[]>;
  /** Stops the worker threads. The pool starts them again if asked to parse after this. */
  close: () => Promise<void>;
  /** The site URL digests are parsed with (`Options.siteUrl`), if any. */
  siteUrl: string | undefined;
}

/** The worker entry as a file Node runs itself (this module may be running inside Vite). */
const workerFile = new URL('./parse-worker.ts', import.meta.url);

/** How many batches a worker may hold, so it has the next one while the main thread is busy. */
const batchesPerWorker = 2;

export class ParseFailedError extends Error {
  override name = 'ParseFailedError';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function parseFailed(file: ContentFileBytes, error: unknown): ParseFailedError {
  return new ParseFailedError(`Could not parse ${file.path}: ${describe(error)}`, {
    cause: error,
  });
}

function parseOne(
  file: ContentFileBytes,
  registry: EntityRegistry,
  siteUrl: string | undefined,
): ParsedContentFile {
  try {
    return parseContentFile(file, {
      entities: registry,
      ...(siteUrl === undefined ? {} : { siteUrl }),
    });
  } catch (error) {
    throw parseFailed(file, error);
  }
}

interface PoolWorker {
  worker: Worker;
  /** Batch and position in it of the file the worker is parsing (position -1: between files). */
  progress: Int32Array;
  /** Batches sent and not yet answered, oldest first. */
  pending: number[];
  /** Why the worker stopped, once it has. */
  stopped?: Error;
  /** Set when the pool terminates the worker, so its exit is not reported as a failure. */
  terminating?: boolean;
}

/** The state of one `parse` call, which the workers' messages report into. */
interface ParseRun {
  files: readonly ContentFileBytes[];
  batches: { start: number; end: number }[];
  results: ParsedContentFile[];
  nextBatch: number;
  remainingBatches: number;
  onParsed: ParsedCallback;
  failure?: Error;
  settle: () => void;
}

export function createParsePool(userOptions: Partial<Options> = {}): ParsePool {
  const options = { ...defaultOptions, ...userOptions };
  let workers: PoolWorker[] = [];
  let run: ParseRun | undefined;

  const fail = (failure: Error) => {
    if (!run || run.failure) return;
    run.failure = failure;
    run.settle();
  };

  /** Sends batches to `entry` until it holds `batchesPerWorker` or none are left. */
  const dispatch = (entry: PoolWorker) => {
    if (!run || entry.stopped) return;
    while (
      run.failure === undefined &&
      entry.pending.length < batchesPerWorker &&
      run.nextBatch < run.batches.length
    ) {
      const batch = run.nextBatch++;
      const { start, end } = run.batches[batch] as { start: number; end: number };
      entry.pending.push(batch);
      const request: PoolRequest = { type: 'parse', batch, files: run.files.slice(start, end) };
      entry.worker.postMessage(request);
    }
  };

  const finishBatch = (batch: number, results: readonly ParsedContentFile[]) => {
    if (!run) return;
    const { start } = run.batches[batch] as { start: number };
    for (const [offset, result] of results.entries()) {
      run.results[start + offset] = result;
      run.onParsed(start + offset, result);
    }
    run.remainingBatches -= 1;
    if (run.remainingBatches === 0) run.settle();
  };

  /** The files a stopped worker may have been parsing, for the error message. */
  const filesOf = (entry: PoolWorker): string => {
    if (!run) return 'no file';
    const batch = Atomics.load(entry.progress, 0);
    const position = Atomics.load(entry.progress, 1);
    const current = run.batches[batch];
    const file = current && position >= 0 ? run.files[current.start + position] : undefined;
    if (file && entry.pending.includes(batch)) return file.path;
    const held = entry.pending.flatMap((pending) => {
      const { start, end } = run?.batches[pending] ?? { start: 0, end: 0 };
      return run?.files.slice(start, end).map((candidate) => candidate.path) ?? [];
    });
    return held.length === 0 ? 'no file' : `one of ${held.join(', ')}`;
  };

  const startWorker = (): PoolWorker => {
    const progress = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
    progress.fill(-1);
    const workerData: WorkerData = {
      progress: progress.buffer as SharedArrayBuffer,
      ...(options.siteUrl === undefined ? {} : { siteUrl: options.siteUrl }),
    };
    const worker = new Worker(workerFile, {
      workerData,
      ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
    });
    const entry: PoolWorker = { worker, progress, pending: [] };
    const stop = (reason: string, cause?: unknown) => {
      if (entry.stopped || entry.terminating) return;
      const files = filesOf(entry);
      entry.stopped = new ParseFailedError(
        `A parse worker thread stopped (${reason}) while parsing ${files}.`,
        cause === undefined ? {} : { cause },
      );
      fail(entry.stopped);
    };
    worker.on('message', (response: PoolResponse) => {
      if (!run) return;
      entry.pending.splice(entry.pending.indexOf(response.batch), 1);
      if (response.type === 'failed') {
        const { start } = run.batches[response.batch] as { start: number };
        fail(parseFailed(run.files[start + response.position] as ContentFileBytes, response.error));
        return;
      }
      finishBatch(response.batch, response.results);
      dispatch(entry);
    });
    worker.on('error', (error) => stop(describe(error), error));
    worker.on('exit', (code) => stop(`exit code ${code}`));
    return entry;
  };

  const terminateWorkers = async () => {
    const stopping = workers.map((entry) => {
      entry.terminating = true;
      return entry.worker.terminate();
    });
    workers = [];
    await Promise.all(stopping);
  };

  const parseOnMainThread = async (current: ParseRun, registry: EntityRegistry) => {
    while (current.failure === undefined && current.nextBatch < current.batches.length) {
      const batch = current.nextBatch++;
      const { start, end } = current.batches[batch] as { start: number; end: number };
      try {
        finishBatch(
          batch,
          current.files.slice(start, end).map((file) => parseOne(file, registry, options.siteUrl)),
        );
      } catch (error) {
        fail(error as Error);
      }
      // Let the workers' answers in, so they get their next batch while this thread parses.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };

  return {
    async parse(files, entities, onParsed = () => {}) {
      if (run) throw new Error('The parse pool parses one set of files at a time.');
      const registry = createEntityRegistry(entities);
      if (options.workers < 1 || files.length < options.minFilesForWorkers) {
        return files.map((file, index) => {
          const result = parseOne(file, registry, options.siteUrl);
          onParsed(index, result);
          return result;
        });
      }
      // A worker that stopped between runs has exited: start another in its place.
      workers = workers.filter((entry) => !entry.stopped);
      while (workers.length < options.workers) workers.push(startWorker());

      const batches = [];
      for (let start = 0; start < files.length; start += options.batchSize) {
        batches.push({ start, end: Math.min(start + options.batchSize, files.length) });
      }
      let settle = () => {};
      const settled = new Promise<void>((resolve) => (settle = resolve));
      const current: ParseRun = {
        files,
        batches,
        results: new Array<ParsedContentFile>(files.length),
        nextBatch: 0,
        remainingBatches: batches.length,
        onParsed,
        settle,
      };
      run = current;
      try {
        const request: PoolRequest = {
          type: 'entities',
          entities: entities.map(({ id, name, aliases }) => ({ id, name, aliases })),
        };
        for (const entry of workers) {
          entry.worker.postMessage(request);
          dispatch(entry);
        }
        await parseOnMainThread(current, registry);
        await settled;
        if (current.failure) throw current.failure;
        return current.results;
      } finally {
        run = undefined;
        // Workers may still hold batches of a failed run: they must not answer into the next one.
        if (current.failure) await terminateWorkers();
      }
    },
    close: terminateWorkers,
    siteUrl: options.siteUrl,
  };
}
