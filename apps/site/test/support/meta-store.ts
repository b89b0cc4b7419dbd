/**
 * The loader's meta store as Astro keeps it (string values by key), in memory, for tests that
 * run the parse cache without Astro. `keys` lets a test see what the cache recorded.
 */
import type { MetaStore } from 'astro/loaders';

export function metaStore(): MetaStore & { keys: () => string[] } {
  const values = new Map<string, string>();
  return {
    get: (key) => values.get(key),
    set: (key, value) => void values.set(key, value),
    has: (key) => values.has(key),
    delete: (key) => void values.delete(key),
    keys: () => [...values.keys()],
  };
}
