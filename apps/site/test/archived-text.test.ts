/**
 * Source pages read the archived text from the source's file when they are rendered (the loader
 * does not store it): the text must be exactly the parser's, and a file changed since loading
 * must fail the page rather than show text that does not match the published hash.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadContent, type ContentSet } from '@fact-digest/parser';
import { archivedText } from '../src/lib/archived-text.ts';
import { publishedContent } from '../src/loaders/published-content.ts';
import { fixtureContentDir } from './support/site-build.ts';

let content: ContentSet;
const copies: string[] = [];

beforeAll(async () => {
  content = await loadContent(fixtureContentDir);
});

afterEach(async () => {
  for (const copy of copies.splice(0)) await rm(copy, { recursive: true, force: true });
});

describe('archivedText', () => {
  it("reads each published source's text exactly as the parser does", async () => {
    const { sources } = publishedContent(content);
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      const parsed = content.sources.find((candidate) => candidate.id === source.id);
      expect(archivedText(source, fixtureContentDir)).toBe(parsed?.text);
    }
  });

  it('fails when the file no longer holds the published text', async () => {
    const copy = await mkdtemp(path.join(tmpdir(), 'fact-digest-archived-text-'));
    copies.push(copy);
    await cp(fixtureContentDir, copy, { recursive: true });
    const [source] = publishedContent(content).sources;
    if (source === undefined) throw new Error('The fixtures publish no archived source.');
    const file = path.join(copy, source.file);
    await writeFile(file, `${await readFile(file, 'utf8')}\nA sentence added later.\n`);
    expect(() => archivedText(source, copy)).toThrow(
      `${source.file} changed after the content was loaded: it no longer holds archived source ${source.id} with content hash ${source.contentHash}.`,
    );
  });
});
