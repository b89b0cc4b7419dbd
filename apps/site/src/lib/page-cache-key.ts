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
 * against them: a digest's HTML (`htmlSha256`, html-store.ts) and a source's archived text
 * (`contentHash`, archived-text.ts).
 *
 * Props should carry what the page shows and little else: a field that is not shown only
 * re-renders the page more often than needed, but every field is hashed on every build.
 */
import { createHash } from 'node:crypto';

/**
 * SHA-256 (hex) of `props`, serialised canonically: object keys sorted, so the key does not
 * depend on the order fields were written in. Throws on a value whose serialisation would not
 * determine it (a Map, a Set, a function, a class instance, a non-finite number): such a value
 * could change without changing the key.
 */
export function pageCacheKey(props: unknown): string {
  return createHash('sha256').update(canonicalJson(props, 'props')).digest('hex');
}

function canonicalJson(value: unknown, at: string): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw unkeyable(at, String(value));
    return JSON.stringify(value);
  }
  if (value instanceof Date) return `{"$date":${JSON.stringify(value.toISOString())}}`;
  if (Array.isArray(value)) {
    return `[${value.map((item, index) => (item === undefined ? 'undefined' : canonicalJson(item, `${at}[${index}]`))).join(',')}]`;
  }
  if (typeof value === 'object' && isPlainObject(value)) {
    const fields = Object.entries(value)
      // An absent field and one set to undefined render alike (and exactOptionalPropertyTypes
      // keeps them apart in types only).
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field, `${at}.${key}`)}`);
    return `{${fields.join(',')}}`;
  }
  throw unkeyable(at, describe(value));
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'object' && value !== null) {
    return `a ${value.constructor?.name ?? 'prototype-less'} object`;
  }
  return `a ${typeof value}`;
}

function unkeyable(at: string, what: string): Error {
  return new Error(
    `pageCacheKey: ${at} is ${what}, which the page cache key cannot cover exactly; pass plain data (objects, arrays, strings, numbers, booleans, null, dates) as props.`,
  );
}
