/**
 * The editor's guide promises that its complete example digest passes `pnpm check`: this test
 * keeps that promise true as the format and the content change.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '@fact-digest/parser';
import { contentDir } from '../index.ts';

const exampleId = '2025-06-12-prisoner-exchange';

/** The fenced Markdown block under "### A complete example" in content/README.md. */
async function readExampleDigest(): Promise<string> {
  const readme = await readFile(path.join(contentDir, 'README.md'), 'utf8');
  const section = readme.split('\n### A complete example\n')[1];
  if (section === undefined) throw new Error('README has no "### A complete example" section');
  const match = /^```markdown\n([\s\S]*?)^```$/m.exec(section);
  if (!match?.[1]) throw new Error('The example section has no ```markdown block');
  return match[1];
}

/** The committed content with the example in place of the digest it shortens. */
async function loadWithExample(): Promise<Awaited<ReturnType<typeof loadContent>>> {
  const root = await mkdtemp(path.join(tmpdir(), 'fact-digest-readme-'));
  for (const folder of ['digests', 'entities', 'sources']) {
    await cp(path.join(contentDir, folder), path.join(root, folder), { recursive: true });
  }
  await writeFile(path.join(root, 'digests', `${exampleId}.md`), await readExampleDigest());
  try {
    return await loadContent(root);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

describe("the editor's guide example", () => {
  it('is accepted by the parser in place of the digest it shortens', async () => {
    const loaded = await loadWithExample();
    const errors = loaded.diagnostics
      .filter((diagnostic) => diagnostic.severity === 'error')
      .map((diagnostic) => `${diagnostic.file}:${diagnostic.line} ${diagnostic.message}`);
    expect(errors).toEqual([]);

    const digest = loaded.digests.find((candidate) => candidate.id === exampleId);
    expect(digest?.status).toBe('published');
    expect(digest?.claims.map((claim) => claim.id)).toEqual([
      'another-group',
      'under-istanbul-deal',
      'release-count',
    ]);
  });

  it('shortens the real digest without changing its title or claims', async () => {
    const [real, withExample] = await Promise.all([loadContent(contentDir), loadWithExample()]);
    const original = real.digests.find((candidate) => candidate.id === exampleId);
    const shortened = withExample.digests.find((candidate) => candidate.id === exampleId);
    expect(shortened?.title).toBe(original?.title);
    const summarise = (claim: {
      id: string;
      quote: string;
      verdict: string;
      claimant: string;
    }) => ({
      id: claim.id,
      quote: claim.quote,
      verdict: claim.verdict,
      claimant: claim.claimant,
    });
    const originalClaims = (original?.claims ?? []).map(summarise);
    const shortenedClaims = (shortened?.claims ?? []).map(summarise);
    expect(shortenedClaims.length).toBeGreaterThan(0);
    expect(originalClaims).toEqual(expect.arrayContaining(shortenedClaims));
  });
});
