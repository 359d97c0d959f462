import { describe, expect, it } from 'vitest';
import type { ExchangedToken } from './exchange-token.ts';
import { TokenCache, type TokenCredentials } from './token-cache.ts';

const creds: TokenCredentials = { businessDomain: 'https://x.kinde.com', clientId: 'id', clientSecret: 'secret' };

function counter(lifeMs = 3_600_000, clock = () => Date.now()) {
  let calls = 0;
  const exchange = async (): Promise<ExchangedToken> => {
    calls += 1;
    const n = calls;
    await new Promise((r) => setTimeout(r, 10));
    return { accessToken: `token-${n}`, claims: {}, scopes: [], expiresAt: clock() + lifeMs };
  };
  return { exchange, calls: () => calls };
}

describe('TokenCache', () => {
  it('shares one exchange among concurrent callers on a cold cache', async () => {
    const ex = counter();
    const cache = new TokenCache({ exchange: ex.exchange });
    const leases = await Promise.all(Array.from({ length: 100 }, () => cache.get('env', creds)));
    expect(ex.calls()).toBe(1);
    expect(new Set(leases.map((l) => l.token.accessToken))).toEqual(new Set(['token-1']));
    expect((await cache.get('env', creds)).cached).toBe(true);
  });

  it('renews a minute before expiry', async () => {
    let now = 1_000_000;
    const ex = counter(3_600_000, () => now);
    const cache = new TokenCache({ exchange: ex.exchange, now: () => now });
    await cache.get('env', creds);
    now += 3_600_000 - 61_000;
    expect((await cache.get('env', creds)).token.accessToken).toBe('token-1');
    now += 2_000;
    expect((await cache.get('env', creds)).token.accessToken).toBe('token-2');
  });

  it('still caches a short-lived token for most of its life', async () => {
    let now = 0;
    const ex = counter(10_000, () => now);
    const cache = new TokenCache({ exchange: ex.exchange, now: () => now });
    await cache.get('env', creds);
    now = 8_000;
    expect((await cache.get('env', creds)).cached).toBe(true);
    now = 9_500;
    expect((await cache.get('env', creds)).cached).toBe(false);
  });

  it('does not reuse a token after the credentials change', async () => {
    const ex = counter();
    const cache = new TokenCache({ exchange: ex.exchange });
    await cache.get('env', creds);
    const lease = await cache.get('env', { ...creds, clientSecret: 'rotated' });
    expect(lease.token.accessToken).toBe('token-2');
    expect(lease.cached).toBe(false);
  });

  it('reuses the token for equal credentials built afresh on each send, not for another client id or domain', async () => {
    const ex = counter();
    const cache = new TokenCache({ exchange: ex.exchange });
    await cache.get('env', { ...creds });
    expect((await cache.get('env', { ...creds })).cached).toBe(true);
    expect((await cache.get('env', { ...creds, clientId: 'other' })).cached).toBe(false);
    expect((await cache.get('env', { ...creds, clientId: 'other', businessDomain: 'https://y.kinde.com' })).cached).toBe(false);
    expect(ex.calls()).toBe(3);
  });

  it('keeps environments apart', async () => {
    const ex = counter();
    const cache = new TokenCache({ exchange: ex.exchange });
    await cache.get('a', creds);
    await cache.get('b', creds);
    expect(ex.calls()).toBe(2);
  });

  it('does not remember a failed exchange', async () => {
    let fail = true;
    const cache = new TokenCache({
      exchange: async () => {
        if (fail) throw new Error('kinde down');
        return { accessToken: 't', claims: {}, scopes: [], expiresAt: Date.now() + 3_600_000 };
      },
    });
    await expect(cache.get('env', creds)).rejects.toThrow('kinde down');
    fail = false;
    expect((await cache.get('env', creds)).token.accessToken).toBe('t');
  });

  it('invalidates a stale token only once for many callers that saw it fail', async () => {
    const ex = counter();
    const cache = new TokenCache({ exchange: ex.exchange });
    const { token } = await cache.get('env', creds);
    const again = await Promise.all(
      Array.from({ length: 20 }, async () => {
        cache.invalidate('env', token.accessToken);
        return cache.get('env', creds);
      }),
    );
    expect(ex.calls()).toBe(2);
    expect(new Set(again.map((l) => l.token.accessToken))).toEqual(new Set(['token-2']));
    // A later invalidate naming the old token leaves the new one alone.
    cache.invalidate('env', token.accessToken);
    expect((await cache.get('env', creds)).cached).toBe(true);
  });

  it('lets one caller stop waiting without cancelling the shared exchange', async () => {
    const ex = counter();
    const cache = new TokenCache({ exchange: ex.exchange });
    const controller = new AbortController();
    const first = cache.get('env', creds, controller.signal);
    const second = cache.get('env', creds);
    controller.abort();
    await expect(first).rejects.toThrow();
    expect((await second).token.accessToken).toBe('token-1');
    expect(ex.calls()).toBe(1);
  });

  it('forgets a token on invalidate', async () => {
    const ex = counter();
    const cache = new TokenCache({ exchange: ex.exchange });
    await cache.get('env', creds);
    cache.invalidate('env');
    expect((await cache.get('env', creds)).cached).toBe(false);
  });
});
