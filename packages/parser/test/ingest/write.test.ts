// The writer, end to end on disk: a temp content directory with a small registry of its own.
import { cp, mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasErrors, loadContent } from '../../src/index.ts';
import { ingestFiles, UnsafePathError } from '../../src/ingest/index.ts';
import type { IngestOptions } from '../../src/ingest/index.ts';

const fixtures = path.join(import.meta.dirname, 'fixtures');
const article = path.join(fixtures, 'kyiv-independent-2025-06-14-pow-exchange.txt');
let root: string;
let contentDir: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'ingest-write-'));
  contentDir = path.join(root, 'content');
  await cp(path.join(fixtures, 'registry'), contentDir, { recursive: true });
});
afterEach(async () => {
  const { rm } = await import('node:fs/promises');
  await rm(root, { recursive: true, force: true });
});

const options = (overrides: Partial<IngestOptions> = {}): IngestOptions => ({
  contentDir,
  dryRun: false,
  today: '2025-11-27',
  displayPath: (file) => path.relative(fixtures, file),
  ...overrides,
});

/** Every file under `dir`, relative, with its content. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file)] = await readFile(file, 'utf8');
  }
  return files;
}

const expectedDrafts = [
  'digests/2025-06-02-istanbul-deal-reached-second.md',
  'digests/2025-06-10-june-12-release-follows.md',
  'digests/2025-06-11-ukraine-brought-back-bodies.md',
  'digests/2025-06-12-ukraine-brought-home-another.md',
  'digests/2025-06-13-ukraine-brought-back-bodies.md',
  'digests/2025-06-14-kyiv-continuing-efforts-bring.md',
];
const sourcePath = 'sources/kyiv-independent-2025-06-14-kyiv-continuing-efforts.md';

describe('writing an ingested article', () => {
  it('writes the archived source and one draft per event, which the parser accepts without errors', async () => {
    const report = await ingestFiles([article], options());
    expect(report.errors).toEqual([]);
    expect(report.written.map((file) => path.relative(contentDir, file))).toEqual([
      sourcePath,
      ...expectedDrafts,
    ]);

    const content = await loadContent(contentDir);
    expect(content.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    expect(hasErrors(content.diagnostics)).toBe(false);
    expect(content.digests.map((digest) => [digest.id, digest.status, digest.eventDate])).toEqual(
      expectedDrafts.map((file) => {
        const id = path.basename(file, '.md');
        return [id, 'draft', id.slice(0, 10)];
      }),
    );
    const source = content.sources[0];
    expect(source).toMatchObject({
      id: 'kyiv-independent-2025-06-14-kyiv-continuing-efforts',
      publisher: 'The Kyiv Independent',
      feed: { title: 'The Kyiv Independent - News from Ukraine, Eastern Europe' },
      published: '2025-06-14',
      received: '2025-11-27',
    });
    expect(source?.text.match(/Photos show Ukrainian soldiers/g)).toHaveLength(1);

    const claims = content.digests.flatMap((digest) => digest.claims);
    expect(claims.every((claim) => claim.verdict === 'pending')).toBe(true);
    const june14 = content.digests.find((digest) => digest.eventDate === '2025-06-14');
    expect(june14?.claims.find((claim) => claim.quote.includes('June 20 or 21'))).toMatchObject({
      claimant: 'volodymyr-zelensky',
      verdict: 'pending',
    });
    expect(
      june14?.notes.some((note) =>
        note.startsWith('Forecast: "June 20 or 21" (2025-06-20 to 2025-06-21)'),
      ),
    ).toBe(true);
    expect(june14?.notes).toContain(
      'Proposed entity coordination-headquarters-for-prisoners-of-war (organization): "Coordination Headquarters for Prisoners of War" (also written "Coordination Headquarters"); makes a claim here, not in the registry yet.',
    );
    // The unknown claimant is kept: the claim falls back to the publisher and the note says who said it.
    expect(
      june14?.claims.find((claim) =>
        claim.quote.includes('according to the Coordination Headquarters'),
      )?.claimant,
    ).toBe('kyiv-independent');
    // Cross-references: 11 and 13 June link each other and the 14 June draft; entities are linked.
    const june11 = content.digests.find((digest) => digest.eventDate === '2025-06-11');
    const targets = (june11?.links ?? []).map((link) => link.target);
    expect(targets).toContainEqual({
      kind: 'digest',
      digestId: '2025-06-13-ukraine-brought-back-bodies',
    });
    expect(targets).toContainEqual({
      kind: 'digest',
      digestId: '2025-06-14-kyiv-continuing-efforts-bring',
    });
    expect(targets).toContainEqual({
      kind: 'claim',
      digestId: '2025-06-13-ukraine-brought-back-bodies',
      claimId: 'ukraine-brought-back-bodies',
    });
    expect(targets).toContainEqual({ kind: 'entity', entityId: 'ukraine' });
    const numbers = june11?.claims[0]?.assessmentHtml ?? '';
    expect(numbers).toContain('2412 (count, written “2,412”)');
  });

  it('writes nothing the second time and says the article is already ingested', async () => {
    await ingestFiles([article], options());
    const before = await snapshot(contentDir);
    const again = await ingestFiles([article], options());
    expect(again.written).toEqual([]);
    expect(again.plans).toHaveLength(1);
    expect(again.plans[0]).toMatchObject({ kind: 'already-ingested', existing: sourcePath });
    expect(await snapshot(contentDir)).toEqual(before);
  });

  it('counts an article archived by hand, exactly as received, as already ingested', async () => {
    const received = await readFile(article, 'utf8');
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(received).digest('hex');
    await mkdir(path.join(contentDir, 'sources'));
    const byHand = `---\ntitle: T\npublisher: The Kyiv Independent\npublished: 2025-06-14\nreceived: 2025-06-14\ncontentHash: sha256-${hash}\n---\n${received}`;
    await writeFile(path.join(contentDir, 'sources', 'by-hand.md'), byHand);
    const report = await ingestFiles([article], options());
    expect(report.plans[0]).toMatchObject({
      kind: 'already-ingested',
      existing: 'sources/by-hand.md',
    });
    expect(report.written).toEqual([]);
  });

  it('gives a draft a new id when its id is taken, leaving the existing file byte-identical', async () => {
    const taken = path.join(contentDir, 'digests', '2025-06-12-ukraine-brought-home-another.md');
    await mkdir(path.dirname(taken), { recursive: true });
    const existing = 'Not even a digest: an editor’s file that must survive.\n';
    await writeFile(taken, existing);
    const report = await ingestFiles([article], options());
    expect(await readFile(taken, 'utf8')).toBe(existing);
    const written = report.written.map((file) => path.relative(contentDir, file));
    expect(written).toContain('digests/2025-06-12-ukraine-brought-home-another-2.md');
    // Links to the renamed draft follow the new id.
    const june10 = await readFile(
      path.join(contentDir, 'digests/2025-06-10-june-12-release-follows.md'),
      'utf8',
    );
    expect(june10).toContain('(./2025-06-12-ukraine-brought-home-another-2.md)');
  });

  it('writes nothing on a dry run, but plans the same files', async () => {
    const before = await snapshot(contentDir);
    const report = await ingestFiles([article], options({ dryRun: true }));
    expect(report.written).toEqual([]);
    expect(
      report.plans[0]?.kind === 'new' && report.plans[0].files.map((file) => file.path),
    ).toEqual([sourcePath, ...expectedDrafts]);
    expect(await snapshot(contentDir)).toEqual(before);
  });

  it('writes nothing at all when one input is a malformed feed', async () => {
    const before = await snapshot(contentDir);
    const report = await ingestFiles([article, path.join(fixtures, 'malformed.xml')], options());
    expect(report.errors.map((error) => error.message)).toEqual([
      "malformed.xml:6:22: malformed feed XML: Expected closing tag 'title' (opened in line 6, col 7) instead of closing tag 'titel'.",
    ]);
    expect(report.written).toEqual([]);
    expect(await snapshot(contentDir)).toEqual(before);
  });

  it('refuses to write through a folder that links outside the content directory', async () => {
    const outside = path.join(root, 'outside');
    await mkdir(outside);
    await symlink(outside, path.join(contentDir, 'digests'));
    await expect(ingestFiles([article], options())).rejects.toThrow(UnsafePathError);
    expect(await readdir(outside)).toEqual([]);
    expect(await readdir(contentDir)).not.toContain('sources');
  });

  it('ingests every item of a feed, one source each, with drafts the parser accepts', async () => {
    await writeFile(
      path.join(contentDir, 'entities', 'harbour-gazette.md'),
      '---\nname: Harbour Gazette\nkind: organization\ndescription: Local newspaper.\n---\n',
    );
    const report = await ingestFiles([path.join(fixtures, 'rss-several-items.xml')], options());
    expect(report.written.map((file) => path.relative(contentDir, file))).toEqual([
      'sources/harbour-gazette-2025-02-10-storm-closes-port.md',
      'digests/2025-02-09-port-closed-february-9.md',
      'sources/harbour-gazette-2025-02-11-port-reopens.md',
      'digests/2025-02-11-port-reopened-february-11.md',
      'sources/harbour-gazette-2025-02-12-fishing-fleet-counts.md',
      'digests/2025-02-09-fourteen-boats-damaged-storm.md',
    ]);
    const content = await loadContent(contentDir);
    expect(content.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    expect(
      content.sources.find((source) => source.id === 'harbour-gazette-2025-02-11-port-reopens'),
    ).toMatchObject({
      url: 'https://gazette.example.org/port-reopens',
      feed: { title: 'Harbour Gazette', url: 'https://gazette.example.org/' },
      published: '2025-02-11T08:00:00Z',
    });
  });

  it('keeps claims in the notes when no registry entity can be their claimant, and the draft still passes', async () => {
    const report = await ingestFiles([path.join(fixtures, 'atom-html.xml')], options());
    expect(report.errors).toEqual([]);
    const content = await loadContent(contentDir);
    expect(content.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    const draft = content.digests.find((digest) => digest.eventDate === '2025-05-19');
    expect(draft?.claims).toEqual([]);
    expect(draft?.notes).toContain(
      'Candidate claim not written as a block, since neither "the Roads Department" nor the publisher "Valley Courier" is in the registry: add one of them to entities/, then quote: "The old bridge reopened on May 19 after repairs costing up to 3,500,000 euros, according to the Roads Department."',
    );
    expect(draft?.notes).toContain(
      'Proposed entity valley-courier (organization): "Valley Courier"; the publisher, claimant of the claims whose author is not in the registry, not in the registry yet.',
    );
  });
});
