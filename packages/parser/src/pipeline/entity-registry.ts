/**
 * The entity registry a digest is parsed against: display names for claimants, and one
 * precompiled matcher for every entity name and alias, so finding mentions costs one regular
 * expression scan per text node however many entities there are.
 */
import type { Entity } from '../model.ts';

export interface EntityRegistry {
  /** Display name per entity id. */
  names: ReadonlyMap<string, string>;
  /** Names or aliases of two or more entities: they are not matched (see `entity-alias-collision`). */
  ambiguousTerms: ReadonlyMap<string, readonly string[]>;
  /** Every mention of a name or alias in a text, longest name first where they overlap. */
  findMentions: (text: string) => AliasMatch[];
}

export interface AliasMatch {
  entityId: string;
  /** The name or alias as it appears in the text. */
  text: string;
  /** Offset in the text, in UTF-16 code units. */
  offset: number;
}

export function createEntityRegistry(
  entities: readonly Pick<Entity, 'id' | 'name' | 'aliases'>[],
): EntityRegistry {
  const owners = new Map<string, Set<string>>();
  for (const entity of entities) {
    for (const term of [entity.name, ...entity.aliases]) {
      const trimmed = term.trim();
      if (trimmed === '') continue;
      const set = owners.get(trimmed) ?? new Set<string>();
      set.add(entity.id);
      owners.set(trimmed, set);
    }
  }
  const ownerOf = new Map<string, string>();
  const ambiguousTerms = new Map<string, string[]>();
  for (const [term, ids] of owners) {
    if (ids.size === 1) ownerOf.set(term, [...ids][0] as string);
    else ambiguousTerms.set(term, [...ids].sort());
  }
  // Longest first, so "President Zelensky" wins over "Zelensky" at the same position.
  const alternatives = [...ownerOf.keys()]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map(escapeRegExp);
  const pattern =
    alternatives.length === 0
      ? undefined
      : new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'gu');

  return {
    names: new Map(entities.map((entity) => [entity.id, entity.name])),
    ambiguousTerms,
    findMentions(text) {
      if (!pattern) return [];
      const matches: AliasMatch[] = [];
      // `exec` on the one compiled expression: `matchAll` clones the expression on every call, and
      // a clone of this large an expression runs slowly until it is compiled again.
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
        const entityId = ownerOf.get(match[0]);
        if (entityId !== undefined) matches.push({ entityId, text: match[0], offset: match.index });
      }
      return matches;
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
