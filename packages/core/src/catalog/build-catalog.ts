import type { OpenApiDoc } from '../openapi/types.ts';
import type { Catalog, OperationSummary } from './catalog-schema.ts';
import { listOperations, type OperationEntry } from './operations.ts';
import { findScope } from './scope.ts';

/** The list of operations of a dereferenced spec, in spec order. */
export function buildCatalog(doc: OpenApiDoc): Catalog {
  return { operations: listOperations(doc).map(toOperationSummary) };
}

export function toOperationSummary({ operationId, method, path, op }: OperationEntry): OperationSummary {
  return {
    operationId,
    method,
    path,
    tag: op.tags?.[0] ?? 'Other',
    summary: op.summary?.trim() || `${method} ${path}`,
    scope: findScope(op),
    deprecated: op.deprecated === true,
  };
}
