import type { SnippetTarget } from './snippet-targets.ts';

/** The environment variable env-style snippets read the M2M token from. */
export const TOKEN_ENV_VAR = 'KINDE_M2M_TOKEN';

type EnvRewrite = {
  /** The string literal the generator writes around the token, e.g. `"` or `@"` for Obj-C. */
  open: string;
  close: string;
  /** Code for `before + <token from the environment> + after`. */
  expression: (before: string, after: string) => string;
  /** Adds what the expression needs (an import), once. */
  prepare?: (code: string) => string;
};

const dq = (s: string) => s.replace(/["\\]/g, '\\$&');

// Best effort per language: each generator puts the header value in one plain string literal.
const ENV_REWRITES: Record<SnippetTarget, EnvRewrite> = {
  curl: { open: "'", close: "'", expression: (b, a) => `"${b.replace(/["\\$`]/g, '\\$&')}$${TOKEN_ENV_VAR}${a.replace(/["\\$`]/g, '\\$&')}"` },
  node: { open: "'", close: "'", expression: (b, a) => `\`${b}\${process.env.${TOKEN_ENV_VAR}}${a}\`` },
  python: {
    open: '"',
    close: '"',
    expression: (b, a) => `f"${dq(b)}{os.environ['${TOKEN_ENV_VAR}']}${dq(a)}"`,
    prepare: (code) => (/^import os$/m.test(code) ? code : `import os\n${code}`),
  },
  go: {
    open: '"',
    close: '"',
    expression: (b, a) => `"${dq(b)}" + os.Getenv("${TOKEN_ENV_VAR}")${a ? ` + "${dq(a)}"` : ''}`,
    prepare: (code) => (code.includes('\t"os"\n') ? code : code.replace('import (\n', 'import (\n\t"os"\n')),
  },
  csharp: { open: '"', close: '"', expression: (b, a) => `"${dq(b)}" + Environment.GetEnvironmentVariable("${TOKEN_ENV_VAR}")${a ? ` + "${dq(a)}"` : ''}` },
  java: { open: '"', close: '"', expression: (b, a) => `"${dq(b)}" + System.getenv("${TOKEN_ENV_VAR}")${a ? ` + "${dq(a)}"` : ''}` },
  php: { open: '"', close: '"', expression: (b, a) => `"${dq(b)}" . getenv('${TOKEN_ENV_VAR}')${a ? ` . "${dq(a)}"` : ''}` },
  ruby: { open: "'", close: "'", expression: (b, a) => `"${dq(b)}#{ENV['${TOKEN_ENV_VAR}']}${dq(a)}"` },
  swift: { open: '"', close: '"', expression: (b, a) => `"${dq(b)}\\(ProcessInfo.processInfo.environment["${TOKEN_ENV_VAR}"] ?? "")${dq(a)}"` },
  objc: {
    open: '@"',
    close: '"',
    expression: (b, a) => {
      const fmt = (s: string) => dq(s).replace(/%/g, '%%');
      return `[NSString stringWithFormat:@"${fmt(b)}%@${fmt(a)}", NSProcessInfo.processInfo.environment[@"${TOKEN_ENV_VAR}"]]`;
    },
  },
};

/**
 * Replaces the string literal holding `marker` with code that reads the token from the
 * `KINDE_M2M_TOKEN` environment variable. Returns undefined if the literal was not found.
 */
export function useEnvToken(code: string, target: SnippetTarget, marker: string): string | undefined {
  const rule = ENV_REWRITES[target];
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const closeChar = esc(rule.close);
  const literal = new RegExp(`${esc(rule.open)}([^${closeChar}\\n]*)${esc(marker)}([^${closeChar}\\n]*)${closeChar}`, 'g');
  if (!literal.test(code)) return undefined;
  const replaced = code.replace(literal, (_m, before: string, after: string) => rule.expression(before, after));
  return rule.prepare ? rule.prepare(replaced) : replaced;
}
