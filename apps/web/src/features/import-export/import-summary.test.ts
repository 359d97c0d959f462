import { describe, expect, it } from 'vitest';
import type { ImportAnswer } from './import-queries.ts';
import { importSummary } from './import-summary.ts';

const report = { kept: [], unmapped: [] };

describe('importSummary', () => {
  it('says what a collection import created and where', () => {
    const answer: ImportAnswer = { kind: 'collection', collections: [{ id: 'c', name: 'Kinde', folders: 3, requests: 1 }], report };
    expect(importSummary(answer, 'Acme')).toBe('Created collection “Kinde” with 3 folders and 1 request in Acme.');
  });

  it('tells a new environment from a merge, counting secrets', () => {
    const variables = [{ key: 'business_domain', secret: false }, { key: 'client_secret', secret: true }];
    expect(importSummary({ kind: 'environment', collections: [], environment: { id: 'e', name: 'Prod', created: true, variables }, report }, 'x')).toBe(
      'Created environment “Prod” with 2 variables (1 secret).',
    );
    expect(importSummary({ kind: 'environment', collections: [], environment: { id: 'e', name: 'Prod', created: false, variables: variables.slice(0, 1) }, report }, 'x')).toBe(
      'Merged 1 variable into “Prod”.',
    );
  });

  it('says a cURL request opened unsaved', () => {
    const answer: ImportAnswer = { kind: 'request', collections: [], request: { name: 'GET /api/v1/users', request: { method: 'GET', url: '{{business_domain}}/api/v1/users' } }, report };
    expect(importSummary(answer, 'x')).toContain('Opened the request “GET /api/v1/users” in a new tab (not saved yet');
  });
});
