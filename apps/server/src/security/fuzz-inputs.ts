import fc from 'fast-check';

/** Keys that have polluted prototypes in other codebases. */
export const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__'];

const nastyStrings = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\uD800', // lone surrogate
  '\uFEFF{}',
  '../../../../etc/passwd',
  '%2e%2e%2f%2e%2e%2f',
  '%00',
  '{{client_secret}}',
  '{{a}}{{b}}',
  '{{$guid}}',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  'null',
  'undefined',
  'NaN',
  '1e309',
  '-1',
  'x'.repeat(10_000),
  '\r\nSet-Cookie: a=b',
  'http://127.0.0.1:1/',
  'javascript:alert(1)',
  ...POLLUTION_KEYS,
);

/** Any string, biased towards ones that broke parsers elsewhere. */
export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 3, arbitrary: nastyStrings },
);

/** A huge string; used on its own (not in every field) so runs stay fast. */
export const hugeString = fc.integer({ min: 50_000, max: 400_000 }).map((n) => 'a'.repeat(n));

/** JSON values with prototype-pollution keys mixed in. */
const { value: hostileJson } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    hostileString,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...POLLUTION_KEYS, 'name', 'variables', 'request', 'url', 'method', 'environmentId', 'content', 'format', 'headers', 'body', 'mode')), tie('value'), { maxKeys: 6 }),
  ),
}));
export { hostileJson };

/** `[[[[...]]]]` or `{"a":{"a":...}}` nested `depth` deep. */
export const deepNesting = fc.tuple(fc.integer({ min: 50, max: 20_000 }), fc.boolean()).map(([depth, arrays]) =>
  arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
);

/** A request body as raw bytes or text, with a content type that may or may not match. */
export const hostileBody = fc.oneof(
  { weight: 5, arbitrary: hostileJson.map((v) => JSON.stringify(v) ?? 'null') },
  // JSON.stringify drops "__proto__" set as an own key by fast-check? It does not; but also send it literally.
  { weight: 1, arbitrary: fc.constantFrom('{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '{"name":"x","__proto__":{"isAdmin":true}}') },
  { weight: 1, arbitrary: deepNesting },
  { weight: 1, arbitrary: fc.tuple(hugeString, fc.constantFrom('name', 'url', 'content', 'password', 'environmentId')).map(([big, key]) => JSON.stringify({ [key]: big })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) }, // not JSON at all
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) }, // invalid UTF-8 more often than not
  { weight: 1, arbitrary: fc.constantFrom(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), new Uint8Array([0xc0, 0xaf]), new Uint8Array([0xed, 0xa0, 0x80])) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

export const contentType = fc.constantFrom(
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'application/vnd.api+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  '',
  undefined,
);

export const query = fc.dictionary(hostileString.filter((s) => s.length < 200), hostileString.filter((s) => s.length < 2000), { maxKeys: 4 });

export const anyMethod = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'PROPFIND');
