import type { Scripts } from '@kinde-explorer/core';
import { noticeFor, type secretScrubber } from './sanitize-request.ts';

/**
 * A collection's or folder's scripts as stored in `scripts_json`: blank scripts left out, null
 * when none is left, a known secret value replaced like in saved requests (a secret variable's
 * value by its `{{key}}`, any other by `[redacted]`). `notices` says what was replaced.
 */
export function scriptsToStore(scripts: Scripts | null | undefined, scrub: ReturnType<typeof secretScrubber>): { json: string | null; notices: string[] } {
  const hits = new Set<string>();
  const out: Scripts = {};
  for (const key of ['preRequest', 'test'] as const) {
    const code = scripts?.[key];
    if (code === undefined || code.trim() === '') continue;
    const r = scrub(code);
    for (const h of r.hits) hits.add(h);
    out[key] = r.text;
  }
  const json = out.preRequest === undefined && out.test === undefined ? null : JSON.stringify(out);
  return { json, notices: [...hits].map((h) => `${noticeFor(h)} (in a script)`) };
}

/** The stored column back as scripts; null when there are none. */
export function storedScripts(json: string | null): Scripts | null {
  return json ? (JSON.parse(json) as Scripts) : null;
}
