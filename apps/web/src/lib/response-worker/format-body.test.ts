import { describe, it, expect } from 'vitest';
import { formatBody } from './format-body.ts';

describe('formatBody', () => {
  it('pretty-prints JSON and picks out Kinde errors', () => {
    const out = formatBody('{"errors":[{"code":"FORBIDDEN","message":"no"}]}', 'application/json');
    expect(out.isJson).toBe(true);
    expect(out.pretty).toBe('{\n  "errors": [\n    {\n      "code": "FORBIDDEN",\n      "message": "no"\n    }\n  ]\n}');
    expect(out.kindeErrors).toEqual([{ code: 'FORBIDDEN', message: 'no' }]);
  });

  it('leaves text and broken JSON as they are', () => {
    expect(formatBody('hello', 'text/plain')).toEqual({ pretty: 'hello', isJson: false, kindeErrors: null });
    expect(formatBody('{"a":', 'application/json').pretty).toBe('{"a":');
  });
});
