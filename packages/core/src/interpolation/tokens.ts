/**
 * `{{name}}` and `{{ name }}`; names follow the variable key rule, dynamic ones start with `$`.
 * Anything else between braces (e.g. `{{not a name}}`) is left alone as literal text.
 */
export const VARIABLE_TOKEN = /\{\{\s*(\$?[A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}/g;

export type VariableToken = {
  name: string;
  /** Offset of the first `{`. */
  start: number;
  /** Offset just past the last `}`. */
  end: number;
  dynamic: boolean;
};

/** Every `{{variable}}` occurrence with its position, for highlighting in the editor. */
export function findVariableTokens(template: string): VariableToken[] {
  const tokens: VariableToken[] = [];
  for (const match of template.matchAll(VARIABLE_TOKEN)) {
    const name = match[1]!;
    tokens.push({ name, start: match.index, end: match.index + match[0].length, dynamic: name.startsWith('$') });
  }
  return tokens;
}

/** The distinct variable names a template uses, in order of first use. */
export function findVariables(template: string): string[] {
  return [...new Set(findVariableTokens(template).map((t) => t.name))];
}

/** Whether a template names any `{{variable}}` at all. */
export function hasVariables(template: string | undefined): boolean {
  return findVariableTokens(template ?? '').length > 0;
}
