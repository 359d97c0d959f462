import { describe, expect, it } from 'vitest';
import { RetryPolicy } from './retry-policy.ts';

const reset = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
const failed = (error: unknown, more: { answered?: boolean; timedOut?: boolean } = {}) => ({ error, answered: false, timedOut: false, ...more });

describe('RetryPolicy', () => {
  it('renews the token once after a 401 to a token it held', () => {
    const policy = new RetryPolicy();
    expect(policy.renewTokenAfter(401, true)).toBe(true);
    expect(policy.renewTokenAfter(401, true)).toBe(false);
  });

  it('does not renew after other statuses or without a token', () => {
    const policy = new RetryPolicy();
    expect(policy.renewTokenAfter(403, true)).toBe(false);
    expect(policy.renewTokenAfter(200, true)).toBe(false);
    expect(policy.renewTokenAfter(401, false)).toBe(false);
    expect(policy.renewTokenAfter(401, true)).toBe(true);
  });

  it('retries a GET or HEAD once after a reset connection', () => {
    const policy = new RetryPolicy();
    expect(policy.retryAfter(failed(reset), 'GET', undefined)).toBe(true);
    expect(policy.retryAfter(failed(reset), 'GET', undefined)).toBe(false);
    expect(new RetryPolicy().retryAfter(failed(reset), 'HEAD', undefined)).toBe(true);
  });

  it('never repeats a request that may have changed something, or one that got an answer', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) expect(new RetryPolicy().retryAfter(failed(reset), method, undefined)).toBe(false);
    expect(new RetryPolicy().retryAfter(failed(reset, { answered: true }), 'GET', undefined)).toBe(false);
  });

  it('does not retry a timeout, a cancelled send or another network failure', () => {
    expect(new RetryPolicy().retryAfter(failed(reset, { timedOut: true }), 'GET', undefined)).toBe(false);
    expect(new RetryPolicy().retryAfter(failed(reset), 'GET', AbortSignal.abort())).toBe(false);
    expect(new RetryPolicy().retryAfter(failed(refused), 'GET', undefined)).toBe(false);
  });

  it('keeps the two reasons apart: a token renewal leaves the reset retry available', () => {
    const policy = new RetryPolicy();
    expect(policy.renewTokenAfter(401, true)).toBe(true);
    expect(policy.retryAfter(failed(reset), 'GET', undefined)).toBe(true);
  });
});
