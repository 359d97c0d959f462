/** Small deterministic random source (mulberry32) so a seed always gives the same data. */
export interface Rng {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  hex(length: number): string;
  chance(p: number): boolean;
  /** ISO 8601 with microseconds and +00:00, the way Kinde formats dates. */
  date(fromIso: string, toIso: string): string;
}

/** Creates a generator; the same seed yields the same sequence. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0 || 0x9e3779b9;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    hex: (length) => Array.from({ length }, () => Math.floor(next() * 16).toString(16)).join(''),
    chance: (p) => next() < p,
    date: (fromIso, toIso) => {
      const from = Date.parse(fromIso);
      const ms = from + Math.floor(next() * (Date.parse(toIso) - from));
      const micros = String(int(0, 999)).padStart(3, '0');
      return new Date(ms).toISOString().replace(/Z$/, `${micros}+00:00`);
    },
  };
}
