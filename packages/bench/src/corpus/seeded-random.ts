/**
 * A seeded pseudo-random source, so the same seed always yields byte-identical corpora and two
 * benchmark runs (or two machines) measure the same input.
 */

/** Draws from [0, 1) and the helpers the generator needs; every draw advances the same stream. */
export interface SeededRandom {
  next: () => number;
  /** Integer in [min, max], both included. */
  int: (min: number, max: number) => number;
  /** True with probability `probability`. */
  chance: (probability: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  /** `count` distinct items (fewer if the list is shorter), in draw order. */
  sample: <T>(items: readonly T[], count: number) => T[];
}

/**
 * mulberry32: a 32-bit state generator with good statistical quality for its size. Not for
 * cryptography; chosen because it is tiny, fast and has no dependency.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

export function createSeededRandom(seed: number): SeededRandom {
  const next = mulberry32(seed);
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('Cannot pick from an empty list');
    return items[int(0, items.length - 1)] as T;
  };
  const sample = <T>(items: readonly T[], count: number): T[] => {
    // Partial Fisher–Yates over a copy: only the first `count` positions are shuffled.
    const pool = [...items];
    const taken = Math.min(count, pool.length);
    for (let index = 0; index < taken; index++) {
      const swap = int(index, pool.length - 1);
      [pool[index], pool[swap]] = [pool[swap] as T, pool[index] as T];
    }
    return pool.slice(0, taken);
  };
  return { next, int, chance: (probability) => next() < probability, pick, sample };
}
