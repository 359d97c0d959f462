import type { VariableView } from '@kinde-explorer/core';
import { DYNAMIC_VARIABLES, findVariableTokens } from './core-interpolation.ts';

/** One `{{name}}` occurrence in a text, with its character offsets (end is exclusive). */
export interface VariableRef {
  name: string;
  start: number;
  end: number;
}

/** Every `{{variable}}` in `text`, in order, by the server's grammar (core's interpolation). */
export function findVariableRefs(text: string): VariableRef[] {
  return findVariableTokens(text).map(({ name, start, end }) => ({ name, start, end }));
}

const DYNAMIC_NAMES = new Set(DYNAMIC_VARIABLES.map((v) => v.name));

/** A variable name the autocomplete can offer, with what it stands for. */
export interface VariableSuggestion {
  name: string;
  detail: string;
  secret: boolean;
}

/** Names that resolve in the given environment: enabled variables with a value, and dynamic ones. */
export function resolvableNames(variables: readonly VariableView[] | undefined): Set<string> {
  const names = new Set(DYNAMIC_NAMES);
  for (const v of variables ?? []) {
    if (v.enabled && (v.secret ? v.hasValue : (v.value ?? '') !== '')) names.add(v.key);
  }
  return names;
}

/** Suggestions for the `{{` autocomplete: environment variables first, then dynamic ones. */
export function variableSuggestions(variables: readonly VariableView[] | undefined): VariableSuggestion[] {
  const fromEnv = (variables ?? [])
    .filter((v) => v.enabled)
    .map((v) => ({
      name: v.key,
      detail: v.secret ? (v.hasValue ? 'secret · set' : 'secret · not set') : (v.value ?? ''),
      secret: v.secret,
    }));
  const dynamic = DYNAMIC_VARIABLES.map((v) => ({ name: v.name, detail: v.description, secret: false }));
  return [...fromEnv, ...dynamic];
}

/** Distinct names used in `texts` that do not resolve, in first-seen order. */
export function unresolvedNames(texts: readonly string[], resolvable: ReadonlySet<string>): string[] {
  const missing: string[] = [];
  for (const text of texts) {
    for (const ref of findVariableRefs(text)) {
      if (!resolvable.has(ref.name) && !missing.includes(ref.name)) missing.push(ref.name);
    }
  }
  return missing;
}

/**
 * The partial variable name being typed at `caret`, when the caret sits right after `{{` and
 * name characters, e.g. `{{busi|` → { prefix: 'busi', start: offset of 'b' }.
 */
export function variablePrefixAt(text: string, caret: number): { prefix: string; start: number } | null {
  const before = text.slice(0, caret);
  const match = /\{\{\s*([^{}\s]*)$/.exec(before);
  if (!match || match[1] === undefined) return null;
  return { prefix: match[1], start: caret - match[1].length };
}
