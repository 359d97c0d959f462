import { hasVariables } from '../../interpolation/tokens.ts';
import { assertionSchema, captureSchema, parseJsonPath, type Assertion, type Capture, type JsonPathStep } from '../../model/tests.ts';

/**
 * Assertions and captures as Postman test code, and back. Each generated statement is one line
 * ending in a marker comment holding the row as JSON; on import a line whose code still matches what
 * its marker would generate becomes a table row again, and anything edited by hand stays script.
 * The runner evaluates assertions by running exactly this code, so Postman and the explorer agree.
 */

const ASSERT_MARK = ' // @kinde-explorer assertion ';
const CAPTURE_MARK = ' // @kinde-explorer capture ';

/** A readable default name, e.g. `status eq 201`, `$.organization.code exists`. */
export function assertionName(a: Assertion): string {
  if (a.name?.trim()) return a.name.trim();
  const subject = a.source === 'status' ? 'status' : a.source === 'responseTime' ? 'response time' : a.source === 'body' ? 'body' : (a.property ?? '').trim();
  const label = a.source === 'header' ? `header ${subject}` : subject;
  return a.operator === 'exists' ? `${label} exists` : `${label} ${a.operator} ${a.value ?? ''}`.trim();
}

/** JavaScript reading a JSON path off the response, e.g. `pm.response.json()?.organization?.code`. */
export function jsonPathAccessor(path: string): string {
  const steps = parseJsonPath(path) ?? [];
  return `pm.response.json()${steps.map(step).join('')}`;
}

function step(s: JsonPathStep): string {
  if (typeof s === 'number') return `?.[${s}]`;
  return /^[A-Za-z_$][\w$]*$/.test(s) ? `?.${s}` : `?.[${JSON.stringify(s)}]`;
}

function actual(a: Assertion): string {
  switch (a.source) {
    case 'status':
      return 'pm.response.code';
    case 'responseTime':
      return 'pm.response.responseTime';
    case 'body':
      return 'pm.response.text()';
    case 'header':
      return `pm.response.headers.get(${JSON.stringify((a.property ?? '').trim())})`;
    case 'jsonPath':
      return jsonPathAccessor(a.property ?? '$');
  }
}

/**
 * The expected value as the text it will be at run time: a plain string literal, or, when it names
 * variables (`{{org_code}}`), `pm.variables.replaceIn(...)` so they resolve as the request's do —
 * in the explorer's runner and in Postman alike.
 */
function expectedText(value: string | undefined): string {
  const text = value ?? '';
  return hasVariables(text) ? `pm.variables.replaceIn(${JSON.stringify(text)})` : JSON.stringify(text);
}

/** The expected value of eq / ne: JSON when it parses, else the text as a string. */
function literal(value: string | undefined, source: Assertion['source']): string {
  const text = value ?? '';
  if (source === 'header' || source === 'body') return expectedText(text);
  // Only known once the variables are in: parsed at run time, as the literal would be now.
  if (hasVariables(text)) return `(function (t) { try { return JSON.parse(t); } catch (e) { return t; } })(${expectedText(text)})`;
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return JSON.stringify(text);
  }
}

function numeric(value: string | undefined): string {
  const text = value ?? '';
  return hasVariables(text) ? `Number(${expectedText(text)})` : String(Number(text));
}

function check(a: Assertion): string {
  const value = a.value ?? '';
  switch (a.operator) {
    case 'eq':
      return `.to.eql(${literal(a.value, a.source)})`;
    case 'ne':
      return `.to.not.eql(${literal(a.value, a.source)})`;
    case 'gt':
      return `.to.be.above(${numeric(value)})`;
    case 'lt':
      return `.to.be.below(${numeric(value)})`;
    case 'contains':
      return `.to.include(${literal(a.value, a.source === 'jsonPath' ? 'header' : a.source)})`;
    case 'exists':
      return '.to.exist';
    case 'matches':
      return `.to.match(${regexLiteral(value)})`;
    case 'length':
      return `.to.have.lengthOf(${numeric(value)})`;
  }
}

function regexLiteral(text: string): string {
  const literalForm = /^\/(.*)\/([dgimsuvy]*)$/s.exec(text);
  const source = literalForm ? (literalForm[1] ?? '') : text;
  const flags = literalForm ? (literalForm[2] ?? '') : '';
  return `new RegExp(${expectedText(source)}, ${JSON.stringify(flags)})`;
}

/** One `pm.test(...)` statement for an assertion (without the marker). */
export function assertionCode(a: Assertion): string {
  return `pm.test(${JSON.stringify(assertionName(a))}, function () { pm.expect(${actual(a)})${check(a)}; });`;
}

function captureValue(c: Capture): string {
  if (c.source === 'status') return 'pm.response.code';
  if (c.source === 'header') return `pm.response.headers.get(${JSON.stringify((c.property ?? '').trim())})`;
  return jsonPathAccessor(c.property ?? '$');
}

/** One `pm.collectionVariables.set(...)` statement for a capture (without the marker). */
export function captureCode(c: Capture): string {
  return `pm.collectionVariables.set(${JSON.stringify(c.variable)}, ${captureValue(c)});`;
}

function rowJson(row: Assertion | Capture): string {
  const { id: _id, ...rest } = row;
  return JSON.stringify(rest);
}

/** The request's test script as exported: its own script, then the assertions, then the captures. */
export function testScriptForExport(script: string | undefined, assertions: readonly Assertion[] = [], captures: readonly Capture[] = []): string {
  const lines: string[] = [];
  if (script?.trim()) lines.push(script.replace(/\s+$/, ''));
  for (const a of assertions) if (a.enabled !== false) lines.push(`${assertionCode(a)}${ASSERT_MARK}${rowJson(a)}`);
  for (const c of captures) if (c.enabled !== false) lines.push(`${captureCode(c)}${CAPTURE_MARK}${rowJson(c)}`);
  return lines.join('\n');
}

/** Splits an imported test script into the table rows it carries and the script that is left. */
export function parseTestScript(source: string): { script: string; assertions: Assertion[]; captures: Capture[] } {
  const assertions: Assertion[] = [];
  const captures: Capture[] = [];
  const kept: string[] = [];
  for (const line of source.split('\n')) {
    const row = readMarkedLine(line);
    if (row?.kind === 'assertion') assertions.push(row.value);
    else if (row?.kind === 'capture') captures.push(row.value);
    else kept.push(line);
  }
  return { script: kept.join('\n').replace(/\s+$/, ''), assertions, captures };
}

function readMarkedLine(line: string): { kind: 'assertion'; value: Assertion } | { kind: 'capture'; value: Capture } | undefined {
  for (const [mark, kind] of [
    [ASSERT_MARK, 'assertion'],
    [CAPTURE_MARK, 'capture'],
  ] as const) {
    const at = line.lastIndexOf(mark);
    if (at === -1) continue;
    let value: unknown;
    try {
      value = JSON.parse(line.slice(at + mark.length));
    } catch {
      return undefined;
    }
    const code = line.slice(0, at);
    if (kind === 'assertion') {
      const a = assertionSchema.safeParse(value);
      return a.success && assertionCode(a.data) === code ? { kind, value: a.data } : undefined;
    }
    const c = captureSchema.safeParse(value);
    return c.success && captureCode(c.data) === code ? { kind, value: c.data } : undefined;
  }
  return undefined;
}
