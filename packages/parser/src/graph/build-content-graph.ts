/**
 * The cross-reference graph: backlinks, claim indexes, the entity index, related digests and the
 * timeline. Built from maps in one pass over digests, claims, links and mentions; every list is
 * sorted, so the graph does not depend on the order files were read in.
 */
import { compareStrings } from '../diagnostics/diagnostic.ts';
import { verdictIds, type VerdictId } from '../format/verdicts.ts';
import type {
  Claim,
  ContentGraph,
  CrossReference,
  Digest,
  Entity,
  EntityIndexEntry,
  EntityMention,
  Position,
  TimelineEntry,
} from '../model.ts';

/**
 * What the graph reads of a cross-reference. A position, where the link has one, orders two
 * links from the same digest; without one they keep the order of the digest's `links`, which is
 * the order they are written in.
 */
export type GraphLink = Pick<CrossReference, 'fromDigestId' | 'target'> & { position?: Position };

/**
 * What the graph reads of a digest: a parsed `Digest`, or a consumer's slimmer copy of one (the
 * site keeps digests without positions or repeated mentions, and builds its graph from those).
 */
export interface GraphDigest<Link extends GraphLink = CrossReference> {
  id: Digest['id'];
  status: Digest['status'];
  eventDate: Digest['eventDate'];
  claims: readonly Pick<Claim, 'id' | 'verdict' | 'claimant' | 'date' | 'about'>[];
  mentions: readonly Pick<EntityMention, 'entityId'>[];
  links: readonly Link[];
}

export interface GraphOptions {
  /** Include draft digests (for previews); the published site leaves them out. */
  includeDrafts?: boolean;
  /** At most this many related digests per digest. */
  relatedLimit?: number;
  /**
   * An entity mentioned by more digests than this says little about how two of them relate (it
   * is in everything), and pairing all its digests would grow quadratically: it is skipped when
   * scoring related digests.
   */
  relatedFanoutLimit?: number;
}

export const defaultGraphOptions: Required<GraphOptions> = {
  includeDrafts: false,
  relatedLimit: 10,
  relatedFanoutLimit: 50,
};

/** Weight of one cross-reference between two digests, against 1 per shared entity. */
const crossReferenceWeight = 2;

export function claimKey(digestId: string, claimId: string): string {
  return `${digestId}#${claimId}`;
}

/**
 * The entities a digest is about, in the order first named: each claim's claimant and the
 * entities the claim is about, then those its text mentions. The digest is listed in the index
 * (`ContentGraph.entities`) of each of them the registry has; other ids are left to the caller.
 */
export function entitiesOfDigest(
  digest: Pick<GraphDigest<GraphLink>, 'claims' | 'mentions'>,
): Set<string> {
  const entityIds = new Set<string>();
  for (const claim of digest.claims) {
    entityIds.add(claim.claimant);
    for (const entityId of claim.about) entityIds.add(entityId);
  }
  for (const mention of digest.mentions) entityIds.add(mention.entityId);
  return entityIds;
}

export function buildContentGraph<Link extends GraphLink = CrossReference>(
  allDigests: readonly GraphDigest<Link>[],
  entities: readonly Pick<Entity, 'id'>[],
  options: GraphOptions = {},
): ContentGraph<Link> {
  const settings = { ...defaultGraphOptions, ...options };
  const digests = allDigests.filter(
    (digest) => settings.includeDrafts || digest.status === 'published',
  );
  const included = new Set(digests.map((digest) => digest.id));

  const backlinks = new Map<string, Link[]>();
  const claimsByVerdict = new Map<VerdictId, string[]>(verdictIds.map((id) => [id, []]));
  const claimsByClaimant = new Map<string, string[]>();
  const claimsByDate = new Map<string, string[]>();
  const entityIndex = new Map<
    string,
    { claimsBy: Set<string>; claimsAbout: Set<string>; digests: Set<string> }
  >(
    entities.map((entity) => [
      entity.id,
      { claimsBy: new Set(), claimsAbout: new Set(), digests: new Set() },
    ]),
  );
  const timeline: TimelineEntry[] = [];
  // Related digests are scored by index in id order (see relatedDigests).
  const ids = [...included].sort(compareStrings);
  const indexOf = new Map(ids.map((id, index) => [id, index]));
  const linked: number[][] = ids.map(() => []);

  for (const digest of digests) {
    timeline.push({ date: digest.eventDate, digestId: digest.id });
    for (const claim of digest.claims) {
      const key = claimKey(digest.id, claim.id);
      claimsByVerdict.get(claim.verdict)?.push(key);
      push(claimsByClaimant, claim.claimant, key);
      push(claimsByDate, claim.date, key);
      timeline.push({ date: claim.date, digestId: digest.id, claimId: claim.id });
      entityIndex.get(claim.claimant)?.claimsBy.add(key);
      for (const entityId of claim.about) entityIndex.get(entityId)?.claimsAbout.add(key);
    }
    for (const entityId of entitiesOfDigest(digest)) {
      entityIndex.get(entityId)?.digests.add(digest.id);
    }
    for (const link of digest.links) {
      const targetDigest =
        link.target.kind === 'digest' || link.target.kind === 'claim'
          ? link.target.digestId
          : undefined;
      if (targetDigest === undefined || !included.has(targetDigest)) continue;
      push(backlinks, targetDigest, link);
      const from = indexOf.get(digest.id) as number;
      const to = indexOf.get(targetDigest) as number;
      if (from === to) continue;
      linked[from]?.push(to);
      linked[to]?.push(from);
    }
  }

  const sharedEntities: number[][][] = ids.map(() => []);
  for (const entry of entityIndex.values()) {
    if (entry.digests.size > settings.relatedFanoutLimit) continue;
    const sharing = [...entry.digests].map((id) => indexOf.get(id) as number);
    for (const index of sharing) sharedEntities[index]?.push(sharing);
  }
  const related = relatedDigests(ids, sharedEntities, linked, settings.relatedLimit);

  return {
    backlinks: sortedRecord(backlinks, (list) =>
      // A stable sort: links without positions stay in their digest's order.
      [...list].sort(
        (a, b) =>
          compareStrings(a.fromDigestId, b.fromDigestId) ||
          (a.position && b.position
            ? a.position.line - b.position.line || a.position.column - b.position.column
            : 0),
      ),
    ),
    claimsByVerdict: Object.fromEntries(
      verdictIds.map((id) => [id, [...(claimsByVerdict.get(id) ?? [])].sort(compareStrings)]),
    ) as Record<VerdictId, string[]>,
    claimsByClaimant: sortedRecord(claimsByClaimant, (list) => [...list].sort(compareStrings)),
    claimsByDate: sortedRecord(claimsByDate, (list) => [...list].sort(compareStrings)),
    entities: sortedRecord(entityIndex, (entry): EntityIndexEntry => ({
      claimsBy: [...entry.claimsBy].sort(compareStrings),
      claimsAbout: [...entry.claimsAbout].sort(compareStrings),
      digests: [...entry.digests].sort(compareStrings),
    })),
    related,
    timeline: timeline.sort(
      (a, b) =>
        compareStrings(a.date, b.date) ||
        compareStrings(a.digestId, b.digestId) ||
        compareStrings(a.claimId ?? '', b.claimId ?? ''),
    ),
  };
}

/**
 * Each digest's most related digests, by id in id order: 1 point per entity both mention (among
 * entities within the fan-out limit) and `crossReferenceWeight` per link between them, either
 * way. One digest's scores are summed in an array indexed by digest and cleared afterwards: the
 * pairs run to hundreds of thousands, and a map per digest was most of the graph's time.
 */
function relatedDigests(
  ids: readonly string[],
  sharedEntities: readonly (readonly (readonly number[])[])[],
  linked: readonly (readonly number[])[],
  limit: number,
): Record<string, string[]> {
  const scores = new Int32Array(ids.length);
  const scored: number[] = [];
  const add = (other: number, score: number) => {
    if (scores[other] === 0) scored.push(other);
    scores[other] = (scores[other] ?? 0) + score;
  };
  const related: Record<string, string[]> = {};
  ids.forEach((id, index) => {
    for (const sharing of sharedEntities[index] ?? []) {
      for (const other of sharing) if (other !== index) add(other, 1);
    }
    for (const other of linked[index] ?? []) add(other, crossReferenceWeight);
    related[id] = mostRelated(scored, scores, ids, limit);
    for (const other of scored) scores[other] = 0;
    scored.length = 0;
  });
  return related;
}

/**
 * The `limit` best-scoring of the `scored` digests, highest score first, ties by id: the start of
 * the fully sorted list, kept in one pass instead of sorting every related digest (hundreds per
 * digest).
 */
function mostRelated(
  scored: readonly number[],
  scores: Int32Array,
  ids: readonly string[],
  limit: number,
): string[] {
  const score = (index: number) => scores[index] ?? 0;
  const id = (index: number) => ids[index] ?? '';
  const ranksBefore = (a: number, b: number) =>
    score(a) > score(b) || (score(a) === score(b) && compareStrings(id(a), id(b)) < 0);
  if (!Number.isInteger(limit) || limit <= 0) {
    return [...scored]
      .sort((a, b) => score(b) - score(a) || compareStrings(id(a), id(b)))
      .slice(0, limit)
      .map(id);
  }
  const best: number[] = [];
  for (const entry of scored) {
    if (best.length === limit && !ranksBefore(entry, best[limit - 1] as number)) continue;
    let index = Math.min(best.length, limit - 1);
    if (best.length < limit) best.push(entry);
    while (index > 0 && ranksBefore(entry, best[index - 1] as number)) {
      best[index] = best[index - 1] as number;
      index--;
    }
    best[index] = entry;
  }
  return best.map(id);
}

function push<Value>(map: Map<string, Value[]>, key: string, value: Value): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function sortedRecord<Value, Result>(
  map: Map<string, Value>,
  transform: (value: Value) => Result,
): Record<string, Result> {
  return Object.fromEntries(
    [...map.keys()].sort(compareStrings).map((key) => [key, transform(map.get(key) as Value)]),
  );
}
