/**
 * The committed content, checked as a whole: everything the parser accepts, plus the editorial
 * rules the parser cannot know (quotes match the archive, a web of cross-references, honest
 * verdicts for single-source claims, the June 2025 event coverage).
 */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadContent, type Digest } from '@fact-digest/parser';
import { contentDir } from '../index.ts';

type LoadedContent = Awaited<ReturnType<typeof loadContent>>;

let content: LoadedContent;
beforeAll(async () => {
  content = await loadContent(contentDir);
});

function digestById(id: string): Digest {
  const digest = content.digests.find((candidate) => candidate.id === id);
  if (!digest) throw new Error(`No digest ${id}`);
  return digest;
}

/** Splits an archived source file the way the format defines it: the body is everything after the closing `---` line. */
function splitArchivedFile(raw: string): { frontmatter: Record<string, unknown>; body: string } {
  expect(raw.startsWith('---\n')).toBe(true);
  const close = raw.indexOf('\n---\n', 3);
  expect(close).toBeGreaterThan(0);
  return {
    frontmatter: parseYaml(raw.slice(4, close + 1)) as Record<string, unknown>,
    body: raw.slice(close + '\n---\n'.length),
  };
}

describe('committed content', () => {
  it('loads with no diagnostics at all', () => {
    const problems = content.diagnostics.map(
      (diagnostic) =>
        `${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.severity} ${diagnostic.message} ${diagnostic.ruleId}`,
    );
    expect(problems).toEqual([]);
    expect(content.digests.length).toBeGreaterThanOrEqual(5);
    expect(content.sources.length).toBeGreaterThanOrEqual(1);
  });

  it('has at least five published digests on distinct event dates from 2 to 14 June 2025', () => {
    const published = content.digests.filter((digest) => digest.status === 'published');
    const eventDates = new Set(published.map((digest) => digest.eventDate));
    expect(eventDates.size).toBeGreaterThanOrEqual(5);
    for (const date of eventDates) {
      expect(date >= '2025-06-02' && date <= '2025-06-14', date).toBe(true);
    }
    for (const digest of published) {
      expect(digest.published >= digest.eventDate, digest.id).toBe(true);
      expect(digest.claims.length, `${digest.id} has claims`).toBeGreaterThan(0);
    }
  });

  it('leaves no published claim pending', () => {
    const pending = content.digests
      .filter((digest) => digest.status === 'published')
      .flatMap((digest) => digest.claims.filter((claim) => claim.verdict === 'pending'))
      .map((claim) => `${claim.digestId}#${claim.id}`);
    expect(pending).toEqual([]);
  });

  it('rates no single-source claim accurate or mostly accurate', () => {
    // Confirmation needs a second, independent source: a report cannot corroborate itself.
    const overrated = content.digests
      .filter((digest) => new Set(digest.sources.map((source) => source.publisher)).size < 2)
      .flatMap((digest) => digest.claims)
      .filter((claim) => claim.verdict === 'accurate' || claim.verdict === 'mostly-accurate')
      .map((claim) => `${claim.digestId}#${claim.id}`);
    expect(overrated).toEqual([]);
  });
});

describe('claims and their sources', () => {
  it('quotes every claim verbatim from its archived source', () => {
    const sourcesById = new Map(content.sources.map((source) => [source.id, source]));
    let checked = 0;
    for (const digest of content.digests) {
      for (const claim of digest.claims) {
        const reference = digest.sources.find((source) => source.id === claim.source);
        expect(
          reference?.archived,
          `${digest.id}#${claim.id} cites an archived source`,
        ).toBeDefined();
        const archivedId = path.basename(reference?.archived ?? '', '.md');
        const archive = sourcesById.get(archivedId);
        expect(archive, `${digest.id}#${claim.id}: archive ${archivedId}`).toBeDefined();
        expect(archive?.text, `${digest.id}#${claim.id}`).toContain(claim.quote);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(20);
  });

  it('keeps each quote brief and quotes well under half of any source', () => {
    const quotedPerSource = new Map<string, Set<string>>();
    for (const claim of content.digests.flatMap((digest) => digest.claims)) {
      expect(claim.quote.length, `${claim.digestId}#${claim.id}`).toBeLessThanOrEqual(160);
      const quotes = quotedPerSource.get(claim.source) ?? new Set<string>();
      quotes.add(claim.quote);
      quotedPerSource.set(claim.source, quotes);
    }
    for (const source of content.sources) {
      const quoted = [...(quotedPerSource.get(source.id) ?? [])].reduce(
        (total, quote) => total + quote.length,
        0,
      );
      expect(quoted / source.text.length, source.id).toBeLessThan(0.5);
    }
  });

  it('stores each archive with the SHA-256 of its body as contentHash', async () => {
    const sourcesDir = path.join(contentDir, 'sources');
    const files = (await readdir(sourcesDir)).filter((name) => name.endsWith('.md'));
    expect(files.length).toBeGreaterThanOrEqual(1);
    for (const name of files) {
      const { frontmatter, body } = splitArchivedFile(
        await readFile(path.join(sourcesDir, name), 'utf8'),
      );
      const digest = createHash('sha256').update(body, 'utf8').digest('hex');
      expect(frontmatter['contentHash'], name).toBe(`sha256-${digest}`);
      // The parser must hand on the same bytes that were hashed.
      const loaded = content.sources.find((source) => source.id === name.replace(/\.md$/, ''));
      expect(loaded?.text).toBe(body);
    }
  });

  it('archives the Kyiv Independent article as it arrived, without a guessed URL', () => {
    const archive = content.sources.find(
      (source) => source.id === 'kyiv-independent-2025-06-14-pow-exchange',
    );
    expect(archive).toMatchObject({
      publisher: 'The Kyiv Independent',
      feed: { title: 'The Kyiv Independent - News from Ukraine, Eastern Europe' },
      published: '2025-06-14',
    });
    expect(archive?.url).toBeUndefined();
    expect(archive?.text.startsWith('Kyiv is continuing efforts to bring home')).toBe(true);
    expect(archive?.text.endsWith('via this RSS feed')).toBe(true);
    expect(archive?.text).toContain('“all-for-all”');
    for (const reference of content.digests.flatMap((digest) => digest.sources)) {
      expect(reference.url).toBeUndefined();
      expect(reference.archived).toBe('../sources/kyiv-independent-2025-06-14-pow-exchange.md');
    }
  });
});

describe('cross-references and entities', () => {
  it('resolves every cross-reference to an existing digest, claim, entity or source', () => {
    const entityIds = new Set(content.entities.map((entity) => entity.id));
    const sourceIds = new Set(content.sources.map((source) => source.id));
    const unresolved: string[] = [];
    let claimLinks = 0;
    for (const link of content.digests.flatMap((digest) => digest.links)) {
      const target = link.target;
      const ok =
        target.kind === 'digest'
          ? content.digests.some((digest) => digest.id === target.digestId)
          : target.kind === 'claim'
            ? content.digests.some(
                (digest) =>
                  digest.id === target.digestId &&
                  digest.claims.some((claim) => claim.id === target.claimId),
              )
            : target.kind === 'entity'
              ? entityIds.has(target.entityId)
              : sourceIds.has(target.sourceId);
      if (target.kind === 'claim') claimLinks += 1;
      if (!ok) unresolved.push(`${link.fromDigestId}: ${link.text} -> ${link.href}`);
    }
    expect(unresolved).toEqual([]);
    expect(claimLinks).toBeGreaterThanOrEqual(10);
  });

  it('links every digest to other digests both ways, in one connected web', () => {
    const digestIds = content.digests.map((digest) => digest.id);
    const outgoing = new Map(digestIds.map((id) => [id, new Set<string>()]));
    const incoming = new Map(digestIds.map((id) => [id, new Set<string>()]));
    for (const link of content.digests.flatMap((digest) => digest.links)) {
      if (link.target.kind !== 'digest' && link.target.kind !== 'claim') continue;
      if (link.target.digestId === link.fromDigestId) continue;
      outgoing.get(link.fromDigestId)?.add(link.target.digestId);
      incoming.get(link.target.digestId)?.add(link.fromDigestId);
    }
    for (const id of digestIds) {
      expect(outgoing.get(id)?.size, `${id} links out`).toBeGreaterThan(0);
      expect(incoming.get(id)?.size, `${id} is linked to`).toBeGreaterThan(0);
    }
    // Every digest is reachable from the first one, following links in either direction.
    const reached = new Set<string>([digestIds[0] ?? '']);
    const queue = [...reached];
    while (queue.length > 0) {
      const id = queue.pop() ?? '';
      for (const next of [...(outgoing.get(id) ?? []), ...(incoming.get(id) ?? [])]) {
        if (!reached.has(next)) {
          reached.add(next);
          queue.push(next);
        }
      }
    }
    expect([...reached].sort()).toEqual([...digestIds].sort());
  });

  it('has the connections the article draws between events', () => {
    const linksFrom = (id: string): string[] =>
      digestById(id).links.map((link) =>
        link.target.kind === 'claim'
          ? `${link.target.digestId}#${link.target.claimId}`
          : link.target.kind === 'digest'
            ? link.target.digestId
            : '',
      );
    const exchanges = [
      '2025-06-10-prisoner-exchange',
      '2025-06-12-prisoner-exchange',
      '2025-06-14-prisoner-exchange',
    ];
    // Each exchange points back at the Istanbul agreement it carries out.
    for (const id of exchanges) {
      expect(
        linksFrom(id).some((target) => target.startsWith('2025-06-02-istanbul-talks-agreement')),
        id,
      ).toBe(true);
    }
    // "The June 12 release follows a similar exchange on June 10".
    expect(linksFrom('2025-06-12-prisoner-exchange')).toContain(
      '2025-06-10-prisoner-exchange#similar-exchange',
    );
    // "The fourth prisoner exchange in a week" is weighed against the exchanges the article dates.
    const fourth = digestById('2025-06-14-prisoner-exchange').links.filter(
      (link) => link.fromClaimId === 'fourth-exchange',
    );
    expect(fourth.map((link) => link.target)).toEqual(
      expect.arrayContaining([
        { kind: 'claim', digestId: '2025-06-10-prisoner-exchange', claimId: 'similar-exchange' },
        { kind: 'claim', digestId: '2025-06-12-prisoner-exchange', claimId: 'another-group' },
      ]),
    );
    // The body repatriations are measured against Russia's pledge, and the pledge against them.
    for (const id of ['2025-06-11-body-repatriations', '2025-06-14-body-repatriation']) {
      expect(linksFrom(id)).toContain('2025-06-02-istanbul-talks-agreement#body-pledge');
    }
    expect(linksFrom('2025-06-02-istanbul-talks-agreement')).toEqual(
      expect.arrayContaining([
        '2025-06-11-body-repatriations#bodies-2412',
        '2025-06-14-body-repatriation#bodies-1200',
      ]),
    );
  });

  it('finds every claimant, `about` entity, entity link and mention in the registry', () => {
    const entityIds = new Set(content.entities.map((entity) => entity.id));
    const missing = new Set<string>();
    for (const digest of content.digests) {
      for (const claim of digest.claims) {
        for (const id of [claim.claimant, ...claim.about]) {
          if (!entityIds.has(id)) missing.add(`${digest.id}#${claim.id}: ${id}`);
        }
      }
      for (const link of digest.links) {
        if (link.target.kind === 'entity' && !entityIds.has(link.target.entityId)) {
          missing.add(`${digest.id}: link ${link.href}`);
        }
      }
      for (const mention of digest.mentions) {
        if (!entityIds.has(mention.entityId)) missing.add(`${digest.id}: ${mention.text}`);
      }
    }
    expect([...missing]).toEqual([]);
    const claimants = new Set(
      content.digests.flatMap((digest) => digest.claims.map((claim) => claim.claimant)),
    );
    expect([...claimants].sort()).toEqual([
      'coordination-headquarters-for-prisoners-of-war',
      'kyiv-independent',
      'russia',
      'volodymyr-zelensky',
    ]);
  });

  it('registers every place and body the article names', () => {
    const names = content.entities.flatMap((entity) => [entity.name, ...entity.aliases]);
    for (const named of [
      'Volodymyr Zelensky',
      'The Kyiv Independent',
      'Coordination Headquarters for Prisoners of War',
      'Coordination Headquarters',
      'Russia',
      'Moscow',
      'Ukraine',
      'Kyiv',
      'Istanbul',
      'Mariupol',
      'State Border Guard Service',
      'State Special Transport Service',
      'Donetsk',
      'Zaporizhzhia',
      'Luhansk',
      'Kherson',
      'Kharkiv',
      'Sumy',
      'Kursk',
      'Telegram',
    ]) {
      expect(names, named).toContain(named);
    }
  });

  it('gives no two entities the same name or alias, so each mention has one owner', () => {
    const owners = new Map<string, string[]>();
    for (const entity of content.entities) {
      for (const name of new Set([entity.name, ...entity.aliases].map((n) => n.toLowerCase()))) {
        owners.set(name, [...(owners.get(name) ?? []), entity.id]);
      }
    }
    const shared = [...owners].filter(([, ids]) => ids.length > 1);
    expect(shared).toEqual([]);
  });

  it('spells every entity in Ukrainian too, unless its Ukrainian name is its Latin one', () => {
    // The Kyiv Independent writes its name in Latin script in Ukrainian as well.
    const latinInUkrainian = new Set(['kyiv-independent']);
    const withoutCyrillic = content.entities
      .filter((entity) => !latinInUkrainian.has(entity.id))
      .filter((entity) => !entity.aliases.some((alias) => /\p{Script=Cyrillic}/u.test(alias)))
      .map((entity) => entity.id);
    expect(withoutCyrillic).toEqual([]);
  });
});
