import { err, ok, type Result } from '../result.ts';
import { generateDynamic, type DynamicSources } from './dynamic-variables.ts';
import { VARIABLE_TOKEN } from './tokens.ts';

export type InterpolateOptions = DynamicSources & {
  /** How many variables deep a value may nest `{{other}}` before it counts as runaway. */
  maxDepth?: number;
};

/** Failure detail; `code` matches the server's error codes. */
export type InterpolationFailure = {
  code: 'unresolved_variable' | 'variable_loop';
  /** Every name with no value, in order of first use; dynamic names included (e.g. `$nope`). */
  unresolved: string[];
  /** The chain that loops back, e.g. `['a', 'b', 'a']`, when there is one. */
  loop?: string[];
};

export type InterpolationResult<T = string> = Result<T, InterpolationFailure>;

const DEFAULT_MAX_DEPTH = 10;

/**
 * An interpolator shares one variable set, cache and problem list across several strings, so a
 * whole request reports the union of its unresolved names in one answer.
 */
export function createInterpolator(vars: Record<string, string>, options: InterpolateOptions = {}) {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const unresolved = new Set<string>();
  const problems: string[] = [];
  let loop: string[] | undefined;
  // A variable resolves to the same text wherever it is used (its dynamic parts included).
  const cache = new Map<string, string>();

  const expand = (text: string, chain: string[]): string =>
    text.replace(VARIABLE_TOKEN, (token, name: string) => {
      if (name.startsWith('$')) {
        const value = generateDynamic(name, options);
        if (value === undefined) unresolved.add(name);
        return value ?? token;
      }
      if (!Object.hasOwn(vars, name)) {
        unresolved.add(name);
        return token;
      }
      const cached = cache.get(name);
      if (cached !== undefined) return cached;
      const at = chain.indexOf(name);
      if (at >= 0) {
        const cycle = [...chain.slice(at), name];
        if (!loop) loop = cycle;
        addOnce(`variable loop: ${cycle.map((n) => `{{${n}}}`).join(' → ')}`);
        return token;
      }
      if (chain.length >= maxDepth) {
        addOnce(`variables nested more than ${maxDepth} deep: ${[...chain, name].map((n) => `{{${n}}}`).join(' → ')}`);
        return token;
      }
      const value = expand(vars[name]!, [...chain, name]);
      cache.set(name, value);
      return value;
    });

  const addOnce = (message: string) => {
    if (!problems.includes(message)) problems.push(message);
  };

  return {
    /** Resolves the `{{variables}}` of one string; problems accumulate in the interpolator. */
    expand: (text: string) => expand(text, []),
    /** The failure so far, or null when everything resolved. */
    failure(): (InterpolationFailure & { errors: string[] }) | null {
      if (unresolved.size === 0 && problems.length === 0) return null;
      const names = [...unresolved];
      const errors = [...problems];
      if (names.length > 0) {
        errors.unshift(`unresolved variable${names.length > 1 ? 's' : ''}: ${names.map((n) => `{{${n}}}`).join(', ')}`);
      }
      return { errors, code: problems.length > 0 ? 'variable_loop' : 'unresolved_variable', unresolved: names, ...(loop ? { loop } : {}) };
    },
  };
}

/**
 * Replaces `{{name}}` with values from `vars` (nested `{{other}}` inside values included) and
 * dynamic `{{$guid}}`-style variables. Fails listing every unresolved name, or naming a loop.
 */
export function interpolate(template: string, vars: Record<string, string>, options?: InterpolateOptions): InterpolationResult {
  const interpolator = createInterpolator(vars, options);
  const value = interpolator.expand(template);
  const failure = interpolator.failure();
  if (!failure) return ok(value);
  const { errors, ...detail } = failure;
  return err(errors, detail);
}
