import type { SendResult } from '@kinde-explorer/core';
import { useQuery } from '@tanstack/react-query';
import { useAppStore } from '../../store/app-store.ts';
import { operationQuery } from '../catalog/catalog-queries.ts';
import { GrantSteps } from './grant-steps.tsx';
import { RefreshButton } from './scope-check.tsx';
import { missingScopeAfter403 } from './scope-status.ts';
import { useGrantedScopes } from './use-granted-scopes.ts';
import './scope-check.css';

/** After a 403: which scope was missing, and how to grant it. */
export function MissingScopeNote({ tabId, result }: { tabId: string; result: SendResult }) {
  const operationId = useAppStore((s) => s.drafts[tabId]?.operationId ?? null);
  const environmentId = useAppStore((s) => s.activeEnvironmentId);
  const { data: operation } = useQuery({ ...operationQuery(operationId ?? ''), enabled: !!operationId && result.status === 403 });
  const granted = useGrantedScopes(result.status === 403 ? environmentId : null);
  if (result.status !== 403) return null;
  const scope = missingScopeAfter403(result.body, operation?.scope ?? null);
  if (!scope) return null;
  return (
    <div className="notice notice-danger missing-scope-note" role="status" aria-label="Missing scope">
      <div className="scope-warning-line">
        <span className="notice-title">
          Missing scope <code>{scope}</code>
          {operation ? ` — “${operation.summary}” needs it.` : '.'}
        </span>
        <RefreshButton granted={granted} />
      </div>
      {/* Open: Kinde's summary below leaves the steps to this note (kinde-error-summary.tsx). */}
      <details className="grant-details" open>
        <summary>How to grant it in Kinde</summary>
        <GrantSteps scope={scope} />
      </details>
    </div>
  );
}
