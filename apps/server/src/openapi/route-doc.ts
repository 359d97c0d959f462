import type { z } from 'zod';

/** One operation of the server's own API, described with the zod schemas the route validates with. */
export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Hono-style path, e.g. `/api/environments/:id`. */
  path: string;
  /** Stable, camelCase; clients generated from this document use it as the method name. */
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  body?: z.ZodType;
  /** Status → schema of the body (`null`: no body, e.g. 204). */
  responses: Record<number, { description: string; schema: z.ZodType | null }>;
  /** Error statuses this operation is known to answer, beyond 400/403/421. */
  errors?: number[];
}
