import { readFileSync } from 'node:fs';
import { getOperationDetail, loadSpec, type OpenApiDoc, type OperationDetail } from '@kinde-explorer/core';

let cached: OpenApiDoc | undefined;

/** An operation of Kinde's real spec (process.env.KINDE_SPEC), as GET /api/catalog/:id gives it. */
export function kindeOperation(operationId: string): OperationDetail {
  if (!cached) {
    const result = loadSpec(readFileSync(process.env.KINDE_SPEC!, 'utf8'));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    cached = result.value.doc;
  }
  const detail = getOperationDetail(cached, operationId);
  if (!detail) throw new Error(`no operation ${operationId} in the spec`);
  return detail;
}
