import { describe, expect, it } from 'vitest';
import { Redaction } from './redaction.ts';

describe('Redaction', () => {
  it("redacts the environment's secrets and a token added later", () => {
    const r = new Redaction(['s3cret-value']);
    expect(r.scrub('a s3cret-value b')).not.toContain('s3cret-value');
    expect(r.scrub('token eyJ.abc.def')).toBe('token eyJ.abc.def');
    r.add('eyJ.abc.def');
    expect(r.scrub('token eyJ.abc.def')).not.toContain('eyJ.abc.def');
    expect(r.secrets).toEqual(['s3cret-value', 'eyJ.abc.def']);
  });

  it('adds a secret once', () => {
    const r = new Redaction(['x-secret-1']);
    r.add('x-secret-1');
    expect(r.secrets).toEqual(['x-secret-1']);
  });

  it('redacts a secret typed literally anywhere in a template, leaving {{variables}} as written', () => {
    const r = new Redaction(['s3cret-value']);
    const t = r.template({
      method: 'POST',
      url: '{{business_domain}}/api/v1/x?k=s3cret-value',
      headers: [{ key: 'x-k', value: 's3cret-value' }],
      body: { mode: 'json', json: '{"secret":"s3cret-value"}' },
    });
    expect(JSON.stringify(t)).not.toContain('s3cret-value');
    expect(t.url.startsWith('{{business_domain}}/api/v1/x?k=')).toBe(true);
  });
});
