import type { ValidationTargets } from 'hono';
import { zValidator } from '@hono/zod-validator';
import type { z } from 'zod';
import { apiError } from './errors.ts';
import { requestHeader, requestText } from './http/node-request.ts';

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
  const fail = (issues: readonly z.core.$ZodIssue[]) => {
    const where = target === 'json' ? 'body' : target;
    return apiError(400, 'validation_failed', `Invalid request ${where}: ${describeIssues(issues)}`, {
      issues: issues.map((i) => ({ path: i.path.map(String), message: issueMessage(i), code: i.code })),
    });
  };
  const inner = zValidator(target, schema, (result) => {
    if (!result.success) throw fail(result.error.issues);
  });
  if (target !== 'json') return inner;
  // JSON bodies are read and parsed once here (zValidator would parse them a second time), from
  // the Node request directly when there is one (see requestText).
  const json: typeof inner = async (c, next) => {
    // Without this, Hono validates `{}` when the content type is missing, which hides client bugs.
    const type = (requestHeader(c, 'content-type') ?? '').split(';')[0]!.trim();
    if (!JSON_TYPE.test(type)) {
      throw apiError(400, 'invalid_json', 'Send the body as JSON with `content-type: application/json`.');
    }
    let value: unknown;
    try {
      value = JSON.parse(await requestText(c));
    } catch {
      throw apiError(400, 'invalid_json', 'The request body is not valid JSON.');
    }
    const result = schema.safeParse(value);
    if (!result.success) throw fail(result.error.issues);
    c.req.addValidatedData('json', result.data as object);
    await next();
  };
  return json;
}
