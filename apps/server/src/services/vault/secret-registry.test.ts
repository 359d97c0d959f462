import { describe, expect, it } from 'vitest';
import { SecretRegistry } from './secret-registry.ts';

describe('SecretRegistry', () => {
  it('scrubs a secret raw and JSON-escaped, the longer of two overlapping secrets whole', () => {
    const reg = new SecretRegistry();
    reg.add('secret');
    reg.add('my"secret"value');
    expect(reg.scrub('a secret and {"v":"my\\"secret\\"value"}')).toBe('a [REDACTED] and {"v":"[REDACTED]"}');
  });

  it('scrubs a secret added after lines were already scrubbed, and stops after it is deleted', () => {
    const reg = new SecretRegistry();
    reg.add('first-secret');
    expect(reg.scrub('first-secret later-token')).toBe('[REDACTED] later-token');
    reg.add('later-token');
    expect(reg.scrub('first-secret later-token')).toBe('[REDACTED] [REDACTED]');
    reg.delete('later-token');
    expect(reg.scrub('first-secret later-token')).toBe('[REDACTED] later-token');
  });

  it('ignores values shorter than its minimum length', () => {
    const reg = new SecretRegistry();
    reg.add('abc12');
    expect(reg.scrub('abc12')).toBe('abc12');
    expect(reg.list()).toEqual([]);
  });

  it('lists the same array until a secret is added or removed, and a changed list includes the change', () => {
    const reg = new SecretRegistry();
    reg.add('first-secret');
    const first = reg.list();
    expect(reg.list()).toBe(first);
    reg.add('first-secret'); // already known: no change
    expect(reg.list()).toBe(first);
    reg.add('second-secret');
    expect(reg.list()).not.toBe(first);
    expect(reg.list()).toEqual(['first-secret', 'second-secret']);
    reg.delete('first-secret');
    expect(reg.list()).toEqual(['second-secret']);
    expect(Object.isFrozen(reg.list())).toBe(true);
  });
});
