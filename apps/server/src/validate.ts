import type { ValidationTargets } from 'hono';
import { zValidator } from '@hono/zod-validator';
import type { z } from 'zod';
import { apiError } from './errors.ts';

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;

/** One line per problem, naming the field: "variables.0.key: a variable needs a key". */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 10)
    .map((i) => `${i.path.length ? i.path.map(String).join('.') : '(body)'}: ${issueMessage(i)}`)
    .join('; ');
}

/** zod's message, with "expected string, received undefined" said the way people say it. */
function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && / received undefined$/.test(issue.message)) return `is required (${issue.expected})`;
  return issue.message;
}

/**
 * `zValidator` with the server's error shape: malformed JSON → 400 `invalid_json`, a body sent
 * without a JSON content type → 400 `invalid_json`, schema failures → 400 `validation_failed`.
 */
export function validate<Target extends keyof ValidationTargets, S extends z.ZodType>(target: Target, schema: S) {
  const inner = zValidator(target, schema, (result, c) => {
    if (result.success) return;
    const where = target === 'json' ? 'body' : target;
    throw apiError(400, 'validation_failed', `Invalid request ${where}: ${describeIssues(result.error.issues)}`, {
      issues: result.error.issues.map((i) => ({ path: i.path.map(String), message: issueMessage(i), code: i.code })),
    });
  });
  const middleware: typeof inner = async (c, next) => {
    if (target === 'json') {
      // Without this, Hono validates `{}` when the content type is missing, which hides client bugs.
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim();
      if (!JSON_TYPE.test(type)) {
        throw apiError(400, 'invalid_json', 'Send the body as JSON with `content-type: application/json`.');
      }
      try {
        await c.req.json();
      } catch {
        throw apiError(400, 'invalid_json', 'The request body is not valid JSON.');
      }
    }
    return inner(c, next);
  };
  return middleware;
}
