import { useMemo } from 'react';
import { formatBody, type FormattedBody } from '../../lib/response-worker/format-body.ts';
import type { SendOutcome } from '../../lib/response-worker/protocol.ts';

export function headerValue(result: SendOutcome, name: string): string | null {
  const lower = name.toLowerCase();
  return result.headers.find((h) => h.key.toLowerCase() === lower)?.value ?? null;
}

/**
 * The body formatted for display. Large bodies arrive already prepared by the response worker;
 * the rest (at most LARGE_TEXT characters) is pretty-printed here in a few milliseconds.
 */
export function useFormattedBody(result: SendOutcome): FormattedBody | null {
  return useMemo(() => {
    if (result.prepared) return result.prepared.formatted;
    if (result.bodyEncoding !== 'utf8') return null;
    return formatBody(result.body, headerValue(result, 'content-type') ?? '');
  }, [result]);
}
