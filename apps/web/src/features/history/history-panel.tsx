import { useEffect, useState } from 'react';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HttpMethod } from '@kinde-explorer/core';
import { formatBytes, formatDuration } from '../../lib/format.ts';
import { useAppStore } from '../../store/app-store.ts';
import { useCanEdit } from '../auth/index.ts';
import { MethodBadge } from '../catalog/method-badge.tsx';
import { environmentsQuery } from '../environments/environment-queries.ts';
import { SidebarSection } from '../layout/sidebar-section.tsx';
import { ConfirmClearDialog } from './confirm-clear-dialog.tsx';
import { historyQuery, useClearHistory, type HistorySummary } from './history-queries.ts';
import { openHistoryEntry } from './open-history-entry.ts';
import { relativeTime, shortUrl } from './relative-time.ts';
import { useRefreshHistoryAfterSend } from './use-refresh-after-send.ts';
import { useDemoText } from '../demo/use-demo.ts';
import { useRequestLabel } from '../catalog/use-request-label.ts';
import './history.css';

/** "Now", re-read every 30 s so "2 min ago" stays true. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

function statusClass(entry: HistorySummary): string {
  if (entry.status === null) return 'history-status-error';
  return `history-status-${Math.floor(entry.status / 100)}xx`;
}

function HistoryItem({ entry, now, onOpen }: { entry: HistorySummary; now: number; onOpen: () => void }) {
  const status = entry.status ?? entry.errorCode ?? 'failed';
  const meta = [entry.durationMs !== null ? formatDuration(entry.durationMs) : null, entry.size !== null ? formatBytes(entry.size) : null, relativeTime(entry.createdAt, now)]
    .filter(Boolean)
    .join(' · ');
  const when = new Date(entry.createdAt).toLocaleString();
  // Demo mode: an email in a query string (`?email=…`) is masked here too.
  const demoText = useDemoText();
  // Named by the catalog operation its URL calls, with the path (and a foreign host) below.
  const label = useRequestLabel(entry, true);
  const named = label.title !== label.path;
  const where = [named ? demoText(shortUrl(entry.url)) : null, label.host].filter(Boolean).join(' · ');
  return (
    <li>
      <button
        type="button"
        className="history-item"
        onClick={onOpen}
        aria-label={`${entry.method} ${named ? `${label.title} (${demoText(shortUrl(entry.url))})` : demoText(shortUrl(entry.url))}${label.host ? ` on ${label.host}` : ''}, ${status}, ${meta}`}
        title={`${entry.method} ${demoText(entry.url)}\n${entry.errorMessage ?? `Status ${status}`}\n${when}`}
      >
        <MethodBadge method={entry.method as HttpMethod} />
        <span className={named ? 'history-url history-name' : 'history-url'}>{named ? label.title : demoText(shortUrl(entry.url))}</span>
        <span className={`history-status ${statusClass(entry)}`}>{status}</span>
        <span className="history-meta">{where ? `${where} · ${meta}` : meta}</span>
      </button>
    </li>
  );
}

/** The sidebar's history of the environment in use: every send, newest first; click to reopen. */
export function HistoryPanel() {
  useRefreshHistoryAfterSend();
  const queryClient = useQueryClient();
  const environmentId = useAppStore((s) => s.activeEnvironmentId);
  const { data: environments } = useQuery(environmentsQuery());
  const environmentName = environments?.find((e) => e.id === environmentId)?.name ?? 'this environment';
  const canEdit = useCanEdit();
  const history = useInfiniteQuery({ ...historyQuery(environmentId ?? ''), enabled: environmentId !== null });
  const clear = useClearHistory(environmentId ?? '');
  const [confirming, setConfirming] = useState(false);
  const now = useNow();
  const entries = history.data?.pages.flatMap((p) => p.entries) ?? [];

  return (
    <SidebarSection
      title="History"
      actions={
        canEdit &&
        entries.length > 0 && (
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => setConfirming(true)} title={`Clear the history of ${environmentName}`}>
            Clear
          </button>
        )
      }
    >
      {!environmentId && <p className="sidebar-note">Choose an environment to see what was sent with it.</p>}
      {history.error && (
        <div className="sidebar-note" role="alert">
          <p>Could not load history: {history.error.message}</p>
          <button type="button" className="btn btn-sm" onClick={() => void history.refetch()}>
            Retry
          </button>
        </div>
      )}
      {history.data && entries.length === 0 && <p className="sidebar-note">Nothing sent with {environmentName} yet.</p>}
      {entries.length > 0 && (
        <ul className="history-list" aria-label={`History of ${environmentName}`}>
          {entries.map((entry) => (
            <HistoryItem key={entry.id} entry={entry} now={now} onOpen={() => void openHistoryEntry(queryClient, entry)} />
          ))}
          {history.hasNextPage && (
            <li>
              <button type="button" className="btn btn-ghost btn-sm history-more" onClick={() => void history.fetchNextPage()} disabled={history.isFetchingNextPage}>
                {history.isFetchingNextPage ? 'Loading…' : 'Load older'}
              </button>
            </li>
          )}
        </ul>
      )}
      {confirming && (
        <ConfirmClearDialog
          environmentName={environmentName}
          count={history.hasNextPage ? 'every entry' : `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}`}
          busy={clear.isPending}
          error={clear.error?.message ?? null}
          onConfirm={() => clear.mutate(undefined, { onSuccess: () => setConfirming(false) })}
          onClose={() => {
            clear.reset();
            setConfirming(false);
          }}
        />
      )}
    </SidebarSection>
  );
}
