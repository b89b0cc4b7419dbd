/**
 * The queue the loader's caches write and delete files through: a few operations at a time,
 * every one run to its end, and the first failure reported when the caller waits for them.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileOperationQueue } from '../src/loaders/file-operation-queue.ts';

/** An operation that runs until the test lets it finish. */
function heldOperation() {
  let finish = (): void => undefined;
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return { finished, finish: () => finish() };
}

/** Lets every callback that is already due run (promise jobs and I/O callbacks). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'file-operation-queue-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('file operation queue', () => {
  it('runs at most `limit` operations at once, in the order they were added', async () => {
    const queue = fileOperationQueue(2);
    const held = Array.from({ length: 5 }, heldOperation);
    const started: number[] = [];
    let running = 0;
    let mostRunning = 0;
    held.forEach((operation, index) => {
      queue.add(async () => {
        started.push(index);
        running += 1;
        mostRunning = Math.max(mostRunning, running);
        await operation.finished;
        running -= 1;
      });
    });
    await settle();
    expect(started).toEqual([0, 1]);
    held[1]?.finish();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    for (const operation of held) operation.finish();
    await queue.drain();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(mostRunning).toBe(2);
  });

  it('finishes every operation, failed or not, and then rejects with the first failure', async () => {
    const queue = fileOperationQueue(2);
    const late = heldOperation();
    queue.add(() => writeFile(path.join(dir, 'missing', 'first.json'), '{}'));
    queue.add(async () => {
      await late.finished;
      await writeFile(path.join(dir, 'late.json'), '{}');
    });
    queue.add(() => writeFile(path.join(dir, 'missing', 'second.json'), '{}'));
    queue.add(() => writeFile(path.join(dir, 'after.json'), '{}'));
    const drained = queue.drain();
    await settle();
    late.finish();
    await expect(drained).rejects.toThrow(
      `ENOENT: no such file or directory, open '${path.join(dir, 'missing', 'first.json')}'`,
    );
    expect((await readdir(dir)).sort()).toEqual(['after.json', 'late.json']);
  });

  it('reports a failure once: the next drain without new failures resolves', async () => {
    const queue = fileOperationQueue();
    queue.add(() => Promise.reject(new Error('disk full')));
    await expect(queue.drain()).rejects.toThrow('disk full');
    queue.add(() => writeFile(path.join(dir, 'a.json'), '{}'));
    await expect(queue.drain()).resolves.toBeUndefined();
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('waits for operations added while it drains', async () => {
    const queue = fileOperationQueue(1);
    const first = heldOperation();
    queue.add(() => first.finished);
    const drained = queue.drain();
    queue.add(() => writeFile(path.join(dir, 'added-while-draining.json'), '{}'));
    first.finish();
    await drained;
    expect(await readdir(dir)).toEqual(['added-while-draining.json']);
  });

  it('drains at once when nothing was added', async () => {
    await expect(fileOperationQueue().drain()).resolves.toBeUndefined();
  });
});
