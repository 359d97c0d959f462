import { describe, expect, it } from 'vitest';
import { newDraft, toRequestTemplate } from '../model/request-draft.ts';
import { draftFromOperation } from './draft-from-operation.ts';
import { kindeSpec } from './kinde-spec.test-helper.ts';
import { getOperationDetail } from './operation-detail.ts';

const kindeOperation = (operationId: string) => getOperationDetail(kindeSpec(), operationId)!;

describe('draftFromOperation', () => {
  it('prefills Create organization: POST, the business domain and a JSON body with the required name', () => {
    const draft = draftFromOperation(kindeOperation('createOrganization'));
    expect(draft.method).toBe('POST');
    expect(draft.url).toBe('{{business_domain}}/api/v1/organization');
    expect(draft.bodyMode).toBe('json');
    expect(JSON.parse(draft.json!)).toEqual({ name: 'Acme Corp' });
    expect(draft.operationId).toBe('createOrganization');
    expect(draft.auth).toBe('kinde-m2m');
  });

  it('lists Get users query parameters switched off, so the URL starts clean', () => {
    const draft = draftFromOperation(kindeOperation('getUsers'));
    expect(draft.url).toBe('{{business_domain}}/api/v1/users');
    const keys = draft.query!.map((r) => r.key);
    expect(keys).toEqual(expect.arrayContaining(['page_size', 'next_token']));
    expect(draft.query!.every((r) => !r.enabled)).toBe(true);
  });

  it('keeps path tokens in the URL and fills them from the path-parameter form on send', () => {
    const draft = draftFromOperation(kindeOperation('GetOrganizationUsers'));
    expect(draft.url).toMatch(/^\{\{business_domain\}\}\/api\/v1\/organizations\/\{org_code\}\/users/);
    expect(draft.pathParams).toEqual([expect.objectContaining({ key: 'org_code', value: '', required: true })]);
    const full = { ...newDraft(draft), pathParams: [{ ...draft.pathParams![0]!, value: 'org_1 2' }] };
    expect(toRequestTemplate(full).url).toMatch(/\/organizations\/org_1%202\/users/);
  });
});
