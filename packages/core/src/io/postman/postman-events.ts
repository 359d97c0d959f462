import type { Assertion, Capture, Scripts } from '../../model/tests.ts';
import type { ReportBuilder } from '../import-report.ts';
import { parseTestScript, testScriptForExport } from './assertion-code.ts';
import { isRecord, records, text } from './postman-values.ts';

/** A Postman `event` entry: `prerequest` or `test`, with the script as lines. */
export type PostmanEvent = { listen: 'prerequest' | 'test'; script: { type: 'text/javascript'; exec: string[] } };

/** The enabled script of one kind in a Postman event list, as one string (undefined when empty). */
export function eventScript(events: unknown, listen: 'prerequest' | 'test'): string | undefined {
  const parts: string[] = [];
  for (const e of records(events)) {
    if (e.listen !== listen || e.disabled === true || !isRecord(e.script)) continue;
    const exec = e.script.exec;
    const source = Array.isArray(exec) ? exec.map(text).join('\n') : text(exec);
    if (source.trim() !== '') parts.push(source);
  }
  return parts.length > 0 ? parts.join('\n') : undefined;
}

/** Scripts of a collection or folder from its events. */
export function importScripts(events: unknown, where: string, report: ReportBuilder): Scripts | undefined {
  const preRequest = eventScript(events, 'prerequest');
  const test = eventScript(events, 'test');
  if (preRequest === undefined && test === undefined) return undefined;
  report.kept(`${[preRequest !== undefined ? 'pre-request' : '', test !== undefined ? 'test' : ''].filter(Boolean).join(' and ')} script of ${where} → run by the collection runner`);
  return { ...(preRequest !== undefined ? { preRequest } : {}), ...(test !== undefined ? { test } : {}) };
}

/** A request's scripts, with the assertion and capture lines the explorer wrote turned back into rows. */
export function importRequestTests(
  events: unknown,
  where: string,
  report: ReportBuilder,
): { scripts?: Scripts; assertions?: Assertion[]; captures?: Capture[] } {
  const scripts = importScripts(events, where, report);
  if (scripts?.test === undefined) return scripts ? { scripts } : {};
  const parsed = parseTestScript(scripts.test);
  const { test: _, ...rest } = scripts;
  const kept: Scripts = { ...rest, ...(parsed.script.trim() !== '' ? { test: parsed.script } : {}) };
  return {
    ...(Object.keys(kept).length > 0 ? { scripts: kept } : {}),
    ...(parsed.assertions.length > 0 ? { assertions: parsed.assertions } : {}),
    ...(parsed.captures.length > 0 ? { captures: parsed.captures } : {}),
  };
}

/** Postman events for scripts (and a request's assertions and captures as `pm.test` code). */
export function exportEvents(scripts: Scripts | undefined, assertions?: readonly Assertion[], captures?: readonly Capture[]): PostmanEvent[] | undefined {
  const events: PostmanEvent[] = [];
  const pre = scripts?.preRequest;
  if (pre?.trim()) events.push({ listen: 'prerequest', script: { type: 'text/javascript', exec: pre.split('\n') } });
  const test = testScriptForExport(scripts?.test, assertions, captures);
  if (test.trim()) events.push({ listen: 'test', script: { type: 'text/javascript', exec: test.split('\n') } });
  return events.length > 0 ? events : undefined;
}
