import { infiniteQueryOptions } from '@tanstack/react-query';
import { client, unwrap } from '../../lib/api-client.ts';

/** The filters of the Audit panel, as the server's query parameters (empty ones left out). */
export interface AuditFilters {
  action?: string;
  actor?: string;
  outcome?: 'success' | 'failure' | '';
  since?: string;
  until?: string;
}

const params = (f: AuditFilters) => {
  const q: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) if (v) q[k] = v;
  return q;
};

export const auditQuery = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: ['audit', filters] as const,
    queryFn: async ({ pageParam }) =>
      unwrap(client.api.audit.$get({ query: { ...params(filters), limit: '100', ...(pageParam ? { before: pageParam } : {}) } })),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    // The log grows with everyone's actions: read afresh whenever the panel opens.
    staleTime: 0,
  });

/** The JSON lines download of everything the filters match (the browser sends the session cookie). */
export const auditExportUrl = (filters: AuditFilters) => {
  const q = new URLSearchParams(params(filters)).toString();
  return `/api/audit/export${q ? `?${q}` : ''}`;
};

/** `datetime-local` gives local time without a zone: the server wants an ISO instant. */
export const localToIso = (value: string) => (value ? new Date(value).toISOString() : '');
