import { createRng, type Rng } from './prng.ts';
import { createSeedData } from './seed.ts';
import type { SandboxData } from './types.ts';

/** Holds the mutable data of one sandbox; `reset()` restores the seed. */
export class Store {
  data: SandboxData;
  /** Ids for records created at run time, deterministic too. */
  rng: Rng;

  constructor(
    private readonly seed: number,
    private readonly clientId: string,
    private readonly clientSecret: string,
  ) {
    this.data = createSeedData(seed, clientId, clientSecret);
    this.rng = createRng(seed ^ 0x5eed);
  }

  reset(): void {
    this.data = createSeedData(this.seed, this.clientId, this.clientSecret);
    this.rng = createRng(this.seed ^ 0x5eed);
  }

  /** ISO timestamp in Kinde's format for records created now. */
  now(): string {
    return new Date().toISOString().replace(/Z$/, '000+00:00');
  }
}
