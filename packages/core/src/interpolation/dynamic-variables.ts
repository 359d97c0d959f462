/** Sources of randomness and time; tests pass fixed ones. */
export type DynamicSources = {
  random?: () => number;
  now?: () => Date;
  uuid?: () => string;
};

type Generator = (s: Required<DynamicSources>) => string;

const FIRST_NAMES = ['Ada', 'Alan', 'Grace', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Radia', 'Tim', 'Frances', 'Edsger', 'Hedy', 'Donald', 'Katherine', 'John'];
const LAST_NAMES = ['Lovelace', 'Turing', 'Hopper', 'Torvalds', 'Hamilton', 'Ritchie', 'Liskov', 'Thompson', 'Perlman', 'Lee', 'Allen', 'Dijkstra', 'Lamarr', 'Knuth', 'Johnson', 'McCarthy'];

const pick = (list: string[], random: () => number) => list[Math.floor(random() * list.length)] ?? list[0]!;

/** Postman-compatible dynamic variables, generated afresh at every occurrence. */
const GENERATORS: Record<string, { description: string; generate: Generator }> = {
  $guid: { description: 'A v4 UUID', generate: (s) => s.uuid() },
  $randomUUID: { description: 'A v4 UUID', generate: (s) => s.uuid() },
  $timestamp: { description: 'Current Unix time in seconds', generate: (s) => String(Math.floor(s.now().getTime() / 1000)) },
  $isoTimestamp: { description: 'Current time, ISO 8601 (UTC)', generate: (s) => s.now().toISOString() },
  $randomInt: { description: 'A random integer from 0 to 1000', generate: (s) => String(Math.floor(s.random() * 1001)) },
  $randomFirstName: { description: 'A random first name', generate: (s) => pick(FIRST_NAMES, s.random) },
  $randomLastName: { description: 'A random last name', generate: (s) => pick(LAST_NAMES, s.random) },
  $randomEmail: {
    // example.com is reserved (RFC 2606): a test user created with it can never receive mail.
    description: 'A random email address at example.com',
    generate: (s) => `${pick(FIRST_NAMES, s.random)}.${pick(LAST_NAMES, s.random)}${Math.floor(s.random() * 10_000)}@example.com`.toLowerCase(),
  },
};

/** Names and descriptions of the dynamic variables, for autocomplete and docs. */
export const DYNAMIC_VARIABLES: { name: string; description: string }[] = Object.entries(GENERATORS).map(([name, g]) => ({
  name,
  description: g.description,
}));

export function isDynamicVariable(name: string): boolean {
  return Object.hasOwn(GENERATORS, name);
}

/** A fresh value for a dynamic variable, or undefined when the name is not one. */
export function generateDynamic(name: string, sources: DynamicSources = {}): string | undefined {
  const generator = GENERATORS[name];
  if (!generator || !Object.hasOwn(GENERATORS, name)) return undefined;
  return generator.generate({ random: sources.random ?? Math.random, now: sources.now ?? (() => new Date()), uuid: sources.uuid ?? randomUuid });
}

/** `crypto.randomUUID` exists only in secure contexts in browsers; fall back to getRandomValues. */
export function randomUuid(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (typeof c?.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
