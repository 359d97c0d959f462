import { z } from 'zod';
import { hasVariables } from '../interpolation/tokens.ts';

/**
 * Tests of a request without code: declarative assertions and captures, edited in a table under
 * the request, and the JavaScript scripts (Postman `event`s) of requests, folders and collections.
 * Assertions run as the `pm.test` code they export to, so a run here and a run in Postman agree.
 */

/** What an assertion or a capture reads from the response. */
export const ASSERTION_SOURCES = ['status', 'header', 'jsonPath', 'responseTime', 'body'] as const;
export const assertionSourceSchema = z.enum(ASSERTION_SOURCES);
export type AssertionSource = z.infer<typeof assertionSourceSchema>;

export const ASSERTION_OPERATORS = ['eq', 'ne', 'gt', 'lt', 'contains', 'exists', 'matches', 'length'] as const;
export const assertionOperatorSchema = z.enum(ASSERTION_OPERATORS);
export type AssertionOperator = z.infer<typeof assertionOperatorSchema>;

/**
 * A JSON path as the table writes it: `$`, then `.name`, `[0]` or `['any name']` steps (the leading
 * `$.` may be left out). Only such paths translate into plain `pm.response.json()` code for Postman.
 */
export const jsonPathSchema = z
  .string()
  .trim()
  .min(1, 'a JSON path is needed, e.g. $.organization.code')
  .max(1024)
  .refine((path) => parseJsonPath(path) !== undefined, {
    message: "use a simple JSON path: $.name, $.list[0].name or $['odd name'] (no wildcards or filters)",
  });

export const assertionSchema = z
  .object({
    id: z.string().max(100).optional(),
    enabled: z.boolean().optional(),
    source: assertionSourceSchema,
    /** The header name (source `header`) or the JSON path (source `jsonPath`); unused otherwise. */
    property: z.string().max(1024).optional(),
    operator: assertionOperatorSchema,
    /**
     * The expected value as typed. For eq / ne it is read as JSON when it parses (`201`, `true`,
     * `null`, `"text"`, `[1]`), else as text; gt / lt / length need a number; matches a regular
     * expression (`^org_` or `/^org_/i`); exists needs none. `{{variables}}` in it are resolved
     * when the test runs, as in the request (so a number may also be a `{{variable}}` holding one).
     */
    value: z.string().max(65_536).optional(),
    /** The test's name in results and in the exported `pm.test`; a readable one is made when absent. */
    name: z.string().max(500).optional(),
  })
  .superRefine((a, ctx) => {
    if (a.source === 'header' && !a.property?.trim()) ctx.addIssue({ code: 'custom', path: ['property'], message: 'name the header to check' });
    if (a.source === 'jsonPath') {
      const parsed = jsonPathSchema.safeParse(a.property ?? '');
      if (!parsed.success) ctx.addIssue({ code: 'custom', path: ['property'], message: parsed.error.issues[0]?.message ?? 'invalid JSON path' });
    }
    if ((a.operator === 'gt' || a.operator === 'lt' || a.operator === 'length') && !isNumberText(a.value) && !hasVariables(a.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `"${a.operator}" compares with a number: type one, or a {{variable}} holding one` });
    }
    if (a.operator === 'matches' && compileMatcher(a.value ?? '') === undefined) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'not a valid regular expression' });
    }
  });
export type Assertion = z.infer<typeof assertionSchema>;

export const CAPTURE_SOURCES = ['jsonPath', 'header', 'status'] as const;
export const captureSourceSchema = z.enum(CAPTURE_SOURCES);
export type CaptureSource = z.infer<typeof captureSourceSchema>;

/** Response value → run variable (a collection variable for the rest of the run, `pm.collectionVariables.set`). */
export const captureSchema = z
  .object({
    id: z.string().max(100).optional(),
    enabled: z.boolean().optional(),
    source: captureSourceSchema,
    /** The JSON path (source `jsonPath`) or header name (source `header`). */
    property: z.string().max(1024).optional(),
    variable: z
      .string()
      .min(1, 'name the variable to set')
      .max(128)
      .regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, 'variable names use letters, digits, _ . - and start with a letter or _'),
  })
  .superRefine((c, ctx) => {
    if (c.source === 'header' && !c.property?.trim()) ctx.addIssue({ code: 'custom', path: ['property'], message: 'name the header to capture' });
    if (c.source === 'jsonPath') {
      const parsed = jsonPathSchema.safeParse(c.property ?? '');
      if (!parsed.success) ctx.addIssue({ code: 'custom', path: ['property'], message: parsed.error.issues[0]?.message ?? 'invalid JSON path' });
    }
  });
export type Capture = z.infer<typeof captureSchema>;

export const SCRIPT_MAX_CHARS = 256_000;

/** Postman's two events: `prerequest` runs before the send, `test` (post-response) after. */
export const scriptsSchema = z.object({
  preRequest: z.string().max(SCRIPT_MAX_CHARS).optional(),
  test: z.string().max(SCRIPT_MAX_CHARS).optional(),
});
export type Scripts = z.infer<typeof scriptsSchema>;

/** The fields a request template carries for tests; all optional, so plain requests are unchanged. */
export const requestTestsShape = {
  scripts: scriptsSchema.optional(),
  assertions: z.array(assertionSchema).max(200).optional(),
  captures: z.array(captureSchema).max(200).optional(),
};

/** One step of a parsed JSON path: a property name or an array index. */
export type JsonPathStep = string | number;

/** Parses `$.a[0]['b c']` (or `a[0].b`) into steps; undefined when the path is not this simple form. */
export function parseJsonPath(path: string): JsonPathStep[] | undefined {
  let rest = path.trim();
  if (rest.startsWith('$')) rest = rest.slice(1);
  else if (rest !== '' && !rest.startsWith('[')) rest = `.${rest}`;
  const steps: JsonPathStep[] = [];
  const step = /^(?:\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[\s*'((?:[^'\\]|\\.)*)'\s*\]|\[\s*"((?:[^"\\]|\\.)*)"\s*\])/;
  while (rest !== '') {
    const m = step.exec(rest);
    if (!m) return undefined;
    if (m[1] !== undefined) steps.push(m[1]);
    else if (m[2] !== undefined) steps.push(Number(m[2]));
    else steps.push((m[3] ?? m[4] ?? '').replace(/\\(.)/g, '$1'));
    rest = rest.slice(m[0].length);
  }
  return steps;
}

/** Reads a parsed path out of a JSON value; undefined when any step is missing. */
export function readJsonPath(value: unknown, steps: readonly JsonPathStep[]): unknown {
  let current = value;
  for (const s of steps) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[s];
  }
  return current;
}

/** `^org_` or `/^org_/i` as a RegExp; undefined when it does not compile. */
export function compileMatcher(text: string): RegExp | undefined {
  const literal = /^\/(.*)\/([dgimsuvy]*)$/s.exec(text);
  try {
    return literal ? new RegExp(literal[1] ?? '', literal[2]) : new RegExp(text);
  } catch {
    return undefined;
  }
}

function isNumberText(v: string | undefined): boolean {
  return v !== undefined && v.trim() !== '' && Number.isFinite(Number(v));
}
