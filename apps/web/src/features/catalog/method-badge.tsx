import type { HttpMethod } from '@kinde-explorer/core';

const SHORT: Partial<Record<HttpMethod, string>> = { DELETE: 'DEL', OPTIONS: 'OPT', PATCH: 'PATCH' };

/** The coloured method label of a catalog row or docs heading; DELETE shortens to DEL to keep rows aligned. */
export function MethodBadge({ method, full = false }: { method: HttpMethod; full?: boolean }) {
  return (
    <span className={`method-badge method-${method}`} aria-label={method}>
      {full ? method : (SHORT[method] ?? method)}
    </span>
  );
}
