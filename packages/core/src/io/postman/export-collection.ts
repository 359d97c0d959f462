import type { KeyValue, RequestBody, RequestTemplate } from '../../model/request.ts';
import type { CollectionDoc } from '../../model/collection-doc.ts';
import type { CollectionItem } from '../../model/collection-item.ts';
import { AUDIENCE_TEMPLATE, TOKEN_URL_TEMPLATE } from '../kinde-origin.ts';
import { RAW_LANGUAGE_TYPES } from './import-body.ts';
import { exportEvents, type PostmanEvent } from './postman-events.ts';
import { toPostmanUrl, type PostmanUrl } from './postman-url.ts';

export const POSTMAN_COLLECTION_SCHEMA_URL = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

type AuthAttribute = { key: string; value: unknown; type: string };
export type PostmanAuth = { type: 'oauth2'; oauth2: AuthAttribute[] } | { type: 'noauth' };
type PostmanHeader = { key: string; value: string; disabled?: boolean; description?: string };
type PostmanBody = Record<string, unknown>;
export type PostmanRequestItem = {
  id?: string;
  name: string;
  event?: PostmanEvent[];
  request: { method: string; header: PostmanHeader[]; url: PostmanUrl; body?: PostmanBody; auth?: PostmanAuth; description?: string };
};
export type PostmanFolderItem = { id?: string; name: string; description?: string; item: PostmanItem[]; event?: PostmanEvent[] };
export type PostmanItem = PostmanRequestItem | PostmanFolderItem;
export type PostmanCollection = {
  info: { name: string; description?: string; schema: string };
  item: PostmanItem[];
  auth: PostmanAuth;
  event?: PostmanEvent[];
  variable?: { key: string; value: string; type: 'string'; disabled?: boolean }[];
};

/**
 * The Kinde M2M token as Kinde's Postman guide sets it up: OAuth 2.0 client credentials at the
 * collection level, credentials as environment variable references (never values), the audience
 * sent in the token request body ("Advanced → Token request").
 */
export function kindeM2mPostmanAuth(): PostmanAuth {
  const s = (key: string, value: string): AuthAttribute => ({ key, value, type: 'string' });
  return {
    type: 'oauth2',
    oauth2: [
      s('grant_type', 'client_credentials'),
      s('accessTokenUrl', TOKEN_URL_TEMPLATE),
      s('clientId', '{{client_id}}'),
      s('clientSecret', '{{client_secret}}'),
      { key: 'tokenRequestParams', value: [{ key: 'audience', value: AUDIENCE_TEMPLATE, enabled: true, send_as: 'request_body' }], type: 'any' },
      s('client_authentication', 'body'),
      s('tokenName', 'Kinde M2M token'),
      s('headerPrefix', 'Bearer'),
      s('addTokenTo', 'header'),
    ],
  };
}

/**
 * Exports a collection as Postman Collection v2.1. Requests using the Kinde M2M token inherit the
 * collection's OAuth 2.0 auth; requests without auth say `noauth`. No secret is ever written.
 */
export function exportPostmanCollection(doc: CollectionDoc): PostmanCollection {
  const event = exportEvents(doc.scripts);
  return {
    info: { name: doc.name, ...(doc.description ? { description: doc.description } : {}), schema: POSTMAN_COLLECTION_SCHEMA_URL },
    item: doc.items.map(exportItem),
    auth: kindeM2mPostmanAuth(),
    ...(event ? { event } : {}),
    ...(doc.variables.length > 0
      ? { variable: doc.variables.map((v) => ({ key: v.key, value: v.value, type: 'string' as const, ...(v.enabled === false ? { disabled: true } : {}) })) }
      : {}),
  };
}

function exportItem(item: CollectionItem): PostmanItem {
  const id = item.id !== undefined ? { id: item.id } : {};
  if (item.type === 'folder') {
    const event = exportEvents(item.scripts);
    return { ...id, name: item.name, ...(item.description ? { description: item.description } : {}), item: item.items.map(exportItem), ...(event ? { event } : {}) };
  }
  const event = exportEvents(item.request.scripts, item.request.assertions, item.request.captures);
  return { ...id, name: item.name, ...(event ? { event } : {}), request: exportPostmanRequest(item.request, item.description) };
}

/** One request in Postman's shape (also used for single-request exports). */
export function exportPostmanRequest(r: RequestTemplate, description?: string): PostmanRequestItem['request'] {
  const header: PostmanHeader[] = (r.headers ?? []).map(exportRow);
  const body = exportBody(r.body, header);
  return {
    method: r.method,
    header,
    url: toPostmanUrl(r.url, r.query),
    ...(body !== undefined ? { body } : {}),
    ...(r.auth === 'none' ? { auth: { type: 'noauth' as const } } : {}),
    ...(description ? { description } : {}),
  };
}

function exportRow(kv: KeyValue): PostmanHeader {
  return {
    key: kv.key,
    value: kv.value,
    ...(kv.enabled === false ? { disabled: true } : {}),
    ...(kv.description !== undefined ? { description: kv.description } : {}),
  };
}

function exportBody(body: RequestBody | undefined, header: PostmanHeader[]): PostmanBody | undefined {
  if (body === undefined) return undefined;
  switch (body.mode) {
    case 'none':
      return undefined;
    case 'json':
      return { mode: 'raw', raw: body.json, options: { raw: { language: 'json' } } };
    case 'text': {
      const language = Object.entries(RAW_LANGUAGE_TYPES).find(([, type]) => type === body.contentType)?.[0];
      // Postman has no language for other types: a Content-Type header carries them instead.
      const hasType = header.some((h) => h.key.toLowerCase() === 'content-type' && h.disabled !== true);
      if (language === undefined && body.contentType !== undefined && !hasType) header.push({ key: 'Content-Type', value: body.contentType });
      if (body.contentType === undefined) return { mode: 'raw', raw: body.text };
      return { mode: 'raw', raw: body.text, options: { raw: { language: language ?? 'text' } } };
    }
    case 'urlencoded':
      return { mode: 'urlencoded', urlencoded: body.urlencoded.map(exportRow) };
    case 'multipart':
      return {
        mode: 'formdata',
        formdata: body.multipart.map((p) => ({
          key: p.key,
          ...(p.fileName !== undefined ? { type: 'file', src: p.fileName } : { type: 'text', value: p.value }),
          ...(p.enabled === false ? { disabled: true } : {}),
          ...(p.contentType !== undefined ? { contentType: p.contentType } : {}),
        })),
      };
  }
}
