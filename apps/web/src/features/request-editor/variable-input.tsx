import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { findVariableRefs, variablePrefixAt, type VariableSuggestion } from '../../lib/variables.ts';

interface VariableInputProps {
  value: string;
  onChange: (value: string) => void;
  /** Names that resolve in the active environment (shown in the accent colour, others in red). */
  resolvable: ReadonlySet<string>;
  suggestions: readonly VariableSuggestion[];
  ariaLabel: string;
  placeholder?: string;
  className?: string;
  /** Enter with the suggestion list closed. */
  onEnter?: () => void;
  id?: string;
}

function highlight(text: string, resolvable: ReadonlySet<string>): ReactNode[] {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const ref of findVariableRefs(text)) {
    if (ref.start > at) parts.push(text.slice(at, ref.start));
    const ok = resolvable.has(ref.name);
    parts.push(
      <mark key={ref.start} className={ok ? 'var-ok' : 'var-bad'}>
        {text.slice(ref.start, ref.end)}
      </mark>,
    );
    at = ref.end;
  }
  parts.push(text.slice(at));
  // A trailing space keeps the backdrop as wide as the input when the text ends in spaces.
  parts.push(' ');
  return parts;
}

function matches(suggestions: readonly VariableSuggestion[], prefix: string): VariableSuggestion[] {
  const p = prefix.toLowerCase();
  const starts = suggestions.filter((s) => s.name.toLowerCase().startsWith(p));
  const contains = suggestions.filter((s) => !s.name.toLowerCase().startsWith(p) && s.name.toLowerCase().includes(p));
  return [...starts, ...contains].slice(0, 12);
}

/**
 * A one-line text field that colours `{{variables}}` (a highlighted copy of the text sits behind a
 * transparent input) and offers variable names after `{{`, as an ARIA combobox.
 */
export function VariableInput(props: VariableInputProps) {
  const { value, onChange, resolvable, suggestions, ariaLabel, placeholder, className, onEnter, id } = props;
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const backdropRef = useRef<HTMLDivElement>(null);
  const pendingCaret = useRef<number | null>(null);
  const [query, setQuery] = useState<{ prefix: string; start: number } | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const [listPos, setListPos] = useState<{ left: number; top: number; width: number } | null>(null);

  const options = useMemo(() => (query ? matches(suggestions, query.prefix) : []), [query, suggestions]);
  const open = query !== null && options.length > 0;

  const syncScroll = () => {
    if (backdropRef.current && inputRef.current) backdropRef.current.scrollLeft = inputRef.current.scrollLeft;
  };

  useLayoutEffect(() => {
    if (pendingCaret.current !== null && inputRef.current) {
      inputRef.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
      pendingCaret.current = null;
    }
    syncScroll();
  });

  const refreshQuery = (text: string, caret: number | null) => {
    const next = caret === null ? null : variablePrefixAt(text, caret);
    setQuery(next);
    setActiveIndex(0);
    if (next && inputRef.current) {
      const rect = inputRef.current.getBoundingClientRect();
      setListPos({ left: rect.left, top: rect.bottom + 2, width: Math.max(260, Math.min(rect.width, 420)) });
    }
  };

  const accept = (option: VariableSuggestion) => {
    const input = inputRef.current;
    if (!input || !query) return;
    const caret = input.selectionStart ?? value.length;
    const after = value.slice(caret);
    const closing = after.startsWith('}}') ? '' : '}}';
    const next = value.slice(0, query.start) + option.name + closing + after;
    pendingCaret.current = query.start + option.name.length + 2;
    onChange(next);
    setQuery(null);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (open) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const step = e.key === 'ArrowDown' ? 1 : -1;
        setActiveIndex((i) => (i + step + options.length) % options.length);
        return;
      }
      if ((e.key === 'Enter' || e.key === 'Tab') && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        accept(options[activeIndex] ?? options[0]!);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        setQuery(null);
        return;
      }
    }
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && onEnter) {
      e.preventDefault();
      onEnter();
    }
  };

  return (
    <div className={`var-input ${className ?? ''}`}>
      <div className="var-input-backdrop" ref={backdropRef} aria-hidden="true">
        {highlight(value, resolvable)}
      </div>
      <input
        ref={inputRef}
        id={id}
        className="var-input-field"
        role="combobox"
        aria-label={ariaLabel}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${activeIndex}` : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
          refreshQuery(e.target.value, e.target.selectionStart);
        }}
        onKeyDown={onKeyDown}
        onScroll={syncScroll}
        onSelect={syncScroll}
        onBlur={() => setQuery(null)}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Variables"
        className="var-suggestions"
        hidden={!open}
        style={listPos ? { left: listPos.left, top: listPos.top, width: listPos.width } : undefined}
      >
        {open &&
          options.map((option, i) => (
            <li
              key={option.name}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === activeIndex}
              className="var-suggestion"
              // mousedown, not click: it must run before the input's blur closes the list.
              onMouseDown={(e) => {
                e.preventDefault();
                accept(option);
              }}
            >
              <span className="var-suggestion-name">{option.name}</span>
              <span className="var-suggestion-detail">{option.detail}</span>
            </li>
          ))}
      </ul>
    </div>
  );
}
