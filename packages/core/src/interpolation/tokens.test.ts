import { describe, expect, it } from 'vitest';
import { findVariableTokens, findVariables } from './tokens.ts';

describe('findVariables', () => {
  it('lists distinct names in order of first use, dynamic ones included', () => {
    expect(findVariables('{{business_domain}}/api/{{ id }}/{{id}}?t={{$timestamp}}&{{x.y-z}}')).toEqual(['business_domain', 'id', '$timestamp', 'x.y-z']);
  });

  it('ignores braces that do not hold a name', () => {
    expect(findVariables('{"a":{"b":{}}} {{}} {{1abc}} {{a b}} {single}')).toEqual([]);
  });

  it('gives positions for highlighting', () => {
    expect(findVariableTokens('a {{ x }} b')).toEqual([{ name: 'x', start: 2, end: 9, dynamic: false }]);
  });
});
