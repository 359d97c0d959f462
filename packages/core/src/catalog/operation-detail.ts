import type { MediaTypeObject, OpenApiDoc, ParameterObject, RequestBodyObject, SchemaObject } from '../openapi/types.ts';
import { toOperationSummary } from './build-catalog.ts';
import type { OperationDetail, ParameterDetail } from './catalog-schema.ts';
import { listOperations, type OperationEntry } from './operations.ts';
import { schemaExample } from './schema-sample.ts';
import { stripScopeBlock } from './scope.ts';

/** Everything the docs panel shows for one operation of a dereferenced spec; null if unknown. */
export function getOperationDetail(doc: OpenApiDoc, operationId: string): OperationDetail | null {
  const entry = listOperations(doc).find((e) => e.operationId === operationId);
  return entry ? toDetail(doc, entry) : null;
}

function toDetail(doc: OpenApiDoc, entry: OperationEntry): OperationDetail {
  const { op } = entry;
  const security = op.security ?? doc.security;
  return {
    ...toOperationSummary(entry),
    description: stripScopeBlock(op.description ?? ''),
    authRequired: Array.isArray(security) && security.length > 0,
    parameters: mergeParameters(entry.pathItem.parameters, op.parameters).map(toParameter),
    requestBody: toRequestBody(op.requestBody),
    responses: Object.entries(op.responses ?? {}).map(([status, response]) => {
      const [contentType, media] = pickMedia(response.content);
      return {
        status,
        description: response.description ?? '',
        contentType,
        schema: media?.schema ?? null,
        example: media ? (exampleOf(media) ?? (media.schema ? schemaExample(media.schema) : null)) : null,
      };
    }),
  };
}

/** Operation-level parameters override path-level ones with the same name and location. */
function mergeParameters(pathLevel: ParameterObject[] = [], opLevel: ParameterObject[] = []): ParameterObject[] {
  const byKey = new Map<string, ParameterObject>();
  for (const p of [...pathLevel, ...opLevel]) {
    if (p && typeof p.name === 'string') byKey.set(`${p.in}:${p.name}`, p);
  }
  return [...byKey.values()];
}

function toParameter(p: ParameterObject): ParameterDetail {
  const s: SchemaObject = p.schema ?? {};
  const type = Array.isArray(s.type) ? (s.type.find((t) => t !== 'null') ?? null) : (s.type ?? null);
  const items = s.items
    ? { type: (Array.isArray(s.items.type) ? s.items.type[0] : s.items.type) ?? null, ...(s.items.enum ? { enum: s.items.enum } : {}) }
    : undefined;
  const example = p.example ?? s.example;
  return {
    name: p.name,
    in: p.in,
    // Path parameters are always required, whatever the spec forgot to say.
    required: p.in === 'path' || p.required === true,
    description: p.description ?? s.description ?? '',
    deprecated: p.deprecated === true,
    schema: {
      type,
      ...(s.format !== undefined ? { format: s.format } : {}),
      ...(s.enum !== undefined ? { enum: s.enum } : {}),
      ...(s.default !== undefined ? { default: s.default } : {}),
      ...(example !== undefined ? { example } : {}),
      ...(s.nullable !== undefined ? { nullable: s.nullable } : {}),
      ...(items ? { items } : {}),
    },
  };
}

function toRequestBody(body: RequestBodyObject | undefined): OperationDetail['requestBody'] {
  if (!body) return null;
  const [contentType, media] = pickMedia(body.content);
  if (!contentType) return null;
  return { required: body.required === true, contentType, description: body.description ?? '', schema: media?.schema ?? null };
}

/** JSON first (what the editor handles best), else the first listed media type. */
function pickMedia(content: Record<string, MediaTypeObject> | undefined): [string | null, MediaTypeObject | undefined] {
  if (!content) return [null, undefined];
  const types = Object.keys(content);
  const chosen = types.find((t) => /^application\/(.+\+)?json\b/i.test(t)) ?? types[0];
  return chosen ? [chosen, content[chosen]] : [null, undefined];
}

function exampleOf(media: MediaTypeObject): unknown {
  if (media.example !== undefined) return media.example;
  const first = media.examples ? Object.values(media.examples)[0] : undefined;
  return first?.value;
}
