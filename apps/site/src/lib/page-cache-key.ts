/**
 * The `cacheKey` of a page returned from `getStaticPaths()`, for Astro's incremental build
 * (`experimental.incrementalBuild`, https://docs.astro.build/en/reference/experimental-flags/incremental-build/).
 * Astro copies a page from the previous build instead of rendering it when its `cacheKey` and
 * the hash of its module graph (the code: page, layouts, components, libraries, styles) both
 * match the previous build. Astro leaves the content data store out of that hash, so the key
 * alone has to say when the page's data changed.
 *
 * The rule that makes the key exact: a page with a `cacheKey` renders only from its props, from
 * code, and from settings that are part of Astro's config (the site URL); it never reads the
 * site content while rendering. `getStaticPaths()` computes everything the page shows, from its
 * own digest and from every other digest, entity, claim and source (titles of pages linking
 * here, claim counts, entity names), into the props, and the key is a SHA-256 of those props.
 * Two builds with equal keys and equal code therefore render the same bytes. The two inputs read
 * at render time are named by hashes that are in the props, and the reading code checks the bytes
 * against them: a digest's HTML (`htmlSha256`, content-store.ts) and a source's archived text
 * (`contentHash`, archived-text.ts).
 *
 * Props should carry what the page shows and little else: a field that is not shown only
 * re-renders the page more often than needed, but every field is hashed on every build.
 */
import { createHash } from 'node:crypto';

/**
 * SHA-256 (hex) of `props` as JSON. Throws on a value whose JSON would not determine it (a Map, a
 * Set, a function, a class instance, a non-finite number): such a value could change without
 * changing the key. Keys are not sorted: the same code builds props with fields in the same
 * order, and a different order could only make a key differ for equal data, so re-render a page
 * needlessly, never skip one (sorting every object was 10% of a 10k rebuild's CPU).
 */
export function pageCacheKey(props: unknown): string {
  return createHash('sha256').update(JSON.stringify(props, keyableValue)).digest('hex');
}

/** `JSON.stringify`'s replacer: passes plain data through (Dates arrive as their ISO text). */
function keyableValue(this: unknown, field: string, value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw unkeyable(field, String(value));
      return value;
    case 'undefined':
      // An absent field and one set to undefined render alike, and JSON leaves both out; in an
      // array JSON would write null, which a page may render differently.
      return Array.isArray(this) ? { $undefined: true } : value;
    case 'object':
      if (value === null || Array.isArray(value) || isPlainObject(value)) return value;
      throw unkeyable(field, describe(value));
    default:
      throw unkeyable(field, describe(value));
  }
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function describe(value: unknown): string {
  if (typeof value === 'object' && value !== null) {
    return `a ${value.constructor?.name ?? 'prototype-less'} object`;
  }
  return `a ${typeof value}`;
}

function unkeyable(field: string, what: string): Error {
  return new Error(
    `pageCacheKey: the field ${JSON.stringify(field)} is ${what}, which the page cache key cannot cover exactly; pass plain data (objects, arrays, strings, numbers, booleans, null, dates) as props.`,
  );
}
