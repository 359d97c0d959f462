import { describe, expect, it } from 'vitest';
import type { RequestTemplate } from '@kinde-explorer/core';
import { newDraft, type RequestDraft } from '../../lib/core-request-draft.ts';
import { draftFingerprint, draftFromSaved, savedFingerprint, templateFromDraft } from './saved-template.ts';

// "List users" as the Kinde Postman collection imports it: a disabled next_token kept aside.
const listUsers: RequestTemplate = {
  method: 'GET',
  url: '{{business_domain}}/api/v1/users?page_size=10',
  query: [{ key: 'next_token', value: '', enabled: false, description: 'Token from the previous page' }],
  headers: [{ key: 'Accept', value: 'application/json' }],
  auth: 'kinde-m2m',
};
const createOrg: RequestTemplate = {
  method: 'POST',
  url: '{{business_domain}}/api/v1/organization',
  headers: [{ key: 'Content-Type', value: 'application/json' }, { key: 'X-Debug', value: '1', enabled: false }],
  body: { mode: 'json', json: '{\n  "name": "Acme"\n}' },
  auth: 'kinde-m2m',
};
const open = (t: RequestTemplate): RequestDraft => newDraft(draftFromSaved(t));

describe('saved requests in tabs', () => {
  it('opens clean: a fresh tab matches its saved version', () => {
    for (const t of [listUsers, createOrg]) expect(draftFingerprint(open(t))).toBe(savedFingerprint(t));
  });

  it('keeps disabled query parameters in the table and in the next save', () => {
    const draft = open(listUsers);
    expect(draft.query.map((r) => [r.key, r.enabled])).toEqual([['page_size', true], ['next_token', false]]);
    expect(draft.url).toBe('{{business_domain}}/api/v1/users?page_size=10');
    expect(templateFromDraft(draft)).toMatchObject({ url: listUsers.url, query: [{ key: 'next_token', value: '', enabled: false }] });
  });

  it('turns an enabled extra query parameter into part of the URL', () => {
    const draft = open({ ...listUsers, query: [{ key: 'sort', value: 'name_asc' }] });
    expect(draft.url).toBe('{{business_domain}}/api/v1/users?page_size=10&sort=name_asc');
  });

  it('notices a change of URL, header, body or method, and not a body-mode round trip', () => {
    const base = savedFingerprint(createOrg);
    const draft = open(createOrg);
    expect(draftFingerprint({ ...draft, url: `${draft.url}?x=1` })).not.toBe(base);
    expect(draftFingerprint({ ...draft, method: 'PUT' })).not.toBe(base);
    expect(draftFingerprint({ ...draft, json: '{}' })).not.toBe(base);
    expect(draftFingerprint({ ...draft, headers: draft.headers.map((h) => ({ ...h, enabled: true })) })).not.toBe(base);
    // Switching to text and back keeps the JSON: nothing to save.
    expect(draftFingerprint({ ...draft, bodyMode: 'text' })).not.toBe(base);
    expect(draftFingerprint({ ...draft, bodyMode: 'json' })).toBe(base);
  });
});
