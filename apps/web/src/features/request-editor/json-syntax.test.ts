import { describe, expect, it } from 'vitest';
import { findJsonSyntaxProblem } from './json-syntax.ts';

describe('findJsonSyntaxProblem', () => {
  it('accepts valid JSON and an empty body', () => {
    expect(findJsonSyntaxProblem('{\n  "name": "Acme"\n}')).toBeNull();
    expect(findJsonSyntaxProblem('  \n')).toBeNull();
  });

  it('names the line and column of a missing comma', () => {
    expect(findJsonSyntaxProblem('{\n  "name": "Acme"\n  "handle": "acme"\n}')).toEqual({
      line: 3,
      column: 3,
      message: 'A comma is expected between items',
    });
  });

  it('flags a trailing comma, a comment and an unclosed object', () => {
    expect(findJsonSyntaxProblem('{"a": 1,}')?.message).toBe('A property name in double quotes is expected');
    expect(findJsonSyntaxProblem('{"a": 1 // note\n}')?.message).toBe('JSON has no comments');
    expect(findJsonSyntaxProblem('{"a": 1')).toMatchObject({ line: 1, message: 'A closing } is missing' });
  });

  it('treats {{variables}} as values, quoted or not, and keeps positions after them', () => {
    expect(findJsonSyntaxProblem('{"id": "{{user_id}}", "n": {{count}}}')).toBeNull();
    expect(findJsonSyntaxProblem('{"n": {{count}} "m": 1}')).toMatchObject({ line: 1, column: 17 });
  });
});
