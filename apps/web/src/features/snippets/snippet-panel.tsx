import { useEffect, useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useAppStore } from '../../store/app-store.ts';
import type { ApiClientError } from '../../lib/api-error.ts';
import { snippetQuery, type SnippetSource } from './snippet-queries.ts';
import { SNIPPET_TARGETS, type SnippetTarget } from './snippet-targets.ts';
import type { TokenStyle } from './snippets-slice.ts';
import './snippets.css';

interface SnippetPanelProps {
  /** The request's code; with `environmentId`, the token exchange can be shown too. */
  source: Extract<SnippetSource, { kind: 'request' | 'share' }>;
}

function RadioGroup<T extends string>({ legend, name, value, options, onChange }: { legend: string; name: string; value: T; options: { value: T; label: string }[]; onChange: (v: T) => void }) {
  return (
    <fieldset className="snippet-radios">
      <legend>{legend}</legend>
      <div className="snippet-radio-row">
        {options.map((o) => (
          <label key={o.value} className={value === o.value ? 'checked' : ''}>
            <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * Code for a request in one of Kinde's ten documented languages, with a copy button. Secrets and
 * the token are placeholders written by the server; the browser never has their values.
 */
export function SnippetPanel({ source }: SnippetPanelProps) {
  const target = useAppStore((s) => s.snippetTarget);
  const tokenStyle = useAppStore((s) => s.snippetTokenStyle);
  const setTarget = useAppStore((s) => s.setSnippetTarget);
  const setTokenStyle = useAppStore((s) => s.setSnippetTokenStyle);
  const [what, setWhat] = useState<'request' | 'token'>('request');
  const [copied, setCopied] = useState(false);
  const languageId = useId();
  const radioName = useId();

  const effective: SnippetSource = what === 'token' && source.kind === 'request' ? { kind: 'token', environmentId: source.environmentId } : source;
  const query = useQuery(snippetQuery(effective, target, tokenStyle));
  // "Copied" belongs to the code that was copied, not to the next one shown.
  useEffect(() => setCopied(false), [query.data?.code]);
  const error = query.error as ApiClientError | null;
  const label = SNIPPET_TARGETS.find((t) => t.id === target)?.label ?? target;

  const copy = async () => {
    if (!query.data) return;
    await navigator.clipboard.writeText(query.data.code);
    setCopied(true);
    window.setTimeout(() => setCopied(false), 1500);
  };

  return (
    <div className="snippet-panel">
      <div className="snippet-controls">
        <div className="field">
          <label className="field-label" htmlFor={languageId}>
            Language
          </label>
          <select id={languageId} className="select" value={target} onChange={(e) => setTarget(e.target.value as SnippetTarget)}>
            {SNIPPET_TARGETS.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        {source.kind === 'request' && (
          <RadioGroup
            legend="Code for"
            name={`${radioName}-what`}
            value={what}
            onChange={setWhat}
            options={[
              { value: 'request', label: 'This request' },
              { value: 'token', label: 'Getting the token' },
            ]}
          />
        )}
        {what === 'request' && (
          <RadioGroup<TokenStyle>
            legend="Access token"
            name={`${radioName}-token`}
            value={tokenStyle}
            onChange={setTokenStyle}
            options={[
              { value: 'placeholder', label: '<m2m_access_token>' },
              { value: 'env', label: '$KINDE_M2M_TOKEN' },
            ]}
          />
        )}
      </div>

      {error && (
        <div className="notice notice-danger" role="alert">
          <p className="notice-title">No code for this request</p>
          <p>{error.message}</p>
        </div>
      )}
      {!error && (
        <div className="snippet-code-wrap">
          <pre className="snippet-code" aria-label={`${label} code`} aria-busy={query.isFetching} tabIndex={0}>
            <code>{query.data?.code ?? 'Writing code…'}</code>
          </pre>
          <button type="button" className="btn btn-sm btn-primary snippet-copy" onClick={() => void copy()} disabled={!query.data}>
            {copied ? 'Copied' : 'Copy code'}
          </button>
        </div>
      )}
      <p className="muted snippet-hint">
        {what === 'token'
          ? 'Replace <m2m_client_secret> with your M2M application’s client secret (Kinde: Settings → Applications → your app). The answer’s access_token is the bearer token.'
          : tokenStyle === 'env'
            ? 'Set KINDE_M2M_TOKEN in the environment first. Secret variables are written as <name> placeholders.'
            : 'Replace <m2m_access_token> with an M2M access token. Secret variables are written as <name> placeholders; no secret leaves the server.'}
        {query.data?.redacted && ' A secret typed into the request itself was replaced by <redacted>.'}
      </p>
    </div>
  );
}
