/**
 * Entities an article names: registry entities by name or alias, and people, organisations and
 * places compromise finds that the registry does not have yet, proposed to the editor. Claimants
 * missing from the registry are proposed too, so no claimant is ever dropped.
 */
import nlp from 'compromise';
import type { EntityKind } from '../format/schema.ts';
import { contentIdFrom, uniqueId } from './content-id.ts';
import type { EntityRegistry } from './entity-registry.ts';
import { matchRegistryEntities } from './entity-registry.ts';
import type { CandidateClaim, EntityMatch, ProposedEntity } from './ingest-result.ts';

/** Titles that precede a name but are not part of it. */
const honorific =
  /^(?:the|President|Vice President|Mayor|Governor|Senator|Chancellor|Spokesperson|Prime Minister|Minister|Foreign Minister|Defense Minister|General|Gen\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+/i;

/** The name an entity would be filed under: no surrounding punctuation, no "the", no title. */
export function entityName(text: string): string {
  let name = text.replace(/^[\s(“"'‘]+|[\s)”"'’.,;:!?]+$/gu, '').replace(/\s+/g, ' ');
  for (let previous = ''; previous !== name;) {
    previous = name;
    name = name.replace(honorific, '');
  }
  return name;
}

function kindOf(name: string): EntityKind {
  const doc = nlp(name);
  if (doc.people().found) return 'person';
  if (doc.places().found && !doc.organizations().found) return 'place';
  if (doc.organizations().found) return 'organization';
  // An unknown one-word proper noun in news copy is most often a place ("Mariupol", "Sumy").
  return name.includes(' ') ? 'organization' : 'place';
}

const wordsOf = (name: string) => name.toLowerCase().split(' ');

/** One name is the other's opening words ("Coordination Headquarters" of "… for Prisoners of War"). */
function sameEntity(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [wordsOf(a), wordsOf(b)] : [wordsOf(b), wordsOf(a)];
  return short.every((word, index) => long[index] === word);
}

const connectorsBefore = /\p{Lu}[\p{L}.’'-]*\s+(?:(?:of|for|and|the)\s+)?$/u;
const connectorsAfter = /^\s+(?:(?:of|for|and|the)\s+)?\p{Lu}/u;

/**
 * A name is a name of its own only if it appears somewhere not glued to other capitalised words:
 * "State" in "State Border Guard Service" and "War" in "Prisoners of War" are parts of a name.
 */
function standsAlone(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
    const before = text.slice(Math.max(0, at - 40), at);
    const after = text.slice(at + name.length, at + name.length + 40);
    if (!connectorsBefore.test(before) && !connectorsAfter.test(after)) return true;
  }
  return false;
}

const calendarWord =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/** Demonyms and other adjectives ("Ukrainian") and lower-case words are not entities. */
function isDescriptiveWord(name: string): boolean {
  if (
    name
      .split(' ')
      .some((word) => /^\p{Ll}/u.test(word) && !['of', 'for', 'and', 'the'].includes(word))
  ) {
    return true;
  }
  if (calendarWord.test(name)) return true;
  return !name.includes(' ') && nlp(name).has('(#Adjective|#Demonym)');
}

export interface FoundEntities {
  matched: EntityMatch[];
  proposed: ProposedEntity[];
}

export function findEntities(
  registry: EntityRegistry,
  text: string,
  claims: readonly CandidateClaim[],
): FoundEntities {
  const matched = matchRegistryEntities(registry, text);
  const registryNames = registry.flatMap((entity) => [entity.name, ...entity.aliases]);
  const knownToRegistry = (name: string) =>
    registryNames.some((known) => known.includes(name) || name.includes(known));

  const proposed: ProposedEntity[] = [];
  const propose = (raw: string, kind: EntityKind | undefined, reason: ProposedEntity['reason']) => {
    const name = entityName(raw);
    // A lone lower-case word or a single letter is a tagging slip, not a name.
    if (name.length < 2 || !/^\p{Lu}/u.test(name) || knownToRegistry(name)) return;
    const existing = proposed.find((entity) => sameEntity(entity.name, name));
    if (existing) {
      if (existing.name === name || existing.aliases.includes(name)) return;
      if (name.length > existing.name.length) {
        existing.aliases.push(existing.name);
        existing.name = name;
      } else {
        existing.aliases.push(name);
      }
      if (reason === 'claimant') existing.reason = 'claimant';
      return;
    }
    proposed.push({ id: '', name, kind: kind ?? kindOf(name), aliases: [], reason });
  };

  for (const claim of claims) {
    // A claim the article reports in its own voice is the publisher's: an organisation.
    const kind = claim.claimant.via === 'reported' ? 'organization' : undefined;
    if (!claim.claimant.entityId) propose(claim.claimant.name, kind, 'claimant');
  }
  const doc = nlp(text);
  const named = (raw: string, kind: EntityKind | undefined) => {
    for (const part of raw.split(/[,/()]| and /)) {
      const name = entityName(part);
      if (name !== '' && standsAlone(text, name) && !isDescriptiveWord(name))
        propose(name, kind, 'named');
    }
  };
  for (const person of doc.people().out('array') as string[]) named(person, 'person');
  for (const organization of doc.organizations().out('array') as string[])
    named(organization, 'organization');
  for (const place of doc.places().out('array') as string[]) named(place, 'place');
  // Unknown place names ("Zaporizhzhia", "Mariupol") are only tagged as proper nouns.
  for (const properNoun of doc.match('#ProperNoun+').out('array') as string[])
    named(properNoun, undefined);

  const ids = new Set(registry.map((entity) => entity.id));
  for (const entity of proposed) {
    entity.id = uniqueId(contentIdFrom(entity.name) || 'entity', ids);
    ids.add(entity.id);
  }
  return { matched, proposed };
}

/** The proposed entity a claimant's name belongs to. */
export function proposedEntityFor(
  proposed: readonly ProposedEntity[],
  name: string,
): ProposedEntity | undefined {
  const filed = entityName(name);
  return proposed.find((entity) => entity.name === filed || entity.aliases.includes(filed));
}
