import { z } from 'zod';
import { requestTestsShape } from './tests.ts';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export const httpMethodSchema = z.enum(HTTP_METHODS);
export type HttpMethod = z.infer<typeof httpMethodSchema>;

export const keyValueSchema = z.object({
  key: z.string().max(1024),
  value: z.string().max(65_536),
  enabled: z.boolean().optional(),
  description: z.string().max(4096).optional(),
});
export type KeyValue = z.infer<typeof keyValueSchema>;

export const multipartPartSchema = z.object({
  key: z.string().max(1024),
  value: z.string().max(10_000_000),
  enabled: z.boolean().optional(),
  /** Sent as a file part with this name when given. */
  fileName: z.string().max(1024).optional(),
  contentType: z.string().max(256).optional(),
});

export const requestBodySchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('none') }),
  z.object({ mode: z.literal('json'), json: z.string().max(20_000_000) }),
  z.object({ mode: z.literal('text'), text: z.string().max(20_000_000), contentType: z.string().max(256).optional() }),
  z.object({ mode: z.literal('urlencoded'), urlencoded: z.array(keyValueSchema).max(1000) }),
  z.object({ mode: z.literal('multipart'), multipart: z.array(multipartPartSchema).max(1000) }),
]);
export type RequestBody = z.infer<typeof requestBodySchema>;

/** How the request is authorised: the environment's Kinde M2M token (default) or nothing. */
export const requestAuthSchema = z.enum(['kinde-m2m', 'none']);
export type RequestAuth = z.infer<typeof requestAuthSchema>;

/** A request template as built in the editor and saved in collections; may contain `{{vars}}`. */
export const requestTemplateSchema = z.object({
  method: httpMethodSchema,
  url: z.string().min(1, 'the request needs a URL').max(16_384),
  /** Optional extra query params appended to the URL (the editor keeps them inside `url`). */
  query: z.array(keyValueSchema).max(1000).optional(),
  headers: z.array(keyValueSchema).max(500).optional(),
  body: requestBodySchema.optional(),
  auth: requestAuthSchema.optional(),
  /** Pre-request / post-response scripts, assertions and captures (see tests.ts); run by the runner. */
  ...requestTestsShape,
});
export type RequestTemplate = z.infer<typeof requestTemplateSchema>;
