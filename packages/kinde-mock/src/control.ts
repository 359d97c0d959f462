import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from './context.ts';
import type { Faults, IssueTokenOptions, SandboxStats } from './options.ts';

/** Body of `POST /__sandbox/faults`; null or 0 switches a fault off. */
export const faultsSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(600_000),
    status: z.number().int().min(100).max(599).nullable(),
    reset: z.boolean(),
    largeBodyBytes: z.number().int().min(0).nullable(),
    invalidJson: z.boolean(),
    pathPrefix: z.string().startsWith('/').nullable(),
  })
  .partial()
  .strict();

const tokenSchema = z
  .object({ scopes: z.array(z.string()).optional(), expiresInSeconds: z.number().int().optional() })
  .strict();

export interface ControlHooks {
  stats(): SandboxStats;
  faults(): Faults;
  setFaults(f: Partial<Faults>): void;
  reset(): void;
  issueToken(opts: IssueTokenOptions): Promise<string>;
}

async function parse<T>(schema: z.ZodType<T>, req: Request): Promise<{ ok: true; value: T } | { ok: false; message: string }> {
  const text = await req.text();
  let json: unknown = {};
  try {
    json = text.trim() ? JSON.parse(text) : {};
  } catch {
    return { ok: false, message: 'Body is not valid JSON' };
  }
  const result = schema.safeParse(json);
  return result.success ? { ok: true, value: result.data } : { ok: false, message: z.prettifyError(result.error) };
}

/** `/__sandbox/*`: the same knobs as the Sandbox object, for tests in other processes. */
export function controlRoutes(hooks: ControlHooks) {
  return new Hono<AppEnv>()
    .get('/__sandbox/stats', (c) => c.json(hooks.stats()))
    .get('/__sandbox/faults', (c) => c.json(hooks.faults()))
    .post('/__sandbox/faults', async (c) => {
      const parsed = await parse(faultsSchema, c.req.raw);
      if (!parsed.ok) return c.json({ error: { code: 'invalid_faults', message: parsed.message } }, 400);
      hooks.setFaults(parsed.value as Partial<Faults>);
      return c.json(hooks.faults());
    })
    .post('/__sandbox/reset', (c) => {
      hooks.reset();
      return c.json({ ok: true });
    })
    .post('/__sandbox/token', async (c) => {
      const parsed = await parse(tokenSchema, c.req.raw);
      if (!parsed.ok) return c.json({ error: { code: 'invalid_request', message: parsed.message } }, 400);
      const origin = new URL(c.req.url).origin;
      return c.json({ access_token: await hooks.issueToken({ ...parsed.value, origin }) });
    });
}
