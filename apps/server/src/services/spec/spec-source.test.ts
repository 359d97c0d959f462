import { describe, expect, it } from 'vitest';
import { readSpecSource } from './spec-source.ts';

describe('readSpecSource over http', () => {
  it('stops reading a body without content-length once it passes 20 MB, instead of buffering all of it', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024 * 1024).fill(0x61));
      },
    });
    const fakeFetch = (async () => new Response(endless, { status: 200 })) as typeof fetch;
    await expect(readSpecSource('https://spec.example/spec.yaml', { timeoutMs: 5_000, fetch: fakeFetch })).rejects.toThrow(/larger than 20 MB/);
    expect(pulled).toBeLessThan(25);
  });

  it('reads a normal body as text', async () => {
    const fakeFetch = (async () => new Response('openapi: 3.0.0\n', { status: 200 })) as typeof fetch;
    expect(await readSpecSource('https://spec.example/spec.yaml', { timeoutMs: 5_000, fetch: fakeFetch })).toBe('openapi: 3.0.0\n');
  });
});
