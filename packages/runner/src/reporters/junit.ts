import { create } from 'xmlbuilder2';
import type { RequestResult, RunSummary } from '../types.ts';

/**
 * JUnit XML as CI servers read it (newman's layout): one <testsuite> per request run, one
 * <testcase> per test; a failed test has <failure>, a request that could not be sent has <error>.
 */
export function toJUnitXml(summary: RunSummary): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', {
    name: summary.collectionName,
    tests: String(countCases(summary.results)),
    failures: String(summary.results.reduce((n, r) => n + r.tests.filter((t) => !t.passed).length, 0)),
    errors: String(summary.results.filter((r) => r.error).length),
    time: seconds(summary.durationMs),
    timestamp: summary.startedAt,
  });
  for (const r of summary.results) {
    const failures = r.tests.filter((t) => !t.passed).length;
    const suite = root.ele('testsuite', {
      name: suiteName(r),
      id: String(r.index),
      timestamp: r.startedAt,
      tests: String(casesOf(r)),
      failures: String(failures),
      errors: r.error ? '1' : '0',
      time: seconds(r.durationMs),
    });
    const props = suite.ele('properties');
    props.ele('property', { name: 'iteration', value: String(r.iteration + 1) });
    props.ele('property', { name: 'method', value: r.method });
    props.ele('property', { name: 'url', value: r.url });
    if (r.response) props.ele('property', { name: 'status', value: `${r.response.status} ${r.response.statusText}`.trim() });
    const classname = [summary.collectionName, ...r.path, r.name].join('.');
    if (r.error) {
      suite.ele('testcase', { name: `${r.method} ${r.name}`, classname, time: seconds(r.durationMs) }).ele('error', { type: r.error.code, message: r.error.message }).txt(r.error.message);
    }
    for (const t of r.tests) {
      const tc = suite.ele('testcase', { name: t.name, classname, time: '0' });
      if (!t.passed) tc.ele('failure', { type: 'AssertionError', message: t.error ?? 'failed' }).txt(t.error ?? 'failed');
    }
    if (!r.error && r.tests.length === 0) suite.ele('testcase', { name: `${r.method} ${r.name}`, classname, time: seconds(r.durationMs) });
    if (r.console.length > 0) suite.ele('system-out').txt(r.console.map((c) => `[${c.level}] ${c.message}`).join('\n'));
  }
  return `${root.end({ prettyPrint: true })}\n`;
}

function suiteName(r: RequestResult): string {
  return [...r.path, r.name].join(' / ') + (r.iteration > 0 ? ` (iteration ${r.iteration + 1})` : '');
}

/** Each test, plus one case for a send that failed; a request with neither still shows as one passing case. */
function casesOf(r: RequestResult): number {
  return Math.max(1, r.tests.length + (r.error ? 1 : 0));
}

function countCases(results: readonly RequestResult[]): number {
  return results.reduce((n, r) => n + casesOf(r), 0);
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
