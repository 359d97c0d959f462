import { readFile } from 'node:fs/promises';

/** Kinde's published Management API spec, downloaded when nothing else is available. */
export const KINDE_SPEC_URL = 'https://api-spec.kinde.com/kinde-management-api-spec.yaml';
export const HOW_TO_PROVIDE_SPEC =
  'Set KINDE_SPEC=/path/to/kinde-mgmt-api-specs.yaml (or an https URL) and restart, or upload a spec in Settings.';
const MAX_SPEC_BYTES = 20 * 1024 * 1024;

export const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** Reads a spec from a file path or an http(s) URL; throws an Error whose message says what failed. */
export async function readSpecSource(source: string, opts: { timeoutMs: number; fetch?: typeof fetch }): Promise<string> {
  if (!isUrl(source)) {
    try {
      return await readFile(source, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new Error(code === 'ENOENT' ? `no file at ${source}` : `cannot read ${source}: ${(err as Error).message}`);
    }
  }
  const doFetch = opts.fetch ?? fetch;
  let res: Response;
  try {
    res = await doFetch(source, { signal: AbortSignal.timeout(opts.timeoutMs), headers: { accept: 'application/yaml, application/json, text/plain' } });
  } catch (err) {
    const e = err as Error;
    const why = e.name === 'TimeoutError' ? `no answer within ${opts.timeoutMs / 1000}s` : ((e.cause as Error | undefined)?.message ?? e.message);
    throw new Error(`cannot download ${source}: ${why}`);
  }
  if (!res.ok) throw new Error(`cannot download ${source}: HTTP ${res.status}`);
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > MAX_SPEC_BYTES) throw new Error(`${source} is larger than ${MAX_SPEC_BYTES / 1024 / 1024} MB`);
  return readCapped(res, source);
}

// Chunk by chunk, so a server that streams without content-length cannot make us hold more than the cap.
async function readCapped(res: Response, source: string): Promise<string> {
  if (!res.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_SPEC_BYTES) {
      await reader.cancel().catch(() => {});
      throw new Error(`${source} is larger than ${MAX_SPEC_BYTES / 1024 / 1024} MB`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}
