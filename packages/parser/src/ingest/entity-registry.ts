/**
 * The entity registry as the ingest pipeline uses it: names and aliases to look for in an
 * article. Matching is case-sensitive on whole words, because aliases are proper names.
 */
import type { EntityKind } from '../format/schema.ts';
import type { EntityMatch } from './ingest-result.ts';

export interface RegistryEntity {
  id: string;
  name: string;
  kind: EntityKind;
  aliases: string[];
}

export type EntityRegistry = readonly RegistryEntity[];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface RegistryName {
  entityId: string;
  name: string;
  pattern: RegExp;
}

function registryNames(registry: EntityRegistry): RegistryName[] {
  return registry
    .flatMap((entity) =>
      [entity.name, ...entity.aliases].map((name) => ({
        entityId: entity.id,
        name,
        pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'gu'),
      })),
    )
    .sort((a, b) => b.name.length - a.name.length);
}

/** Every registry name or alias in `text`; where two overlap, the longer one wins. */
export function matchRegistryEntities(
  registry: EntityRegistry,
  text: string,
  offset = 0,
): EntityMatch[] {
  const taken: Array<[number, number]> = [];
  const matches: EntityMatch[] = [];
  for (const { entityId, pattern } of registryNames(registry)) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.some(([from, to]) => start < to && end > from)) continue;
      taken.push([start, end]);
      matches.push({ entityId, text: match[0], offset: offset + start });
    }
  }
  return matches.sort((a, b) => a.offset - b.offset);
}

/** The registry entity a name refers to ("President Volodymyr Zelensky" → `volodymyr-zelensky`). */
export function resolveEntityName(registry: EntityRegistry, name: string): string | undefined {
  return matchRegistryEntities(registry, name).sort((a, b) => b.text.length - a.text.length)[0]
    ?.entityId;
}
