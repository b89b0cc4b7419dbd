// The pure pipeline on the Kyiv Independent article exactly as the aggregator delivered it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseArticle, readArticles } from '../../src/ingest/index.ts';
import type { EntityRegistry, IngestResult } from '../../src/ingest/index.ts';

const articleFile = new URL(
  './fixtures/kyiv-independent-2025-06-14-pow-exchange.txt',
  import.meta.url,
);
const raw = readFileSync(articleFile, 'utf8');
const caption =
  'Photos show Ukrainian soldiers freed in a prisoner swap with Russia on June 14, 2025. (Volodymyr Zelensky / Telegram)';

export const registry: EntityRegistry = [
  {
    id: 'volodymyr-zelensky',
    name: 'Volodymyr Zelensky',
    kind: 'person',
    aliases: ['Zelensky', 'President Zelensky'],
  },
  {
    id: 'kyiv-independent',
    name: 'The Kyiv Independent',
    kind: 'organization',
    aliases: ['Kyiv Independent'],
  },
  { id: 'ukraine', name: 'Ukraine', kind: 'place', aliases: ['Kyiv'] },
  { id: 'russia', name: 'Russia', kind: 'place', aliases: ['Moscow'] },
];

function analyse(options: { published?: string } = {}): IngestResult {
  const [article] = readArticles(raw, 'article.txt');
  if (!article) throw new Error('no article');
  return analyseArticle(article, { registry, received: '2025-11-27', ...options });
}

const result = analyse();
const claimWith = (fragment: string) =>
  result.claims.find((claim) => claim.quote.includes(fragment));

describe('ingesting the Kyiv Independent article (plain text)', () => {
  it('reads it as plain text and derives a short title from the lede', () => {
    expect(result.title).toBe(
      'Kyiv is continuing efforts to bring home its citizens held captive by…',
    );
  });

  it('recognises the publisher and the feed from the trailing attribution line, which is not body', () => {
    expect(result.publisher).toBe('The Kyiv Independent');
    expect(result.publisherEntityId).toBe('kyiv-independent');
    expect(result.feed).toEqual({
      title: 'The Kyiv Independent - News from Ukraine, Eastern Europe',
    });
    expect(result.body).not.toContain('via this RSS feed');
    expect(
      result.body.endsWith(
        'Zelensky expressed hope that the prisoner exchanges would be completed by June 20 or 21.\n',
      ),
    ).toBe(true);
  });

  it('takes the publication date from the fullest date in the text (the caption), and --date overrides it', () => {
    expect(result.published).toBe('2025-06-14');
    expect(result.warnings).toContain(
      'Publication date 2025-06-14 taken from the text (the fullest date it gives).',
    );
    expect(analyse({ published: '2025-06-15' }).publicationDate).toBe('2025-06-15');
  });

  it('keeps the four-times repeated caption once, as a caption and not a claim', () => {
    expect(result.body.split(caption)).toHaveLength(2);
    expect(result.clean.duplicateLines).toBe(3);
    expect(result.captions).toEqual([{ text: caption, dates: ['2025-06-14'] }]);
    expect(result.claims.some((claim) => claim.quote.includes('Photos show'))).toBe(false);
    expect(result.sentences.some((sentence) => sentence.text.includes('Photos show'))).toBe(false);
  });

  it('hashes exactly the archived body', async () => {
    const { createHash } = await import('node:crypto');
    expect(result.contentHash).toBe(
      `sha256-${createHash('sha256').update(result.body).digest('hex')}`,
    );
  });

  it('resolves dates against the publication date, ranges and relative expressions included', () => {
    const mentions = result.dates.flat();
    expect(mentions).toContainEqual(
      expect.objectContaining({ kind: 'date', text: 'June 12', date: '2025-06-12' }),
    );
    expect(mentions).toContainEqual(
      expect.objectContaining({
        kind: 'range',
        text: 'June 20 or 21',
        start: '2025-06-20',
        end: '2025-06-21',
      }),
    );
    for (const relative of ['earlier this month', 'in a week', 'in the coming weeks']) {
      expect(mentions).toContainEqual(
        expect.objectContaining({ kind: 'relative', text: relative, anchor: '2025-06-14' }),
      );
    }
    for (const mention of mentions) {
      expect(result.body.slice(mention.offset, mention.offset + mention.text.length)).toBe(
        mention.text,
      );
    }
  });

  it('groups sentences into one event per reported date and records the 20–21 June forecast on 14 June', () => {
    expect(result.events.map((event) => event.date)).toEqual([
      '2025-06-02',
      '2025-06-10',
      '2025-06-11',
      '2025-06-12',
      '2025-06-13',
      '2025-06-14',
    ]);
    const sentencesOf = (date: string) =>
      result.events
        .find((event) => event.date === date)
        ?.sentences.map((index) => result.sentences[index]?.text);
    expect(sentencesOf('2025-06-02')).toEqual([
      'The Istanbul deal was reached during a second round of direct talks between the Ukrainian and Russian delegations on June 2.',
      'While no political breakthrough was achieved, both sides agreed to a phased exchange of prisoners and the repatriation of fallen soldiers’ bodies.',
      'As part of that agreement, Russia pledged to return the bodies of up to 6,000 Ukrainian service members.',
    ]);
    expect(sentencesOf('2025-06-11')).toEqual(sentencesOf('2025-06-13'));
    expect(result.forecasts).toEqual([
      { sentence: 18, text: 'June 20 or 21', start: '2025-06-20', end: '2025-06-21' },
    ]);
    const june14 = result.events.find((event) => event.date === '2025-06-14');
    expect(june14?.forecasts).toEqual(result.forecasts);
    expect(june14?.mentions).toEqual(['2025-06-11', '2025-06-13']);
    expect(result.events.find((event) => event.date === '2025-06-10')?.mentions).toEqual([
      '2025-06-12',
    ]);
  });

  it('finds every attributed statement as a candidate claim, with its claimant', () => {
    const attributed: Array<[string, string, string | undefined]> = [
      [
        'President Volodymyr Zelensky announced on June 14',
        'President Volodymyr Zelensky',
        'volodymyr-zelensky',
      ],
      ['many have been in captivity since 2022,” Zelensky said.', 'Zelensky', 'volodymyr-zelensky'],
      ['“These include soldiers from the Armed Forces', 'Zelensky', 'volodymyr-zelensky'],
      [
        'the Coordination Headquarters for Prisoners of War stated.',
        'the Coordination Headquarters for Prisoners of War',
        undefined,
      ],
      [
        'The Coordination Headquarters said preparations are underway',
        'The Coordination Headquarters',
        undefined,
      ],
      ['according to the Coordination Headquarters.', 'the Coordination Headquarters', undefined],
      [
        'Zelensky expressed hope that the prisoner exchanges would be completed by June 20 or 21.',
        'Zelensky',
        'volodymyr-zelensky',
      ],
    ];
    for (const [fragment, name, entityId] of attributed) {
      const claim = claimWith(fragment);
      expect(claim, fragment).toBeDefined();
      expect(claim?.claimant.name, fragment).toBe(name);
      expect(claim?.claimant.entityId, fragment).toBe(entityId);
    }
    expect(claimWith('“These include')?.reasons).toEqual(['quotation']);
    for (const claim of result.claims) {
      expect(result.body).toContain(claim.quote);
      expect(claim.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
    expect(new Set(result.claims.map((claim) => claim.id)).size).toBe(result.claims.length);
  });

  it('normalises the numbers claims assert', () => {
    expect(claimWith('2,412')?.numbers).toEqual([
      { text: '2,412', value: 2412, relation: '=', kind: 'count' },
      { text: '1,200', value: 1200, relation: '=', kind: 'count' },
    ]);
    expect(claimWith('up to 6,000')?.numbers).toEqual([
      { text: '6,000', value: 6000, relation: '≤', kind: 'count' },
    ]);
    expect(claimWith('younger than 25')?.numbers).toEqual([
      { text: '25', value: 25, relation: '<', kind: 'count' },
    ]);
    expect(claimWith('fourth prisoner exchange')?.numbers).toEqual([
      { text: 'fourth', value: 4, relation: '=', kind: 'ordinal' },
    ]);
    // "a second round of direct talks" is not the number ½.
    expect(claimWith('a second round')?.numbers).toEqual([]);
    expect(claimWith('2,412')?.events).toEqual(['2025-06-13', '2025-06-11', '2025-06-14']);
  });

  it('attributes unattributed assertions to the publisher', () => {
    expect(claimWith('up to 6,000')?.claimant).toEqual({
      name: 'The Kyiv Independent',
      via: 'reported',
      entityId: 'kyiv-independent',
    });
  });

  it('matches registry entities by alias and proposes the others, the unknown claimant included', () => {
    const matched = new Set(result.entities.matched.map((match) => match.entityId));
    expect(matched).toEqual(new Set(['volodymyr-zelensky', 'ukraine', 'russia']));
    const proposed = Object.fromEntries(
      result.entities.proposed.map((entity) => [entity.id, entity]),
    );
    expect(proposed['coordination-headquarters-for-prisoners-of-war']).toEqual({
      id: 'coordination-headquarters-for-prisoners-of-war',
      name: 'Coordination Headquarters for Prisoners of War',
      kind: 'organization',
      aliases: ['Coordination Headquarters'],
      reason: 'claimant',
    });
    for (const place of ['istanbul', 'mariupol', 'donetsk', 'zaporizhzhia', 'kursk']) {
      expect(proposed[place], place).toMatchObject({ kind: 'place', reason: 'named' });
    }
    // Parts of longer names, demonyms and registry names are not proposed.
    for (const notAnEntity of ['state', 'war', 'ukrainian', 'zelensky', 'kyiv']) {
      expect(proposed[notAnEntity], notAnEntity).toBeUndefined();
    }
  });
});
