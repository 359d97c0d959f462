import { Hono } from 'hono';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { createErrorHandler, notFoundHandler } from './errors.ts';
import { validate } from './validate.ts';

const errors: unknown[] = [];
const app = new Hono();
app.onError(createErrorHandler({ error: (obj) => void errors.push(obj), warn: (obj) => void errors.push(obj) }));
app.notFound(notFoundHandler);
app.post('/items', validate('json', z.object({ name: z.string(), count: z.number().int() })), (c) => c.json(c.req.valid('json')));
app.get('/boom', () => {
  throw new Error('database file path /secret/place');
});

const post = (body: string, type = 'application/json') => app.request('/items', { method: 'POST', body, headers: { 'content-type': type } });

describe('validate', () => {
  it('passes valid bodies through typed', async () => {
    const res = await post('{"name":"a","count":2}');
    expect(await res.json()).toEqual({ name: 'a', count: 2 });
  });

  it('names each wrong or missing field in one 400 answer', async () => {
    const res = await post('{"name":7}');
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.message).toBe('Invalid request body: name: Invalid input: expected string, received number; count: is required (number)');
    expect(body.error.details.issues.map((i: any) => i.path)).toEqual([['name'], ['count']]);
  });

  it('answers malformed JSON, a non-JSON content type and an empty body with invalid_json', async () => {
    for (const res of [await post('{"name":'), await post('name=a', 'application/x-www-form-urlencoded'), await post('')]) {
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).error.code).toBe('invalid_json');
    }
  });

  it('turns an unexpected exception into a 500 that leaks nothing, and logs it', async () => {
    const res = await app.request('/boom');
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: 'internal_error', message: 'Internal error; the server log has the details.' } });
    expect(errors).toHaveLength(1);
  });

  it('answers unknown routes in the same shape', async () => {
    const res = await app.request('/nowhere');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'No route for GET /nowhere.' } });
  });
});
