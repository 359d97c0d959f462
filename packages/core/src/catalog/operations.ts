import { HTTP_METHODS, type HttpMethod } from '../model/request.ts';
import type { OpenApiDoc, OperationObject, PathItemObject } from '../openapi/types.ts';

export type OperationEntry = {
  operationId: string;
  method: HttpMethod;
  path: string;
  op: OperationObject;
  pathItem: PathItemObject;
};

const METHODS = new Set<string>(HTTP_METHODS.map((m) => m.toLowerCase()));

/** Every operation of a (dereferenced) document, in the order the spec lists them. */
export function listOperations(doc: OpenApiDoc): OperationEntry[] {
  const entries: OperationEntry[] = [];
  for (const [path, pathItem] of Object.entries(doc.paths ?? {})) {
    if (typeof pathItem !== 'object' || pathItem === null) continue;
    for (const [key, op] of Object.entries(pathItem)) {
      if (!METHODS.has(key) || typeof op !== 'object' || op === null) continue;
      const method = key.toUpperCase() as HttpMethod;
      const operation = op as OperationObject;
      entries.push({ operationId: operation.operationId || syntheticId(method, path), method, path, op: operation, pathItem });
    }
  }
  return entries;
}

/** Operations without an operationId still need a stable id for URLs and saved requests. */
function syntheticId(method: string, path: string): string {
  return `${method.toLowerCase()}${path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+/g, '_').replace(/_+$/, '')}`;
}
