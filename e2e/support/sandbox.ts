import { createServer } from 'node:net';
import { startSandbox, type Faults, type Sandbox } from '@kinde-explorer/kinde-mock';

/** The sandbox the explorer server started (the pre-created "Kinde sandbox" environment). */
export const sharedSandboxUrl = (): string => {
  const url = process.env.E2E_SANDBOX_URL;
  if (!url) throw new Error('E2E_SANDBOX_URL is not set (playwright.config.ts sets it)');
  return url;
};

/** Sets fault knobs on the shared sandbox through its control endpoint. */
export async function setSharedFaults(faults: Partial<Faults>): Promise<void> {
  const res = await fetch(`${sharedSandboxUrl()}/__sandbox/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  if (!res.ok) throw new Error(`setting sandbox faults failed: ${res.status} ${await res.text()}`);
}

export async function clearSharedFaults(): Promise<void> {
  await setSharedFaults({ latencyMs: 0, status: null, reset: false, largeBodyBytes: null, invalidJson: false, pathPrefix: null });
}

/** A second sandbox in this process, e.g. one whose client has only some scopes. */
export async function startExtraSandbox(options: Parameters<typeof startSandbox>[0] = {}): Promise<Sandbox> {
  return startSandbox({ port: 0, host: '127.0.0.1', spec: process.env.KINDE_SPEC, ...options });
}

/** A loopback port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
