import type { OperationObject } from '../openapi/types.ts';

// Kinde writes the scope into descriptions as `<div><code>read:users</code></div>`; other specs
// use backticks or plain text, so those are tried next.
const CODE_TAG_SCOPE = /<code>\s*([a-z][a-z0-9_-]*:[a-z0-9_.:-]+)\s*<\/code>/i;
const BACKTICK_SCOPE = /`([a-z][a-z0-9_-]*:[a-z0-9_.:-]+)`/i;
const PLAIN_SCOPE = /\b((?:read|create|update|delete|write|manage):[a-z0-9_.-]+)\b/i;
const SCOPE_BLOCK = /\n?[ \t]*<div>\s*<code>[^<]*<\/code>\s*<\/div>[ \t]*\n?/gi;

/** The scope an operation needs: `x-scope`, else the first scope named in its description. */
export function findScope(op: OperationObject): string | null {
  const declared = op['x-scope'];
  if (typeof declared === 'string' && declared.trim() !== '') return declared.trim();
  const text = op.description ?? '';
  for (const pattern of [CODE_TAG_SCOPE, BACKTICK_SCOPE, PLAIN_SCOPE]) {
    const match = pattern.exec(text);
    if (match) return match[1]!;
  }
  return null;
}

/** Removes Kinde's `<div><code>scope</code></div>` block: the UI shows the scope as a badge. */
export function stripScopeBlock(description: string): string {
  return description.replace(SCOPE_BLOCK, '\n').replace(/\n{3,}/g, '\n\n').trim();
}
