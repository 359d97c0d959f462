import type { IncomingMessage } from 'node:http';
import type { OidcState } from './oidc/oidc-state.ts';
import type { OpenApiDoc } from './spec/load-spec.ts';
import type { SigningKey } from './token/signing-key.ts';
import type { Store } from './store/store.ts';

/** Everything the routes of one sandbox share. */
export interface SandboxContext {
  clientId: string;
  clientSecret: string;
  grantedScopes: string[];
  tokenTtlSeconds: number;
  doc: OpenApiDoc | null;
  key: SigningKey;
  store: Store;
  /** Sign-in (OpenID Connect): the web application, open sign-in pages, issued codes. */
  oidc: OidcState;
}

/** Hono env: node-server puts the raw request in `env.incoming`; auth fills the variables. */
export type AppEnv = {
  Bindings: { incoming?: IncomingMessage };
  Variables: { scopes: Set<string>; clientId: string };
};

/** The origin a request was addressed to; it is the issuer and `{origin}/api` the audience. */
export function originOf(url: string): string {
  return new URL(url).origin;
}
