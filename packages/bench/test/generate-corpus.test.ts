import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { contentHash as parserContentHash, loadContent, verdictIds } from '@fact-digest/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contentHash,
  generateCorpus,
  writeCorpus,
  type Corpus,
} from '../src/corpus/generate-corpus.ts';

describe('generateCorpus', () => {
  it('is deterministic: the same seed gives the same files, another seed different ones', () => {
    const first = generateCorpus({ digests: 10, seed: 5 });
    expect(generateCorpus({ digests: 10, seed: 5 }).files).toEqual(first.files);
    expect(generateCorpus({ digests: 10, seed: 6 }).files).not.toEqual(first.files);
  });

  it('refuses corpora too small to hold every verdict', () => {
    expect(() => generateCorpus({ digests: 7 })).toThrow(
      'A corpus needs at least 8 digests (got 7) so every verdict and a draft appear.',
    );
  });

  it('hashes archived text the way the parser does', () => {
    expect(contentHash('Archived text\nas received')).toBe(
      parserContentHash('Archived text\nas received'),
    );
  });
});

describe('a generated corpus, read back by the parser', () => {
  let dir: string;
  let corpus: Corpus;
  let content: Awaited<ReturnType<typeof loadContent>>;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'bench-corpus-'));
    corpus = generateCorpus({ digests: 60 });
    await writeCorpus(corpus, dir);
    content = await loadContent(dir);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('has no diagnostics at all, errors or warnings', () => {
    expect(content.diagnostics).toEqual([]);
  });

  it('holds every digest, entity and source it generated', () => {
    expect(content.digests.map((digest) => digest.id).sort()).toEqual([...corpus.digestIds].sort());
    expect(content.entities).toHaveLength(corpus.stats.entities);
    expect(content.sources).toHaveLength(corpus.stats.sources);
  });

  it('uses every verdict, with claimants from the registry', () => {
    const claims = content.digests.flatMap((digest) => digest.claims);
    expect(new Set(claims.map((claim) => claim.verdict))).toEqual(new Set(verdictIds));
    const entityIds = new Set(content.entities.map((entity) => entity.id));
    expect(claims.every((claim) => entityIds.has(claim.claimant))).toBe(true);
  });

  it('gives each digest 2–5 claims, 2–6 cross-references to other digests and entity mentions', () => {
    for (const digest of content.digests) {
      expect(digest.claims.length).toBeGreaterThanOrEqual(2);
      expect(digest.claims.length).toBeLessThanOrEqual(5);
      const toDigests = digest.links.filter(
        (link) => link.target.kind === 'digest' || link.target.kind === 'claim',
      );
      expect(toDigests.length).toBeGreaterThanOrEqual(2);
      expect(toDigests.length).toBeLessThanOrEqual(6);
      expect(
        toDigests.every(
          (link) =>
            link.target.kind === 'entity' ||
            ('digestId' in link.target && link.target.digestId !== digest.id),
        ),
      ).toBe(true);
      expect(digest.mentions.some((mention) => mention.via === 'alias')).toBe(true);
      expect(digest.mentions.some((mention) => mention.via === 'link')).toBe(true);
    }
  });

  it('writes 400–800 words of prose per digest', () => {
    expect(corpus.stats.wordsPerDigest.min).toBeGreaterThanOrEqual(400);
    expect(corpus.stats.wordsPerDigest.max).toBeLessThanOrEqual(800 + 40);
  });

  it('has drafts, corrections and tags somewhere', () => {
    expect(content.digests.some((digest) => digest.status === 'draft')).toBe(true);
    expect(content.digests.some((digest) => digest.corrections.length > 0)).toBe(true);
    expect(content.digests.some((digest) => digest.tags.length > 0)).toBe(true);
  });

  it('quotes each claim verbatim from its archived source', async () => {
    const digest = content.digests[0];
    const claim = digest?.claims[0];
    const archived = await readFile(path.join(dir, 'sources', `${claim?.source}.md`), 'utf8');
    expect(archived).toContain(claim?.quote);
  });
});
