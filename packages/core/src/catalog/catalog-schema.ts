import { z } from 'zod';
import { httpMethodSchema, requestTemplateSchema } from '../model/request.ts';

/** One row of the catalog list: enough to search, group by tag and show the scope needed. */
export const operationSummarySchema = z.object({
  operationId: z.string(),
  method: httpMethodSchema,
  path: z.string(),
  tag: z.string(),
  summary: z.string(),
  /** The Kinde M2M scope the operation needs (`read:users`), or null when none is named. */
  scope: z.string().nullable(),
  deprecated: z.boolean(),
});
export type OperationSummary = z.infer<typeof operationSummarySchema>;

export const catalogSchema = z.object({ operations: z.array(operationSummarySchema) });
export type Catalog = z.infer<typeof catalogSchema>;

/** The parts of a parameter schema a form needs; the full schema is in the spec. */
export const parameterSchemaSummarySchema = z.object({
  type: z.string().nullable(),
  format: z.string().optional(),
  enum: z.array(z.unknown()).optional(),
  default: z.unknown().optional(),
  example: z.unknown().optional(),
  nullable: z.boolean().optional(),
  /** For arrays: the type of the items. */
  items: z.object({ type: z.string().nullable(), enum: z.array(z.unknown()).optional() }).optional(),
});

export const parameterDetailSchema = z.object({
  name: z.string(),
  in: z.enum(['query', 'path', 'header', 'cookie']),
  required: z.boolean(),
  description: z.string(),
  deprecated: z.boolean(),
  schema: parameterSchemaSummarySchema,
});
export type ParameterDetail = z.infer<typeof parameterDetailSchema>;

export const operationDetailSchema = operationSummarySchema.extend({
  /** Markdown; the scope block Kinde puts in descriptions is removed (it is in `scope`). */
  description: z.string(),
  /** False for public endpoints (no `security`), which need no token. */
  authRequired: z.boolean(),
  parameters: z.array(parameterDetailSchema),
  requestBody: z
    .object({
      required: z.boolean(),
      contentType: z.string(),
      description: z.string(),
      /** Dereferenced JSON Schema; a `{ $ref }` inside marks a recursive schema. */
      schema: z.unknown(),
    })
    .nullable(),
  responses: z.array(
    z.object({
      status: z.string(),
      description: z.string(),
      contentType: z.string().nullable(),
      schema: z.unknown(),
      /** The spec's example, else one generated from the schema; null when there is no body. */
      example: z.unknown(),
    }),
  ),
});
export type OperationDetail = z.infer<typeof operationDetailSchema>;

export const pathParamSchema = z.object({
  key: z.string(),
  value: z.string(),
  required: z.boolean(),
  description: z.string(),
});
export type PathParam = z.infer<typeof pathParamSchema>;

/** A ready-to-edit request for an operation, with its path parameters kept as a form. */
export const operationRequestSchema = z.object({
  request: requestTemplateSchema,
  pathParams: z.array(pathParamSchema),
});
export type OperationRequest = z.infer<typeof operationRequestSchema>;
