import { describe, expect, it } from 'vitest';
import { parseDataFile } from './data-file.ts';
import { RunInputError } from './engine/plan.ts';

describe('iteration data files', () => {
  it('reads CSV with a header row, quoted values included', () => {
    expect(parseDataFile('name,note\nAcme,"a, b"\n"Big ""Co""",x\n', 'data.csv')).toEqual([
      { name: 'Acme', note: 'a, b' },
      { name: 'Big "Co"', note: 'x' },
    ]);
  });

  it('reads a JSON array of objects, values as text', () => {
    expect(parseDataFile('[{"size": 2, "ok": true, "o": {"a": 1}}, {"size": null}]', 'data.json')).toEqual([
      { size: '2', ok: 'true', o: '{"a":1}' },
      { size: '' },
    ]);
  });

  it('says what to fix in a bad file', () => {
    expect(() => parseDataFile('{"a": 1}', 'd.json')).toThrow(RunInputError);
    expect(() => parseDataFile('{"a": 1}', 'd.json')).toThrow(/JSON array of objects/);
    expect(() => parseDataFile('[1, 2]', 'd.json')).toThrow(/item 1 is not an object/);
    expect(() => parseDataFile('a,b\n1,2,3\n', 'd.csv')).toThrow(/could not be read as CSV/);
  });
});
