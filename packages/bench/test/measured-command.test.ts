import { describe, expect, it } from 'vitest';
import { CommandFailedError, measureCommand } from '../src/measure/measured-command.ts';
import { canSampleProcessTrees, processTree } from '../src/measure/process-tree-memory.ts';

const mebibyte = 1024 ** 2;
// Holds `size` MiB resident (filled, so the pages are really touched) for a second, then exits.
const holdMemory = (size: number): string =>
  `const block = Buffer.alloc(${size} * 1024 * 1024, 1); setTimeout(() => block.length, 1000);`;

describe('measureCommand', () => {
  it('can read process trees on this machine', () => {
    expect(canSampleProcessTrees()).toBe(true);
    expect(processTree(process.pid)).toContain(process.pid);
  });

  it('sums the memory of grandchildren running at the same time, not just the largest process', async () => {
    const node = JSON.stringify(process.execPath);
    // Two grandchildren of 200 MiB each under a shell: the tree peaks above 400 MiB, while no
    // single process goes much above 250 MiB.
    const script = `${node} -e ${JSON.stringify(holdMemory(200))} & ${node} -e ${JSON.stringify(holdMemory(200))} & wait`;
    const measurement = await measureCommand('sh', ['-c', script], { cwd: process.cwd() });
    expect(measurement.peakTreeRssBytes).toBeGreaterThan(400 * mebibyte);
    expect(measurement.samples).toBeGreaterThan(1);
  });

  it('reports what a failing command printed', async () => {
    const failure = measureCommand('sh', ['-c', 'echo broken build >&2; exit 3'], {
      cwd: process.cwd(),
    });
    await expect(failure).rejects.toThrow(CommandFailedError);
    await expect(failure).rejects.toThrow(
      'sh -c echo broken build >&2; exit 3 exited with 3:\nbroken build',
    );
  });
});
