import { describe, expect, it } from 'vitest';
import { newDraft, toRequestTemplate } from './request-draft.ts';
import { requestTemplateSchema } from './request.ts';

describe('toRequestTemplate', () => {
  it('leaves the tests out of a request without any, so plain requests save as before', () => {
    const template = toRequestTemplate(newDraft({ preRequestScript: '  ', assertions: [], captures: [] }));
    expect(template).not.toHaveProperty('assertions');
    expect(template).not.toHaveProperty('captures');
    expect(template).not.toHaveProperty('scripts');
  });

  it('carries assertions, captures and scripts without their row ids, as the server validates them', () => {
    const template = toRequestTemplate(
      newDraft({
        method: 'POST',
        url: '{{business_domain}}/api/v1/organization',
        assertions: [{ id: 'row-1', source: 'status', operator: 'eq', value: '200', enabled: true }],
        captures: [{ id: 'row-2', source: 'jsonPath', property: '$.organization.code', variable: 'org_code' }],
        testScript: 'pm.test("ok", () => {});',
      }),
    );
    expect(template.assertions).toEqual([{ source: 'status', operator: 'eq', value: '200', enabled: true }]);
    expect(template.captures).toEqual([{ source: 'jsonPath', property: '$.organization.code', variable: 'org_code' }]);
    expect(template.scripts).toEqual({ test: 'pm.test("ok", () => {});' });
    expect(requestTemplateSchema.safeParse(template).success).toBe(true);
  });
});
