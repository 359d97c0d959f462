import { useState } from 'react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { ModalDialog } from '../../lib/modal-dialog.tsx';
import { environmentsQuery } from '../environments/environment-queries.ts';
import { ACTION_LABELS, describeDetail } from './audit-labels.ts';
import { auditExportUrl, auditQuery, localToIso, type AuditFilters } from './audit-queries.ts';
import '../members/members.css';
import './audit.css';

/** The audit log (owners only): who did what, filtered, newest first, exported as JSON lines. */
export function AuditDialog({ onClose }: { onClose: () => void }) {
  const [action, setAction] = useState('');
  const [actor, setActor] = useState('');
  const [outcome, setOutcome] = useState<'' | 'success' | 'failure'>('');
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const filters: AuditFilters = { action, actor: actor.trim(), outcome, since: localToIso(since), until: localToIso(until) };
  const log = useInfiniteQuery(auditQuery(filters));
  const events = log.data?.pages.flatMap((p) => p.events) ?? [];
  // Sends name their environment by id only: the names come from the list (a deleted one keeps its id).
  const { data: environments } = useQuery({ ...environmentsQuery(), staleTime: 0 });
  const envName = (env: { id: string; name: string | null }) => env.name ?? environments?.find((e) => e.id === env.id)?.name ?? env.id;
  return (
    <ModalDialog
      title="Audit log"
      onClose={onClose}
      className="audit-dialog"
      actions={
        <a className="btn btn-sm" href={auditExportUrl(filters)} download>
          Export JSON lines
        </a>
      }
    >
      <div className="audit-filters" role="group" aria-label="Filter the audit log">
        <label className="invite-field">
          <span>Action</span>
          <select className="input" value={action} onChange={(e) => setAction(e.target.value)}>
            <option value="">Any action</option>
            {Object.entries(ACTION_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="invite-field">
          <span>Who</span>
          <input className="input" type="search" placeholder="email" value={actor} onChange={(e) => setActor(e.target.value)} />
        </label>
        <label className="invite-field">
          <span>Outcome</span>
          <select className="input" value={outcome} onChange={(e) => setOutcome(e.target.value as typeof outcome)}>
            <option value="">Any</option>
            <option value="success">Succeeded</option>
            <option value="failure">Failed</option>
          </select>
        </label>
        <label className="invite-field">
          <span>From</span>
          <input className="input" type="datetime-local" value={since} onChange={(e) => setSince(e.target.value)} />
        </label>
        <label className="invite-field">
          <span>Until</span>
          <input className="input" type="datetime-local" value={until} onChange={(e) => setUntil(e.target.value)} />
        </label>
      </div>
      {log.isError && (
        <p className="form-error" role="alert">
          Could not load the audit log: {log.error.message}
        </p>
      )}
      {log.isSuccess && events.length === 0 && <p className="muted">Nothing recorded matches these filters.</p>}
      {events.length > 0 && (
        <table className="members-table audit-table" aria-label="Audit events">
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>What</th>
              <th>On</th>
              <th>Details</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id} className={e.outcome === 'failure' ? 'audit-failure' : undefined}>
                <td className="audit-time" title={e.at}>
                  {new Date(e.at).toLocaleString()}
                </td>
                <td>
                  {e.actor.email ?? (e.actor.role ? `${e.actor.role} (shared password)` : '—')}
                  {e.actor.role && e.actor.email && <div className="muted">{e.actor.role}</div>}
                </td>
                <td>
                  {ACTION_LABELS[e.action] ?? e.action}
                  {e.outcome === 'failure' && <span className="audit-failed"> failed</span>}
                </td>
                <td className="audit-target">
                  {e.target}
                  {e.environment && envName(e.environment) !== e.target && <div className="muted">{envName(e.environment)}</div>}
                </td>
                <td className="muted">{describeDetail(e.detail)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {log.hasNextPage && (
        <button type="button" className="btn btn-sm" disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
          {log.isFetchingNextPage ? 'Loading…' : 'Show older'}
        </button>
      )}
    </ModalDialog>
  );
}
