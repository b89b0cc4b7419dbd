import type { APIRoute, GetStaticPaths } from 'astro';
import type { Entity } from '@fact-digest/parser';
import { digestFeedXml, feedResponse } from '../../../lib/digest-feed.ts';
import { getSiteContent } from '../../../lib/site-content.ts';
import { entityFeedPath } from '../../../lib/site-paths.ts';
import { publication } from '../../../site-settings.ts';

export const getStaticPaths = (async () => {
  const content = await getSiteContent();
  return content.entities.map((entity) => ({ params: { id: entity.id }, props: { entity } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entity: Entity }> = async ({ props, site }) => {
  const { entity } = props;
  const content = await getSiteContent();
  const mentioned = new Set(content.graph.entities[entity.id]?.digests ?? []);
  const xml = await digestFeedXml(
    {
      title: `${publication.name}: ${entity.name}`,
      description: `Digests that mention ${entity.name}.`,
      path: entityFeedPath(entity.id),
      digests: content.digests.filter((digest) => mentioned.has(digest.id)),
      items: 'summary',
    },
    content,
    site ?? new URL('https://fact-digest.example/'),
  );
  return feedResponse(xml);
};
