import { beforeAll, describe, expect, it } from 'vitest';
import { createSandboxApp, type SandboxApp } from './app.ts';
import { exampleFromSchema } from './spec/generate.ts';
import { loadSpecSync, type OpenApiDoc } from './spec/load-spec.ts';
import { listOperations, type SpecOperation } from './spec/operations.ts';
import { deref } from './spec/resolve-ref.ts';

type Param = { name: string; in: string; required?: boolean; schema?: unknown };

/** Path and query values that point at seeded records, so stateful routes find what they are asked for. */
function seededValues(sandbox: SandboxApp): Record<string, string> {
  const d = sandbox.context.store.data;
  return {
    user_id: d.users[0]!.id,
    id: d.users[0]!.id,
    org_code: d.organizations[1]!.code,
    organization_code: d.organizations[1]!.code,
    code: d.organizations[1]!.code,
    role_id: d.roles[0]!.id,
    permission_id: d.permissions[0]!.id,
    feature_flag_key: 'dark_mode',
    api_id: d.apis[1]!.id,
    application_id: d.applications[1]!.id,
    app_id: d.applications[1]!.id,
    type: 'bool',
    default_value: 'true',
    allow_override_level: 'env',
  };
}

/** Bodies the generated example would not satisfy (they must reference seeded ids or typed values). */
function bodyOverride(sandbox: SandboxApp, op: SpecOperation): unknown {
  const d = sandbox.context.store.data;
  if (op.method === 'PATCH' && op.path === '/api/v1/environment/feature_flags/{feature_flag_key}') return { value: 'true' };
  if (op.method === 'POST' && op.path === '/api/v1/organizations/{org_code}/users') return { users: [{ id: d.users[0]!.id }] };
  if (op.method === 'PATCH' && op.path === '/api/v1/roles/{role_id}/permissions') return { permissions: [{ id: d.permissions[0]!.id }] };
  return undefined;
}

/** Generated examples hold placeholder strings where the sandbox validates: point them at real values. */
function patchGenerated(sandbox: SandboxApp, body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const out = { ...(body as Record<string, unknown>) };
  if ('organization_code' in out) out.organization_code = sandbox.context.store.data.organizations[1]!.code;
  if ('theme_code' in out) out.theme_code = 'light';
  return out;
}

function buildRequest(doc: OpenApiDoc, sandbox: SandboxApp, op: SpecOperation, token: string) {
  const values = seededValues(sandbox);
  const pathItem = (doc.paths ?? {})[op.path] ?? {};
  const params = [...((pathItem.parameters as unknown[]) ?? []), ...((op.raw.parameters as unknown[]) ?? [])]
    .map((p) => deref<Param>(doc, p))
    .filter((p): p is Param => !!p);
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? `x_${name}`));
  const query = new URLSearchParams();
  for (const p of params.filter((p) => p.in === 'query' && p.required)) {
    query.set(p.name, values[p.name] ?? String(exampleFromSchema(doc, p.schema) ?? 'x'));
  }
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  let body: string | undefined;
  const requestBody = deref<{ content?: Record<string, { schema?: unknown }> }>(doc, op.raw.requestBody);
  const json = requestBody?.content?.['application/json'];
  if (json) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(bodyOverride(sandbox, op) ?? patchGenerated(sandbox, exampleFromSchema(doc, json.schema)) ?? {});
  }
  const qs = query.toString();
  return { url: `${path}${qs ? `?${qs}` : ''}`, init: { method: op.method, headers, ...(body ? { body } : {}) } };
}

describe('every operation of the spec', () => {
  const doc = loadSpecSync(process.env.KINDE_SPEC!);
  const operations = listOperations(doc);
  let sandbox: SandboxApp;
  beforeAll(() => {
    sandbox = createSandboxApp({ spec: doc, rateLimit: null });
  });

  it('answers its documented success status with an all-scopes token', async () => {
    const token = await sandbox.issueToken();
    const failures: string[] = [];
    for (const op of operations) {
      sandbox.reset();
      const { url, init } = buildRequest(doc, sandbox, op, token);
      const res = await sandbox.app.request(url, init);
      const text = await res.text();
      if (res.status !== op.successStatus) failures.push(`${op.method} ${url} -> ${res.status} (want ${op.successStatus}) ${text.slice(0, 160)}`);
      else if (text && res.headers.get('content-type')?.includes('json')) JSON.parse(text);
    }
    console.log(`${operations.length - failures.length} of ${operations.length} operations answered`);
    expect(failures).toEqual([]);
    expect(operations.length).toBe(183);
  });

  it('refuses each secured operation with 403 naming its spec scope when the token lacks it', async () => {
    const failures: string[] = [];
    const everything = sandbox.context.grantedScopes;
    for (const op of operations.filter((o) => o.scope && !/no authentication required/i.test(String(o.raw.description)))) {
      sandbox.reset();
      const token = await sandbox.issueToken({ scopes: everything.filter((s) => s !== op.scope) });
      const { url, init } = buildRequest(doc, sandbox, op, token);
      const res = await sandbox.app.request(url, init);
      const body = (await res.json().catch(() => null)) as { errors?: { message: string }[] } | null;
      if (res.status !== 403 || body?.errors?.[0]?.message !== `Missing scope ${op.scope}`) {
        failures.push(`${op.method} ${op.path} -> ${res.status} ${JSON.stringify(body)?.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
