import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli.ts';

describe('pnpm bench arguments', () => {
  afterEach(() => vi.restoreAllMocks());

  // Captures what the CLI writes to stderr; the real stream is not needed to check the message.
  const captureStderr = (): string[] => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    return written;
  };

  it('rejects sizes that are not positive whole numbers, before running anything', async () => {
    const written = captureStderr();
    expect(await main(['--sizes', '1000,ten'])).toBe(2);
    expect(written.join('')).toContain(
      '--sizes takes positive whole numbers separated by commas, not "1000,ten"',
    );
  });

  it('rejects an unknown scenario by name', async () => {
    const written = captureStderr();
    expect(await main(['--scenario', 'deploy'])).toBe(2);
    expect(written.join('')).toContain(
      'Unknown --scenario deploy: use parser, build, scaling, incremental',
    );
  });
});
