import { randomBytes } from 'node:crypto';
import { requestTemplateSchema, type SnippetRequest, type SnippetTarget } from '@kinde-explorer/core';
import { apiError } from '../../errors.ts';
import type { DataLayer } from '../storage/index.ts';
import type { SharesTable } from '../storage/schema.ts';
import { mapStrings } from '../collections/sanitize-request.ts';
import type { EnvironmentsService } from '../environments/types.ts';
import type { SnippetView, TokenStyle } from '../snippets/schemas.ts';
import { requestSnippet, resolveForSnippet } from '../snippets/snippets-service.ts';
import { snippetVariables } from '../snippets/snippet-variables.ts';
import { sanitizeShareRequest, sanitizeShareResponse, shareScrubber, type Scrub } from './sanitize-share.ts';
import { storedResponseSchema, type ShareCreate, type ShareSummary, type ShareView } from './schemas.ts';

type ShareRow = SharesTable;

export interface SharesDeps {
  data: DataLayer;
  environments: EnvironmentsService;
  /** Every secret the server knows (stored secrets, tokens): none may reach a share. */
  secrets: { list(): readonly string[] };
}

/** 128 random bits, base64url: a link nobody can guess or enumerate. */
export function newShareId(): string {
  return randomBytes(16).toString('base64url');
}

export const sharePath = (id: string) => `/share/${id}`;

/** Read-only snapshots of a request and its response, listed and revocable. */
export function createSharesService(deps: SharesDeps) {
  const { db } = deps.data;

  const mustGetLive = async (id: string): Promise<ShareRow> => {
    const row = await db.selectFrom('shares').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw apiError(404, 'not_found', 'There is no share with this link.');
    if (row.revoked_at) throw apiError(410, 'gone', 'This share link was revoked by its owner.');
    return row;
  };

  const summary = (row: ShareRow): ShareSummary => ({
    id: row.id,
    url: sharePath(row.id),
    title: row.title,
    method: row.method,
    requestUrl: row.request_url,
    status: row.status,
    environmentName: row.environment_name,
    createdAt: row.created_at,
  });

  return {
    async create(input: ShareCreate): Promise<{ id: string; url: string }> {
      const env = input.environmentId ? await deps.environments.getResolved(input.environmentId) : null;
      const view = input.environmentId ? await deps.environments.get(input.environmentId) : null;
      const secretsByKey: Record<string, string> = {};
      for (const v of view?.variables ?? []) if (v.secret && env && Object.hasOwn(env.variables, v.key)) secretsByKey[v.key] = env.variables[v.key]!;
      const scrub = shareScrubber([...(env?.secretValues ?? []), ...deps.secrets.list()]);

      const request = sanitizeShareRequest(input.request, secretsByKey, scrub);
      const response = sanitizeShareResponse(input.response, scrub, { maskPersonalData: input.maskPersonalData === true });
      const snippetRequest = await snippetRequestFor(request, input.environmentId ?? null, response.url, deps.environments, scrub);
      const id = newShareId();
      await db.insertInto('shares').values({
        id,
        environment_id: env?.id ?? null,
        environment_name: env?.name ?? null,
        title: scrub(input.title?.trim() || defaultTitle(request)),
        method: request.method,
        request_url: request.url,
        status: response.status,
        personal_data_masked: input.maskPersonalData ? 1 : 0,
        created_at: new Date().toISOString(),
        request_json: JSON.stringify(request),
        response_json: JSON.stringify(response),
        snippet_request_json: snippetRequest ? JSON.stringify(snippetRequest) : null,
        revoked_at: null,
      }).execute();
      return { id, url: sharePath(id) };
    },

    async list(): Promise<ShareSummary[]> {
      const rows = await db.selectFrom('shares').selectAll().where('revoked_at', 'is', null).orderBy('created_at', 'desc').orderBy('id').execute();
      return rows.map(summary);
    },

    async get(id: string): Promise<ShareView> {
      const row = await mustGetLive(id);
      return {
        ...summary(row),
        request: requestTemplateSchema.parse(JSON.parse(row.request_json ?? '{}')),
        response: storedResponseSchema.parse(JSON.parse(row.response_json ?? '{}')),
        personalDataMasked: row.personal_data_masked === 1,
        snippetAvailable: row.snippet_request_json !== null,
      };
    },

    async revoke(id: string): Promise<void> {
      await mustGetLive(id);
      // Revoking forgets the content at once; the id stays so the link says "revoked", not "never existed".
      await db
        .updateTable('shares')
        .set({
          revoked_at: new Date().toISOString(),
          title: '',
          request_url: '',
          environment_name: null,
          request_json: null,
          response_json: null,
          snippet_request_json: null,
        })
        .where('id', '=', id)
        .execute();
    },

    /** Code for the shared request: made from what was stored, so it holds placeholders, never a secret. */
    async snippet(id: string, target: SnippetTarget, tokenStyle: TokenStyle): Promise<SnippetView> {
      const row = await mustGetLive(id);
      if (!row.snippet_request_json) throw apiError(400, 'bad_request', 'This share has no absolute URL to write code for.');
      const request = JSON.parse(row.snippet_request_json) as SnippetRequest;
      return requestSnippet(request, target, tokenStyle, deps.secrets.list());
    },
  };
}

export type SharesService = ReturnType<typeof createSharesService>;

function defaultTitle(request: { method: string; url: string }): string {
  const path = request.url.replace(/^\{\{[^}]+\}\}/, '').replace(/^https?:\/\/[^/]+/, '').split('?')[0] || request.url;
  return `${request.method} ${path}`.slice(0, 200);
}

/**
 * The request a share's snippets are written from, resolved now with the environment's plain
 * values (secrets as placeholders), so the code still works after the environment changes or goes.
 * Without an environment, the requested URL reported with the response stands in.
 */
async function snippetRequestFor(
  request: ShareCreate['request'],
  environmentId: string | null,
  requestedUrl: string | null,
  environments: EnvironmentsService,
  scrub: Scrub,
): Promise<SnippetRequest | null> {
  const values = environmentId ? (await snippetVariables(environments, environmentId)).values : {};
  let resolved: SnippetRequest;
  try {
    resolved = resolveForSnippet(request, values, { unresolved: 'placeholder' });
  } catch {
    return null;
  }
  if (!isAbsolute(resolved.url)) {
    if (!requestedUrl || !isAbsolute(requestedUrl)) return null;
    resolved = { ...resolved, url: requestedUrl };
  }
  return mapStrings(resolved, scrub);
}

function isAbsolute(url: string): boolean {
  try {
    return /^https?:$/.test(new URL(url).protocol);
  } catch {
    return false;
  }
}
