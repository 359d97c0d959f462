import { useDeferredValue, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useAppStore } from '../../store/app-store.ts';
import { SidebarSection } from '../layout/sidebar-section.tsx';
import { SpecSettingsButton } from '../spec-settings/spec-settings-button.tsx';
import { catalogQuery } from './catalog-queries.ts';
import { catalogRows, optionRows } from './catalog-rows.ts';
import { CatalogList, optionId } from './catalog-list.tsx';
import { buildSearchIndex } from './core-catalog.ts';
import { KEYSTROKE_MEASURE, record, timedSearch } from './search-timing.ts';
import { useOpenOperation } from './use-open-operation.ts';
import { useSearchShortcut } from './use-search-shortcut.ts';
import './catalog.css';

function formatMs(ms: number): string {
  return ms < 0.1 ? '<0.1 ms' : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
}

/** The sidebar's Kinde API catalog: every operation of the loaded spec, searchable from the keyboard. */
export function CatalogPanel() {
  const { data: operations, error, isPending, refetch } = useQuery(catalogQuery());
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const typedAt = useRef<number | null>(null);
  const listId = useId();
  const { open, error: openError } = useOpenOperation();
  const openOperationId = useAppStore((s) => (s.activeTabId ? (s.drafts[s.activeTabId]?.operationId ?? null) : null));
  useSearchShortcut(inputRef);

  const index = useMemo(() => (operations ? buildSearchIndex(operations) : null), [operations]);
  const searching = query.trim() !== '';
  const { results, ms } = useMemo(() => (index ? timedSearch(index, query) : { results: [], ms: 0 }), [index, query]);
  const rows = useMemo(() => catalogRows(results, searching), [results, searching]);
  const options = useMemo(() => optionRows(rows), [rows]);
  const activeOption = options[Math.min(active, options.length - 1)];
  // The timing line is secondary: let it lag a frame rather than hold up the list.
  const shownMs = useDeferredValue(ms);

  // Keystroke to screen: from the input event to the list committed to the DOM.
  useLayoutEffect(() => {
    if (typedAt.current === null) return;
    record(KEYSTROKE_MEASURE, typedAt.current, performance.now(), { query, results: results.length });
    typedAt.current = null;
  }, [query, results]);

  const onChange = (value: string) => {
    typedAt.current = performance.now();
    setQuery(value);
    setActive(0);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const last = options.length - 1;
    const move = (to: number) => {
      e.preventDefault();
      setActive(Math.max(0, Math.min(last, to)));
    };
    switch (e.key) {
      case 'ArrowDown':
        return move(active + 1);
      case 'ArrowUp':
        return move(active - 1);
      case 'PageDown':
        return move(active + 10);
      case 'PageUp':
        return move(active - 10);
      case 'Home':
        if (e.ctrlKey) move(0);
        return;
      case 'End':
        if (e.ctrlKey) move(last);
        return;
      case 'Enter':
        if (activeOption) {
          e.preventDefault();
          void open(activeOption.op);
        }
        return;
      case 'Escape':
        if (query) {
          e.preventDefault();
          onChange('');
        } else inputRef.current?.blur();
        return;
    }
  };

  const unavailable = error && 'code' in error && error.code === 'spec_unavailable';

  return (
    <SidebarSection title="API catalog" actions={<SpecSettingsButton />}>
      <div className="catalog">
        <div className="catalog-search">
          <input
            ref={inputRef}
            type="search"
            className="input catalog-search-input"
            role="combobox"
            aria-label="Search operations"
            aria-expanded={options.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={activeOption ? optionId(listId, activeOption.option) : undefined}
            aria-keyshortcuts="/"
            placeholder={operations ? `Search ${operations.length} operation${operations.length === 1 ? '' : 's'}` : 'Search operations'}
            value={query}
            disabled={!operations}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => onChange(e.target.value)}
            onKeyDown={onKeyDown}
          />
          {query ? (
            <button
              type="button"
              className="catalog-search-clear"
              aria-label="Clear search"
              title="Clear search (Esc)"
              onClick={() => {
                onChange('');
                inputRef.current?.focus();
              }}
            >
              ×
            </button>
          ) : (
            <kbd className="catalog-search-key" aria-hidden="true">
              /
            </kbd>
          )}
        </div>

        {isPending && <p className="sidebar-note">Loading the catalog…</p>}
        {error && (
          <div className="sidebar-note catalog-error" role="alert">
            <p>{unavailable ? 'No Kinde spec is loaded, so the catalog is empty.' : `Could not load the catalog: ${error.message}`}</p>
            {unavailable && <p className="muted">{error.message}</p>}
            <div className="catalog-error-actions">
              {unavailable && <SpecSettingsButton variant="button" />}
              <button type="button" className="btn btn-sm" onClick={() => void refetch()}>
                Retry
              </button>
            </div>
          </div>
        )}
        {openError && (
          <p className="sidebar-note catalog-error" role="alert">
            Could not open the operation: {openError.message}
          </p>
        )}

        {operations && (
          <>
            <p className="catalog-status" aria-live="polite">
              {searching ? `${results.length} of ${operations.length}` : `${operations.length} operation${operations.length === 1 ? '' : 's'}`}
              <span className="catalog-timing" title="Time the search took for this keystroke">
                {' · '}
                {formatMs(shownMs)}
              </span>
            </p>
            {searching && results.length === 0 ? (
              <p className="sidebar-note">No operation matches “{query.trim()}”. Try fewer or shorter words.</p>
            ) : (
              <CatalogList
                id={listId}
                rows={rows}
                active={activeOption?.option ?? 0}
                openOperationId={openOperationId}
                searching={searching}
                onActivate={setActive}
                onOpen={(op) => void open(op)}
              />
            )}
          </>
        )}
      </div>
    </SidebarSection>
  );
}
