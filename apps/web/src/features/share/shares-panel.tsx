import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { SidebarSection } from '../layout/sidebar-section.tsx';
import type { ApiClientError } from '../../lib/api-error.ts';
import { useCopyText } from '../../lib/use-copy-text.ts';
import { shareLink, sharesQuery, useRevokeShare, type ShareSummary } from './share-queries.ts';
import './share.css';

function ShareItem({ share }: { share: ShareSummary }) {
  const revoke = useRevokeShare();
  const [confirming, setConfirming] = useState(false);
  const { copied, copy: copyText } = useCopyText();
  useEffect(() => {
    if (!confirming) return;
    const timer = window.setTimeout(() => setConfirming(false), 4000);
    return () => window.clearTimeout(timer);
  }, [confirming]);
  const copy = async () => {
    await copyText(shareLink(share.url));
  };
  return (
    <li className="share-item">
      <a className="share-item-link" href={share.url} target="_blank" rel="noopener" title={`Open ${share.title} (${new Date(share.createdAt).toLocaleString()})`}>
        <span className={`share-item-method method-${share.method}`}>{share.method}</span>
        <span className="share-item-title">{share.title}</span>
        <span className={`share-item-status status-${Math.floor(share.status / 100)}xx`}>{share.status}</span>
      </a>
      <div className="share-item-actions">
        <button type="button" className="btn btn-sm btn-ghost" aria-label={`Copy link to ${share.title}`} onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button
          type="button"
          className={`btn btn-sm ${confirming ? 'btn-danger' : 'btn-ghost'}`}
          aria-label={confirming ? `Confirm: revoke ${share.title}` : `Revoke ${share.title}`}
          disabled={revoke.isPending}
          onClick={() => (confirming ? revoke.mutate(share.id) : setConfirming(true))}
        >
          {confirming ? 'Revoke?' : 'Revoke'}
        </button>
      </div>
      {revoke.error && <p className="sidebar-note" role="alert">{(revoke.error as ApiClientError).message}</p>}
    </li>
  );
}

/** "Shared links" in the sidebar: every live share, to copy again or revoke. */
export function SharesPanel() {
  const { data: shares, error } = useQuery(sharesQuery());
  return (
    <SidebarSection title="Shared links">
      {error && <p className="sidebar-note">Could not load shared links: {error.message}</p>}
      {shares && shares.length === 0 && <p className="sidebar-note">Nothing shared yet. Send a request, then Share in the response bar.</p>}
      {shares && shares.length > 0 && (
        <ul className="share-list" aria-label="Shared links">
          {shares.map((s) => (
            <ShareItem key={s.id} share={s} />
          ))}
        </ul>
      )}
    </SidebarSection>
  );
}
