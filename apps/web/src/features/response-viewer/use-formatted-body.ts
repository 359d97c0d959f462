import { useEffect, useState } from 'react';
import type { SendResult } from '@kinde-explorer/core';
import { formatBodyAsync } from './format-client.ts';
import type { FormattedBody } from './format-body.ts';

export function headerValue(result: SendResult, name: string): string | null {
  const lower = name.toLowerCase();
  return result.headers.find((h) => h.key.toLowerCase() === lower)?.value ?? null;
}

/** The result's body formatted for display; null while the worker is still formatting. */
export function useFormattedBody(result: SendResult | undefined): FormattedBody | null {
  const [formatted, setFormatted] = useState<{ for: SendResult; body: FormattedBody } | null>(null);
  useEffect(() => {
    if (!result || result.bodyEncoding !== 'utf8') return;
    let live = true;
    void formatBodyAsync(result.body, headerValue(result, 'content-type') ?? '').then((body) => {
      if (live) setFormatted({ for: result, body });
    });
    return () => {
      live = false;
    };
  }, [result]);
  return formatted && formatted.for === result ? formatted.body : null;
}
