import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useAppStore } from '../../store/app-store.ts';
import { environmentQuery } from '../environments/environment-queries.ts';
import { catalogQuery } from './catalog-queries.ts';
import { kindeHostOf, requestLabel, type RequestLabel } from './core-catalog.ts';

/** The active environment's Kinde host (from `business_domain`), to leave out of labels. */
function useKindeHost(): string | null {
  const environmentId = useAppStore((s) => s.activeEnvironmentId);
  const { data } = useQuery({ ...environmentQuery(environmentId ?? ''), enabled: environmentId !== null });
  const domain = data?.variables?.find((v) => v.key === 'business_domain' && v.enabled !== false)?.value;
  return domain ? kindeHostOf(domain) : null;
}

/**
 * A request's name (its catalog operation, else its path), its path and any foreign host; see
 * core's `requestLabel`. `byUrl` names a request by whichever operation its URL calls (history).
 */
export function useRequestLabel(request: { method: string; url: string; operationId?: string } | undefined, byUrl = false): RequestLabel {
  const { data: operations } = useQuery(catalogQuery());
  const kindeHost = useKindeHost();
  const method = request?.method ?? 'GET';
  const url = request?.url ?? '';
  const operationId = request?.operationId;
  return useMemo(() => requestLabel({ method, url, operationId }, operations ?? [], kindeHost, byUrl), [method, url, operationId, operations, kindeHost, byUrl]);
}
