import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '@kinde-explorer/kinde-mock';
import { draftFromOperation, newDraft, toRequestTemplate, urlFromRows, type OperationDetail, type OperationSummary, type RequestTemplate } from '@kinde-explorer/core';
import { createTestApp, type TestApp } from '../testing/create-test-app.ts';

/*
 * Every operation of Kinde's spec, opened the way the catalog opens it for a user (core's
 * draftFromOperation, the function the web app's catalog calls), sent through the real relay to a
 * listening sandbox, answers its documented success status. The body is sent exactly as prefilled;
 * only what the catalog leaves for the user to pick is added: path parameters and required query
 * references (ids, codes) looked up from the sandbox's own lists.
 */

const CLIENT_ID = 'coverage_client';
const CLIENT_SECRET = 'coverage-secret-7b21c0';

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let t: TestApp;
let envId: string;

type SendResult = { status: number; body: string; error?: { code: string; message: string } };

async function send(request: RequestTemplate): Promise<SendResult> {
  const res = await t.request('/api/send', { method: 'POST', json: { environmentId: envId, request } });
  const result = (await res.json()) as SendResult;
  if (res.status !== 200) throw new Error(`relay failed (${res.status}): ${JSON.stringify(result)}`);
  return result;
}

async function listFirst(path: string, key: string): Promise<Record<string, unknown>> {
  const { status, body } = await send({ method: 'GET', url: `{{business_domain}}/api/v1/${path}`, auth: 'kinde-m2m' } as RequestTemplate);
  expect(status).toBe(200);
  const items = (JSON.parse(body) as Record<string, Record<string, unknown>[]>)[key] ?? [];
  // The second record where there is one: the first organization is the business's default.
  return items[1] ?? items[0]!;
}

/** What a user picks for path parameters and query references: real ids read from the sandbox. */
async function plausibleValues(): Promise<Record<string, string>> {
  const user = await listFirst('users', 'users');
  const org = await listFirst('organizations', 'organizations');
  const role = await listFirst('roles', 'roles');
  const permission = await listFirst('permissions', 'permissions');
  const api = await listFirst('apis', 'apis');
  const app = await listFirst('applications', 'applications');
  // A member of the organization, so "remove a member" has someone to remove.
  const member = await listFirst(`organizations/${String(org.code)}/users`, 'organization_users');
  return {
    user_id: String(member?.id ?? user.id),
    id: String(user.id),
    org_code: String(org.code),
    organization_code: String(org.code),
    code: String(org.code),
    role_id: String(role.id),
    permission_id: String(permission.id),
    feature_flag_key: 'dark_mode',
    api_id: String(api.id),
    application_id: String(app.id),
    app_id: String(app.id),
  };
}

/**
 * The request a user sends from the catalog: the tab's draft exactly as the web app opens it
 * (draftFromOperation, newDraft), with the path-parameter form and any empty required query
 * reference filled in as the user would, then turned into what is sent (toRequestTemplate).
 */
function requestFor(detail: OperationDetail, values: Record<string, string>): RequestTemplate {
  const draft = newDraft(draftFromOperation(detail));
  const pathParams = (draft.pathParams ?? []).map((p) => ({ ...p, value: values[p.key] ?? `x_${p.key}` }));
  const query = draft.query.map((r) => ({ ...r, value: r.enabled && !r.value ? (values[r.key] ?? '') : r.value }));
  return toRequestTemplate({ ...draft, pathParams, query, url: urlFromRows(draft.url, query) });
}

/** The first 2xx the spec documents for the operation. */
function documentedStatus(detail: OperationDetail): number | null {
  const ok = detail.responses.map((r) => Number(r.status)).filter((s) => s >= 200 && s < 300).sort((a, b) => a - b);
  return ok[0] ?? null;
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, rateLimit: null });
  t = await createTestApp({ spec: 'kinde' });
  await t.deps.spec.settled();
  envId = await t.createEnvironment('Sandbox', [
    { key: 'business_domain', value: sandbox.url },
    { key: 'client_id', value: CLIENT_ID },
    { key: 'client_secret', value: CLIENT_SECRET, secret: true },
  ]);
});
afterAll(async () => {
  t?.close();
  await sandbox?.close();
});

describe('catalog coverage', () => {
  it('sends every operation of the spec through the relay and each answers its documented status', async () => {
    const { operations } = (await (await t.request('/api/catalog')).json()) as { operations: OperationSummary[] };
    const failures: string[] = [];
    let answered = 0;
    // The sandbox reseeds identically on reset, so the ids looked up once stay valid.
    const values = await plausibleValues();
    for (const op of operations) {
      // A fresh sandbox state per operation: a DELETE before a GET must not break the GET.
      sandbox.reset();
      const detailRes = await t.request(`/api/catalog/${encodeURIComponent(op.operationId)}`);
      expect(detailRes.status).toBe(200);
      const detail = (await detailRes.json()) as OperationDetail;
      const want = documentedStatus(detail);
      const request = requestFor(detail, values);
      const result = await send(request);
      if (want !== null && result.status === want) answered++;
      else failures.push(`${op.operationId}: ${request.method} ${request.url} -> ${result.status} (documented ${want}) ${result.body.slice(0, 160)}`);
    }
    console.log(`coverage: ${answered} of ${operations.length} operations answered their documented status`);
    expect(failures).toEqual([]);
    expect(operations.length).toBe(183);
  }, 120_000);
});
