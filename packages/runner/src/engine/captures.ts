import { parseJsonPath, readJsonPath, type Capture, type SendResult } from '@kinde-explorer/core';
import type { CaptureResult } from '../types.ts';
import { asText } from './variables.ts';

/**
 * Reads each enabled capture off a response: what `pm.collectionVariables.set(name, <path>)`
 * (the code a capture exports to) would set. Missing values give `value: null` and set nothing.
 */
export function evaluateCaptures(captures: readonly Capture[], response: SendResult): CaptureResult[] {
  let json: { value: unknown } | undefined;
  const body = () => {
    if (!json) {
      try {
        json = { value: JSON.parse(response.body) as unknown };
      } catch {
        json = { value: undefined };
      }
    }
    return json.value;
  };
  const out: CaptureResult[] = [];
  for (const c of captures) {
    if (c.enabled === false) continue;
    let value: unknown;
    let source: string;
    if (c.source === 'status') {
      value = response.status;
      source = 'status';
    } else if (c.source === 'header') {
      const name = (c.property ?? '').trim().toLowerCase();
      value = response.headers.find((h) => h.key.toLowerCase() === name)?.value;
      source = `header ${c.property ?? ''}`;
    } else {
      const steps = parseJsonPath(c.property ?? '');
      value = steps ? readJsonPath(body(), steps) : undefined;
      source = c.property ?? '';
    }
    out.push({ variable: c.variable, value: value === undefined ? null : asText(value), source });
  }
  return out;
}
