import { describe, expect, it } from 'vitest';
import { createSeededRandom, mulberry32 } from '../src/corpus/seeded-random.ts';

describe('mulberry32', () => {
  it('repeats the same stream for the same seed and a different one for another seed', () => {
    const first = mulberry32(42);
    const second = mulberry32(42);
    const other = mulberry32(43);
    const a = Array.from({ length: 5 }, first);
    expect(Array.from({ length: 5 }, second)).toEqual(a);
    expect(Array.from({ length: 5 }, other)).not.toEqual(a);
  });

  it('draws from [0, 1)', () => {
    const next = mulberry32(7);
    for (let index = 0; index < 10_000; index++) {
      const value = next();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });
});

describe('createSeededRandom', () => {
  it('keeps int() within both bounds and reaches each of them', () => {
    const random = createSeededRandom(1);
    const seen = new Set(Array.from({ length: 2000 }, () => random.int(2, 5)));
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });

  it('samples distinct items, at most as many as there are', () => {
    const random = createSeededRandom(3);
    const items = ['a', 'b', 'c', 'd', 'e'];
    const taken = random.sample(items, 3);
    expect(new Set(taken).size).toBe(3);
    expect(random.sample(items, 9).sort()).toEqual(items);
  });

  it('refuses to pick from an empty list', () => {
    expect(() => createSeededRandom(1).pick([])).toThrow('Cannot pick from an empty list');
  });
});
