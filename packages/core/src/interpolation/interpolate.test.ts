import { describe, expect, it } from 'vitest';
import { interpolate } from './interpolate.ts';

const value = (r: ReturnType<typeof interpolate>) => {
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.value;
};

describe('interpolate', () => {
  it('replaces variables, tolerating whitespace inside the braces', () => {
    const vars = { business_domain: 'https://acme.kinde.com', id: 'kp_1' };
    expect(value(interpolate('{{business_domain}}/api/v1/users/{{ id }}?x={{  id}}', vars))).toBe('https://acme.kinde.com/api/v1/users/kp_1?x=kp_1');
  });

  it('resolves variables nested inside values', () => {
    const vars = { base: '{{scheme}}://{{host}}', scheme: 'https', host: '{{sub}}.kinde.com', sub: 'acme' };
    expect(value(interpolate('{{base}}/api', vars))).toBe('https://acme.kinde.com/api');
  });

  it('leaves text that is not a variable name alone', () => {
    expect(value(interpolate('{"a":{"b":1}} {{not a name}} {x}', {}))).toBe('{"a":{"b":1}} {{not a name}} {x}');
  });

  it('does not treat $ patterns in values specially', () => {
    expect(value(interpolate('{{p}}', { p: "$& $1 $$ $'" }))).toBe("$& $1 $$ $'");
  });

  it('lists every unresolved name once, nested ones included', () => {
    const r = interpolate('{{a}} {{missing}} {{b}} {{missing}} {{$nope}}', { a: '{{deep}}', b: 'ok' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('unresolved_variable');
    expect(r.unresolved).toEqual(['deep', 'missing', '$nope']);
    expect(r.errors).toEqual(['unresolved variables: {{deep}}, {{missing}}, {{$nope}}']);
  });

  it('names the chain of a variable loop', () => {
    const r = interpolate('x {{a}}', { a: 'A{{b}}', b: 'B{{c}}', c: '{{a}}' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('variable_loop');
    expect(r.loop).toEqual(['a', 'b', 'c', 'a']);
    expect(r.errors).toEqual(['variable loop: {{a}} → {{b}} → {{c}} → {{a}}']);
  });

  it('catches a variable that refers to itself', () => {
    const r = interpolate('{{me}}', { me: 'again {{me}}' });
    expect(!r.ok && r.loop).toEqual(['me', 'me']);
  });

  it('stops runaway nesting at the depth limit', () => {
    const vars: Record<string, string> = {};
    for (let i = 0; i < 5; i++) vars[`v${i}`] = `{{v${i + 1}}}`;
    vars.v5 = 'end';
    expect(value(interpolate('{{v0}}', vars))).toBe('end');
    const r = interpolate('{{v0}}', vars, { maxDepth: 3 });
    expect(!r.ok && r.errors[0]).toBe('variables nested more than 3 deep: {{v0}} → {{v1}} → {{v2}} → {{v3}}');
  });

  it('generates dynamic variables in Postman formats', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const before = Math.floor(Date.now() / 1000);
    const out = value(interpolate('{{$guid}}|{{$randomUUID}}|{{$timestamp}}|{{$isoTimestamp}}|{{$randomInt}}|{{$randomEmail}}|{{$randomFirstName}}|{{$randomLastName}}', {}));
    const [guid, uuid2, ts, iso, int, email, first, last] = out.split('|');
    expect(guid).toMatch(uuid);
    expect(uuid2).toMatch(uuid);
    expect(guid).not.toBe(uuid2);
    expect(Number(ts)).toBeGreaterThanOrEqual(before);
    expect(Number(ts)).toBeLessThan(before + 5);
    expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Number(int)).toBeGreaterThanOrEqual(0);
    expect(Number(int)).toBeLessThanOrEqual(1000);
    expect(email).toMatch(/^[a-z]+\.[a-z]+\d+@example\.com$/);
    expect(first).toMatch(/^[A-Z][a-z]+$/);
    expect(last).toMatch(/^[A-Z][A-Za-z]+$/);
  });

  it('uses the given clock and randomness', () => {
    const fixed = { now: () => new Date('2025-01-02T03:04:05.000Z'), random: () => 0.999999, uuid: () => 'u-1' };
    expect(value(interpolate('{{$timestamp}} {{$isoTimestamp}} {{$randomInt}} {{$guid}}', {}, fixed))).toBe('1735787045 2025-01-02T03:04:05.000Z 1000 u-1');
  });

  it('generates a fresh dynamic value at each occurrence', () => {
    const out = value(interpolate('{{$guid}} {{$guid}}', {}));
    const [a, b] = out.split(' ');
    expect(a).not.toBe(b);
  });
});
