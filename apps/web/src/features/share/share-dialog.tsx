import { useId, useState, type FormEvent } from 'react';
import type { RequestTemplate } from '@kinde-explorer/core';
import { ModalDialog } from '../../lib/modal-dialog.tsx';
import { useCopyText } from '../../lib/use-copy-text.ts';
import type { ApiClientError } from '../../lib/api-error.ts';
import { useAppStore } from '../../store/app-store.ts';
import { shareLink, useCreateShare, type ShareableResult } from './share-queries.ts';

interface ShareDialogProps {
  environmentId: string;
  request: RequestTemplate;
  result: ShareableResult;
  defaultTitle: string;
  onClose: () => void;
}

/** Creates a read-only link to this request and its response, then offers to copy or open it. */
export function ShareDialog({ environmentId, request, result, defaultTitle, onClose }: ShareDialogProps) {
  const demoMasking = useAppStore((s) => s.maskPersonalData);
  const [title, setTitle] = useState(defaultTitle);
  const [mask, setMask] = useState(demoMasking);
  const { copied, copy: copyText } = useCopyText();
  const create = useCreateShare();
  const titleId = useId();
  const linkId = useId();
  const link = create.data ? shareLink(create.data.url) : null;
  const error = create.error as ApiClientError | null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ environmentId, title: title.trim() || defaultTitle, request, response: result, maskPersonalData: mask });
  };
  const copy = async () => {
    if (link) await copyText(link);
  };

  return (
    <ModalDialog title="Share request and response" className="share-dialog" onClose={onClose}>
      {!link ? (
        <form className="share-form" onSubmit={submit}>
          <div className="field">
            <label className="field-label" htmlFor={titleId}>
              Title
            </label>
            <input id={titleId} className="input" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
          </div>
          <label className="share-check">
            <input type="checkbox" checked={mask} onChange={(e) => setMask(e.target.checked)} />
            Mask personal data in the shared response (emails, names, phone numbers, pictures)
          </label>
          <p className="muted share-note">
            Anyone who can open this explorer can read the link: the request, status {result.status} and the response body.
            Secrets, tokens and Authorization or Cookie headers are removed before it is stored. Revoke it any time under
            “Shared links”.
          </p>
          {error && (
            <div className="notice notice-danger" role="alert">
              <p>{error.message}</p>
            </div>
          )}
          <div className="share-actions">
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary" disabled={create.isPending}>
              {create.isPending ? 'Creating…' : 'Create link'}
            </button>
          </div>
        </form>
      ) : (
        <div className="share-created" role="status">
          <p>Link created. It shows a read-only snapshot and a code picker.</p>
          <div className="share-link-row">
            <label className="visually-hidden" htmlFor={linkId}>
              Share link
            </label>
            <input id={linkId} className="input mono" readOnly value={link} onFocus={(e) => e.target.select()} />
            <button type="button" className="btn btn-primary" onClick={() => void copy()}>
              {copied ? 'Copied' : 'Copy link'}
            </button>
            <a className="btn" href={link} target="_blank" rel="noopener">
              Open
            </a>
          </div>
        </div>
      )}
    </ModalDialog>
  );
}
