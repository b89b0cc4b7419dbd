// Runs every fixture folder (see run-fixture.ts) against its expected output.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixtureNames, fixturesDir, runFixture } from './run-fixture.ts';

const update = process.env.UPDATE_FIXTURES === '1';

function expectFile(path: string, actual: string): void {
  if (update) writeFileSync(path, actual);
  else expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('fixtures', () => {
  for (const name of fixtureNames) {
    test(name, () => {
      const dir = join(fixturesDir, name);
      const { diagnostics, html } = runFixture(name);
      expectFile(join(dir, 'diagnostics.txt'), diagnostics === '' ? '' : `${diagnostics}\n`);
      if (html !== undefined && (update || existsSync(join(dir, 'output.html')))) {
        expectFile(join(dir, 'output.html'), `${html}\n`);
      }
    });
  }
});
