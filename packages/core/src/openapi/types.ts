/**
 * A deliberately loose view of an OpenAPI 3.x document: enough structure for the catalog and the
 * sandbox to read it, while unknown vendor fields (`x-scope`, `x-displayName`, …) pass through.
 */
export type SchemaObject = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  default?: unknown;
  example?: unknown;
  examples?: unknown[];
  nullable?: boolean;
  description?: string;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
  additionalProperties?: boolean | SchemaObject;
  allOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  [key: string]: unknown;
};

export type MediaTypeObject = {
  schema?: SchemaObject;
  example?: unknown;
  examples?: Record<string, { summary?: string; value?: unknown; $ref?: string }>;
  [key: string]: unknown;
};

export type ParameterObject = {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  description?: string;
  deprecated?: boolean;
  schema?: SchemaObject;
  example?: unknown;
  $ref?: string;
  [key: string]: unknown;
};

export type RequestBodyObject = {
  description?: string;
  required?: boolean;
  content?: Record<string, MediaTypeObject>;
  $ref?: string;
  [key: string]: unknown;
};

export type ResponseObject = {
  description?: string;
  content?: Record<string, MediaTypeObject>;
  headers?: Record<string, unknown>;
  $ref?: string;
  [key: string]: unknown;
};

export type OperationObject = {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  deprecated?: boolean;
  parameters?: ParameterObject[];
  requestBody?: RequestBodyObject;
  responses?: Record<string, ResponseObject>;
  security?: Record<string, string[]>[];
  'x-scope'?: string;
  [key: string]: unknown;
};

export const PATH_ITEM_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type PathItemMethod = (typeof PATH_ITEM_METHODS)[number];

export type PathItemObject = {
  summary?: string;
  description?: string;
  parameters?: ParameterObject[];
  $ref?: string;
  [key: string]: unknown;
} & Partial<Record<PathItemMethod, OperationObject>>;

export type OpenApiDoc = {
  openapi: string;
  info: { title: string; version: string; description?: string; [key: string]: unknown };
  servers?: { url: string; [key: string]: unknown }[];
  tags?: { name: string; description?: string; [key: string]: unknown }[];
  paths: Record<string, PathItemObject>;
  components?: Record<string, Record<string, unknown>>;
  security?: Record<string, string[]>[];
  [key: string]: unknown;
};
