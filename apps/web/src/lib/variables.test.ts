import { describe, it, expect } from 'vitest';
import type { VariableView } from '@kinde-explorer/core';
import { findVariableRefs, resolvableNames, unresolvedNames, variablePrefixAt } from './variables.ts';

const env: VariableView[] = [
  { key: 'business_domain', value: 'https://acme.kinde.com', secret: false, enabled: true, hasValue: true },
  { key: 'client_secret', value: null, secret: true, enabled: true, hasValue: true },
  { key: 'empty', value: '', secret: false, enabled: true, hasValue: false },
  { key: 'off', value: 'x', secret: false, enabled: false, hasValue: true },
];

describe('findVariableRefs', () => {
  it('finds each {{name}} with its offsets, tolerating spaces', () => {
    expect(findVariableRefs('{{a}}/x/{{ b.c }}')).toEqual([
      { name: 'a', start: 0, end: 5 },
      { name: 'b.c', start: 8, end: 17 },
    ]);
  });

  it('leaves braces around something that is not a variable name alone, like the server', () => {
    expect(findVariableRefs('{{not a name}} {{ }} {{$guid}}')).toEqual([{ name: '$guid', start: 21, end: 30 }]);
  });
});

describe('unresolvedNames', () => {
  it('flags names that are missing, empty or disabled, but not set secrets or dynamic ones', () => {
    const names = resolvableNames(env);
    const texts = ['{{business_domain}}/api/v1/users?x={{empty}}', '{{client_secret}} {{off}} {{nope}} {{$guid}} {{nope}}'];
    expect(unresolvedNames(texts, names)).toEqual(['empty', 'off', 'nope']);
  });
});

describe('variablePrefixAt', () => {
  it('returns the partial name after an open {{ and nothing once it is closed', () => {
    expect(variablePrefixAt('{{busi', 6)).toEqual({ prefix: 'busi', start: 2 });
    expect(variablePrefixAt('x/{{', 4)).toEqual({ prefix: '', start: 4 });
    expect(variablePrefixAt('{{a}}/b', 7)).toBeNull();
  });
});
