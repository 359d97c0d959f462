import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { EnvironmentView } from '@kinde-explorer/core';
import { useAppStore } from '../../store/app-store.ts';
import {
  environmentQuery,
  useCreateEnvironment,
  useDeleteEnvironment,
  useUpdateEnvironment,
} from './environment-queries.ts';
import { VariablesTable } from './variables-table.tsx';
import { TokenPanel } from './token-panel.tsx';
import {
  businessDomainWarning,
  rowsChanged,
  rowsFromEnvironment,
  rowsToInput,
  starterRows,
  type VariableRow,
} from './variable-rows.ts';
import './environments.css';

interface EnvironmentEditorProps {
  tabId: string;
  /** null: a new, unsaved environment. */
  environmentId: string | null;
}

/** An environment tab: loads the environment, then edits it in a form that resets after each save. */
export function EnvironmentEditor({ tabId, environmentId }: EnvironmentEditorProps) {
  const query = useQuery({ ...environmentQuery(environmentId ?? ''), enabled: environmentId !== null });
  if (environmentId === null) return <EnvironmentForm tabId={tabId} environment={undefined} />;
  if (query.isPending) return <div className="env-editor-status">Loading environment…</div>;
  if (query.error) {
    return (
      <div className="env-editor-status">
        <div className="notice notice-danger" role="alert">
          <span className="notice-title">Could not load this environment</span>
          <p>{query.error.message}</p>
        </div>
      </div>
    );
  }
  // Remount after each save so typed secrets leave component state with the old form.
  return <EnvironmentForm key={query.data.updatedAt} tabId={tabId} environment={query.data} />;
}

function EnvironmentForm({ tabId, environment }: { tabId: string; environment: EnvironmentView | undefined }) {
  const nameId = useId();
  const [name, setName] = useState(environment?.name ?? '');
  const nameHintId = useId();
  const nameMissing = name.trim() === '';
  const nameHint = environment ? 'Name the environment to save it.' : 'Name the environment to create it, e.g. “Acme production”.';
  const [rows, setRows] = useState<VariableRow[]>(() => (environment ? rowsFromEnvironment(environment) : starterRows()));
  const [confirmDelete, setConfirmDelete] = useState(false);
  const activeId = useAppStore((s) => s.activeEnvironmentId);
  const setActive = useAppStore((s) => s.setActiveEnvironment);
  const bindEnvironmentTab = useAppStore((s) => s.bindEnvironmentTab);
  const closeEnvironmentTabs = useAppStore((s) => s.closeEnvironmentTabs);
  const create = useCreateEnvironment();
  const update = useUpdateEnvironment(environment?.id ?? '');
  const remove = useDeleteEnvironment();

  const dirty = environment ? name.trim() !== environment.name || rowsChanged(rows, environment) : true;
  const saving = create.isPending || update.isPending;
  const saveError = create.error ?? update.error;
  const domainRow = rows.find((r) => r.key.trim() === 'business_domain' && r.enabled);
  const domainWarning = domainRow ? businessDomainWarning(domainRow.value) : null;

  const save = (e?: FormEvent) => {
    e?.preventDefault();
    if (!dirty || saving || name.trim() === '') return;
    const input = { name: name.trim(), variables: rowsToInput(rows) };
    if (environment) {
      update.mutate(input);
    } else {
      create.mutate(input, {
        onSuccess: (env) => {
          bindEnvironmentTab(tabId, env.id);
          if (!activeId) setActive(env.id);
        },
      });
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      save();
    }
  };

  return (
    <div className="env-editor">
      <form className="env-form" onSubmit={save} onKeyDown={onKeyDown} aria-label="Environment settings">
        <div className="env-header">
          <div className="env-title">
            <h1>{environment ? environment.name : 'New environment'}</h1>
            {environment && environment.id === activeId && <span className="badge-in-use">In use</span>}
            {dirty && environment && <span className="badge-unsaved">Unsaved changes</span>}
          </div>
          <div className="env-actions">
            {environment && environment.id !== activeId && (
              <button type="button" className="btn" onClick={() => setActive(environment.id)}>
                Use this environment
              </button>
            )}
            {environment &&
              (confirmDelete ? (
                <>
                  <button
                    type="button"
                    className="btn btn-danger"
                    disabled={remove.isPending}
                    onClick={() =>
                      remove.mutate(environment.id, { onSuccess: (id) => closeEnvironmentTabs(id) })
                    }
                  >
                    Delete “{environment.name}”
                  </button>
                  <button type="button" className="btn" onClick={() => setConfirmDelete(false)}>
                    Keep
                  </button>
                </>
              ) : (
                <button type="button" className="btn btn-danger" onClick={() => setConfirmDelete(true)}>
                  Delete
                </button>
              ))}
            <button
              type="submit"
              className="btn btn-primary"
              disabled={!dirty || saving || nameMissing}
              aria-describedby={nameMissing ? nameHintId : undefined}
              title={nameMissing ? nameHint : undefined}
            >
              {saving ? 'Saving…' : environment ? 'Save' : 'Create environment'}
            </button>
          </div>
        </div>

        {(saveError || remove.error) && (
          <div className="notice notice-danger" role="alert">
            <span className="notice-title">{saveError ? 'Not saved' : 'Not deleted'}</span>
            <p>{(saveError ?? remove.error)?.message}</p>
          </div>
        )}

        <div className="field env-name">
          <label className="field-label" htmlFor={nameId}>
            Name
          </label>
          <input
            id={nameId}
            className="input"
            value={name}
            placeholder="e.g. Acme production"
            autoFocus={!environment}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={nameMissing}
            aria-describedby={nameMissing ? nameHintId : undefined}
          />
          {/* Why the button is greyed out, said where the fix is. */}
          {nameMissing && (
            <p className="field-hint" id={nameHintId}>
              {nameHint}
            </p>
          )}
        </div>

        <VariablesTable rows={rows} onChange={setRows} />

        {domainWarning && (
          <div className="notice notice-warning" role="status">
            <span className="notice-title">Check business_domain</span>
            <p>{domainWarning}</p>
          </div>
        )}
        <p className="env-help muted">
          Secrets are write-only: they are stored encrypted on the explorer server and never sent back to the
          browser. <code>business_domain</code> is your <code>https://&lt;subdomain&gt;.kinde.com</code> domain;
          <code> client_id</code> and <code>client_secret</code> come from an M2M application with the Kinde
          Management API enabled.
        </p>
      </form>

      {environment ? (
        <TokenPanel environmentId={environment.id} unsaved={dirty} />
      ) : (
        <aside className="token-panel" aria-label="Access token">
          <h2>Access token</h2>
          <p className="muted">Create the environment first, then get a token to check its credentials.</p>
        </aside>
      )}
    </div>
  );
}
