import type { ApiClientError } from '../../lib/api-error.ts';

/**
 * The list of problems the server found in a rejected spec (`details.problems`), else the error's
 * message as the one problem, so the report always says what is wrong.
 */
export function specProblems(error: ApiClientError): string[] {
  const problems = (error.details as { problems?: unknown } | undefined)?.problems;
  if (Array.isArray(problems) && problems.length > 0) return problems.map(String);
  return [error.message];
}
