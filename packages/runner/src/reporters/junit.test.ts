import { describe, expect, it } from 'vitest';
import { parse, type TestSuites } from 'junit2json';
import type { RequestResult, RunSummary } from '../types.ts';
import { totalsOf } from '../engine/run.ts';
import { toJUnitXml } from './junit.ts';
import { toJsonReport } from './json.ts';

function result(over: Partial<RequestResult>): RequestResult {
  return {
    iteration: 0,
    index: 0,
    name: 'Create organization',
    path: ['Organizations'],
    method: 'POST',
    url: 'http://127.0.0.1:1/api/v1/organization',
    tests: [],
    captures: [],
    console: [],
    retries: [],
    failed: false,
    scriptMs: 0.4,
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 12,
    ...over,
  };
}

const results = [
  result({ tests: [{ name: 'organization created', passed: true, kind: 'script', origin: 'request', phase: 'test' }], console: [{ level: 'log', message: 'created <org_1> & more' }] }),
  result({
    index: 1,
    name: 'List its users',
    method: 'GET',
    failed: true,
    tests: [
      { name: 'status is 200', passed: true, kind: 'assertion', origin: 'request', phase: 'test' },
      { name: 'the new user is a member', passed: false, error: "expected [ 'kp_1' ] to include 'kp_2'", kind: 'script', origin: 'request', phase: 'test' },
    ],
  }),
  result({ index: 2, name: 'Delete it', method: 'DELETE', failed: true, error: { code: 'upstream_unreachable', message: 'Could not reach 127.0.0.1:1 (connection refused).' } }),
];
const summary: RunSummary = {
  collectionName: 'Organization chain',
  environmentName: 'Sandbox',
  status: 'failed',
  iterations: 1,
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: '2026-01-01T00:00:01.000Z',
  durationMs: 1000,
  totals: totalsOf(results),
  results,
  environmentChanges: {},
  collectionVariableChanges: {},
};

describe('JUnit XML', () => {
  it('is read back by a JUnit parser with every test, failure and send error', async () => {
    const parsed = (await parse(toJUnitXml(summary))) as TestSuites;
    expect(parsed).toMatchObject({ name: 'Organization chain', tests: 4, failures: 1, errors: 1 });
    const suites = parsed.testsuite ?? [];
    expect(suites.map((s) => [s.name, s.tests, s.failures, s.errors])).toEqual([
      ['Organizations / Create organization', 1, 0, 0],
      ['Organizations / List its users', 2, 1, 0],
      ['Organizations / Delete it', 1, 0, 1],
    ]);
    const failed = suites[1]?.testcase?.find((t) => t.name === 'the new user is a member');
    expect(failed?.failure?.[0]?.message).toBe("expected [ 'kp_1' ] to include 'kp_2'");
    expect(failed?.classname).toBe('Organization chain.Organizations.List its users');
    expect(suites[2]?.testcase?.[0]?.error?.[0]?.type).toBe('upstream_unreachable');
    expect(suites[0]?.['system-out']?.[0]).toBe('[log] created <org_1> & more');
  });
});

describe('JSON report', () => {
  it('holds the summary as is', () => {
    const report = JSON.parse(toJsonReport(summary)) as { run: RunSummary };
    expect(report.run).toEqual(summary);
  });
});
