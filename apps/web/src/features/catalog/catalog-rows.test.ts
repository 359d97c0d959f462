import { describe, expect, it } from 'vitest';
import type { OperationSummary } from './core-catalog.ts';
import { catalogRows, optionRows } from './catalog-rows.ts';

const op = (operationId: string, tag: string, summary = operationId): OperationSummary => ({
  operationId,
  method: 'GET',
  path: `/api/v1/${operationId}`,
  tag,
  summary,
  scope: null,
  deprecated: false,
});

describe('catalogRows', () => {
  const ops = [op('getUsers', 'Users'), op('getApis', 'APIs'), op('createUser', 'Users')];

  it('groups operations under tags in A–Z order, keeping spec order inside a tag', () => {
    const rows = catalogRows(ops, false);
    expect(rows.map((r) => (r.kind === 'tag' ? `# ${r.tag} (${r.count})` : r.op.operationId))).toEqual([
      '# APIs (1)',
      'getApis',
      '# Users (2)',
      'getUsers',
      'createUser',
    ]);
  });

  it('numbers options in display order so arrow keys follow what is on screen', () => {
    expect(optionRows(catalogRows(ops, false)).map((r) => [r.option, r.op.operationId])).toEqual([
      [0, 'getApis'],
      [1, 'getUsers'],
      [2, 'createUser'],
    ]);
  });

  it('keeps search results flat and in rank order', () => {
    const rows = catalogRows([ops[2]!, ops[0]!], true);
    expect(rows.map((r) => r.kind)).toEqual(['op', 'op']);
    expect(optionRows(rows).map((r) => r.op.operationId)).toEqual(['createUser', 'getUsers']);
  });
});
