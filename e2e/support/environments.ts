import type { APIRequestContext } from '@playwright/test';

export interface EnvironmentSeed {
  name: string;
  businessDomain: string;
  clientId: string;
  clientSecret: string;
}

/** Creates an environment through the server API (for specs whose subject is not creating one). */
export async function createEnvironment(request: APIRequestContext, seed: EnvironmentSeed): Promise<string> {
  const res = await request.post('/api/environments', {
    data: {
      name: seed.name,
      variables: [
        { key: 'business_domain', value: seed.businessDomain },
        { key: 'client_id', value: seed.clientId },
        { key: 'client_secret', value: seed.clientSecret, secret: true },
      ],
    },
  });
  if (res.status() !== 201) throw new Error(`creating environment failed: ${res.status()} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** A name no earlier run used, so specs never see each other's environments. */
export function uniqueName(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
}
