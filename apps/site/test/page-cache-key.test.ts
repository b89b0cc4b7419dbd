/**
 * A page's cache key must change whenever its props change, and refuse props whose JSON would
 * not show a change (see src/lib/page-cache-key.ts).
 */
import { describe, expect, it } from 'vitest';
import { pageCacheKey } from '../src/lib/page-cache-key.ts';

const view = {
  digest: { id: 'a', title: 'Title', claims: [{ id: 'c', verdict: 'accurate' }] },
  backlinks: [{ from: { id: 'b', title: 'Linking digest' }, texts: ['see'] }],
  published: new Date('2025-06-14T00:00:00Z'),
};

describe('pageCacheKey', () => {
  it('is the same for equal props and differs when anything nested changes', () => {
    expect(pageCacheKey(structuredClone(view))).toBe(pageCacheKey(view));
    const retitled = structuredClone(view);
    (retitled.backlinks[0] as { from: { title: string } }).from.title = 'Renamed';
    expect(pageCacheKey(retitled)).not.toBe(pageCacheKey(view));
    const reviewed = structuredClone(view);
    (reviewed.digest.claims[0] as { verdict: string }).verdict = 'inaccurate';
    expect(pageCacheKey(reviewed)).not.toBe(pageCacheKey(view));
    const later = { ...view, published: new Date('2025-06-15T00:00:00Z') };
    expect(pageCacheKey(later)).not.toBe(pageCacheKey(view));
  });

  it('tells undefined from null in an array, and ignores an undefined field', () => {
    expect(pageCacheKey({ list: [undefined] })).not.toBe(pageCacheKey({ list: [null] }));
    expect(pageCacheKey({ a: 1, b: undefined })).toBe(pageCacheKey({ a: 1 }));
  });

  it('refuses values whose JSON would not show a change, naming the field', () => {
    expect(() => pageCacheKey({ counts: new Map([['a', 1]]) })).toThrow(
      'pageCacheKey: the field "counts" is a Map object',
    );
    expect(() => pageCacheKey({ ids: new Set(['a']) })).toThrow('the field "ids" is a Set object');
    expect(() => pageCacheKey({ render: () => 'x' })).toThrow('the field "render" is a function');
    expect(() => pageCacheKey({ share: Number.NaN })).toThrow('the field "share" is NaN');
  });
});
