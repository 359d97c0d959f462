import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dereference, dereferenceWithReport, loadSpec, resolvePointer } from './dereference.ts';
import { parseSpec } from './parse-spec.ts';
import type { OpenApiDoc } from './types.ts';

function refsIn(node: unknown, found: string[] = [], seen = new Set<object>()): string[] {
  if (typeof node !== 'object' || node === null || seen.has(node)) return found;
  seen.add(node);
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === 'string') found.push(ref);
  for (const value of Object.values(node)) refsIn(value, found, seen);
  return found;
}

const doc = (components: Record<string, unknown>, paths: Record<string, unknown> = {}): OpenApiDoc =>
  ({ openapi: '3.0.0', info: { title: 'T', version: '1' }, paths, components }) as OpenApiDoc;

describe('dereference', () => {
  it('replaces refs with their targets and shares one copy between users', () => {
    const input = doc(
      { schemas: { user: { type: 'object', properties: { id: { $ref: '#/components/schemas/id' } } }, id: { type: 'string' } } },
      { '/u': { get: { responses: { '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/user' } } } } } } } },
    );
    const out = dereference(input);
    const schema = out.paths['/u']!.get!.responses!['200']!.content!['application/json']!.schema!;
    expect(schema.properties!.id).toEqual({ type: 'string' });
    expect(schema).toBe(out.components!.schemas!.user);
    expect(refsIn(out)).toEqual([]);
    // the input is untouched
    expect(refsIn(input)).toHaveLength(2);
  });

  it('keeps a self-referencing schema as a $ref instead of recursing forever', () => {
    const input = doc({ schemas: { node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/node' } } } } } });
    const report = dereferenceWithReport(input);
    expect(report.cyclic).toEqual(['#/components/schemas/node']);
    const node = report.doc.components!.schemas!.node as { properties: { children: { items: unknown } } };
    expect(node.properties.children.items).toEqual({ $ref: '#/components/schemas/node' });
    expect(() => JSON.stringify(report.doc)).not.toThrow();
  });

  it('survives refs that point at each other', () => {
    const input = doc({ schemas: { a: { $ref: '#/components/schemas/b' }, b: { $ref: '#/components/schemas/a' } } });
    const report = dereferenceWithReport(input);
    expect(report.cyclic.length).toBeGreaterThan(0);
  });

  it('leaves external and missing refs in place and lists them', () => {
    const input = doc({ schemas: { a: { $ref: 'other.yaml#/x' }, b: { $ref: '#/components/schemas/missing' } } });
    const report = dereferenceWithReport(input);
    expect(report.unresolved.sort()).toEqual(['#/components/schemas/missing', 'other.yaml#/x']);
    expect(report.doc.components!.schemas!.a).toEqual({ $ref: 'other.yaml#/x' });
  });

  it('lets a sibling description override the target one', () => {
    const input = doc({ schemas: { id: { type: 'string', description: 'an id' }, user: { properties: { id: { $ref: '#/components/schemas/id', description: 'the user id' } } } } });
    const user = dereference(input).components!.schemas!.user as { properties: { id: unknown } };
    expect(user.properties.id).toEqual({ type: 'string', description: 'the user id' });
  });

  it('follows JSON pointer escapes', () => {
    const input = { paths: { '/a/{b}': { get: { operationId: 'x' } } } };
    expect(resolvePointer(input, '#/paths/~1a~1%7Bb%7D/get')).toEqual({ operationId: 'x' });
  });

  it('resolves every $ref of the Kinde spec quickly', () => {
    const text = readFileSync(process.env.KINDE_SPEC!, 'utf8');
    const started = performance.now();
    const parsed = parseSpec(text);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const report = dereferenceWithReport(parsed.value);
    const elapsed = performance.now() - started;
    console.log(`Kinde spec: parse + dereference ${elapsed.toFixed(0)} ms, ${report.cyclic.length} cyclic refs`);
    expect(elapsed).toBeLessThan(1000);
    expect(report.unresolved).toEqual([]);
    const left = refsIn(report.doc);
    expect(left.every((r) => report.cyclic.includes(r))).toBe(true);
    expect(refsIn(parsed.value).length).toBeGreaterThan(800);
    expect(() => JSON.stringify(report.doc)).not.toThrow();
  });

  it('loadSpec parses and dereferences in one call', () => {
    const r = loadSpec('openapi: 3.0.0\ninfo: { title: T, version: "1" }\npaths:\n  /a:\n    get:\n      parameters: [{ $ref: "#/components/parameters/p" }]\ncomponents:\n  parameters:\n    p: { name: p, in: query }');
    expect(r.ok && r.value.doc.paths['/a']!.get!.parameters![0]!.name).toBe('p');
    expect(r.ok && r.value.warnings).toEqual([]);
  });
});
