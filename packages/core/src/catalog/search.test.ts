import { describe, expect, it } from 'vitest';
import { buildCatalog } from './build-catalog.ts';
import { kindeSpec } from './kinde-spec.test-helper.ts';
import { buildSearchIndex, search } from './search.ts';

const index = () => buildSearchIndex(buildCatalog(kindeSpec()).operations);
const top = (query: string, n = 1) => search(index(), query, n).map((o) => o.summary);

describe('search', () => {
  it('matches words in any order', () => {
    expect(top('org create')).toEqual(['Create organization']);
    expect(top('create org')).toEqual(['Create organization']);
    expect(top('users get')).toEqual(['Get users']);
  });

  it('tolerates partial words, plurals and a typo', () => {
    expect(top('crea organizat')).toEqual(['Create organization']);
    expect(top('get user')[0]).toMatch(/^Get user/);
    expect(top('feature flag')[0]).toMatch(/feature flag/i);
    expect(top('orgnization create')).toEqual(['Create organization']);
  });

  it('finds operations by scope, path and operationId', () => {
    expect(search(index(), 'read:users', 2).map((o) => o.scope)).toEqual(['read:users', 'read:users']);
    expect(top('/api/v1/organizations/{org_code}/users')).toEqual(['Get organization users']);
    expect(top('createOrganization')).toEqual(['Create organization']);
  });

  it('ranks operations whose name has every word before those matched by operationId or scope', () => {
    const hits = search(index(), 'org create').map((o) => o.summary);
    expect(hits.slice(0, 2)).toEqual(['Create organization', 'Create organization invite']);
    const named = hits.filter((h) => /create/i.test(h) && /org/i.test(h));
    expect(hits.slice(0, named.length)).toEqual(named);
    expect(hits.indexOf('Enable connection')).toBeGreaterThan(hits.indexOf('Create organization invite'));
  });

  it('requires every word to match', () => {
    expect(search(index(), 'organization zzzz')).toEqual([]);
  });

  it('returns everything in catalog order for an empty query', () => {
    const all = buildCatalog(kindeSpec()).operations;
    expect(search(index(), '  ')).toEqual(all);
  });

  it('is fast enough to run on every keystroke', () => {
    const built = index();
    const queries = ['o', 'or', 'org', 'org ', 'org c', 'org cr', 'org create', 'users get', 'feature flags', 'read:roles', 'permissions delete'];
    for (const q of queries) search(built, q); // warm up
    const rounds = 50;
    const started = performance.now();
    for (let i = 0; i < rounds; i++) for (const q of queries) search(built, q);
    const perQuery = (performance.now() - started) / (rounds * queries.length);
    console.log(`search: ${perQuery.toFixed(3)} ms per query over ${built.entries.length} operations`);
  });
});
