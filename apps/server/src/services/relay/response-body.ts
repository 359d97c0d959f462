import { isUtf8 } from 'node:buffer';
import { createRedactor, type Redactor } from '@kinde-explorer/core';

const TEXTUAL = /^(text\/|application\/(json|[\w.+-]*\+json|xml|[\w.+-]*\+xml|javascript|ecmascript|x-www-form-urlencoded|yaml|x-yaml|graphql|problem\+json|x-ndjson)\b)/i;
const BINARY = /^(image|audio|video|font)\/|^application\/(octet-stream|pdf|zip|gzip|x-tar|protobuf|x-protobuf|wasm|msword|vnd\.)/i;

export interface ShownBody {
  body: string;
  bodyEncoding: 'utf8' | 'base64';
}

/**
 * Text bodies go back as UTF-8, binary ones as base64. A body with no or an unknown content type
 * counts as text when it decodes as valid UTF-8. Every secret is redacted either way: for binary
 * bodies the bytes themselves are scanned. `scrub` is the send's compiled redactor of `secrets`.
 */
export function showBody(bytes: Buffer, contentType: string | null, secrets: readonly string[], scrub: Redactor = createRedactor(secrets)): ShownBody {
  const type = (contentType ?? '').trim();
  const textual = TEXTUAL.test(type) || (!BINARY.test(type) && isUtf8(bytes));
  if (textual) return { body: scrub(bytes.toString('utf8')), bodyEncoding: 'utf8' };
  // latin1 maps bytes 1:1 to chars, so a secret's UTF-8 bytes can be found and replaced in place.
  const latin1Secrets = secrets.map((s) => Buffer.from(s, 'utf8').toString('latin1'));
  const scrubbed = Buffer.from(createRedactor(latin1Secrets)(bytes.toString('latin1')), 'latin1');
  return { body: scrubbed.toString('base64'), bodyEncoding: 'base64' };
}
