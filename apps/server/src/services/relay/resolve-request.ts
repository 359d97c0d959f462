import { interpolateRequest, type RequestTemplate } from '@kinde-explorer/core';
import { apiError } from '../../errors.ts';
import type { ResolvedEnvironment } from '../environments/types.ts';
import { credentialsFor, requireBusinessDomain } from '../token/credentials.ts';
import type { TokenCredentials } from '../token/token-cache.ts';
import { checkTarget } from './check-target.ts';
import { outgoingRequest, type OutgoingRequest } from './outgoing-request.ts';
import { appendQuery } from './upstream-body.ts';

/** A send ready for its attempts: where it goes, what it carries, and how it is authorised. */
export interface ResolvedRequest {
  method: RequestTemplate['method'];
  /** The checked target: its origin is the environment's business_domain. */
  url: URL;
  outgoing: OutgoingRequest;
  /** The M2M credentials when the token is used. */
  credentials: TokenCredentials | undefined;
}

/**
 * Step 1 of a send: fills the template's `{{variables}}` from the environment, locks the target
 * to its business_domain and builds headers and body. Every failure is a 400 before any byte
 * (or token request) leaves the server.
 */
export function resolveRequest(template: RequestTemplate, env: ResolvedEnvironment): ResolvedRequest {
  const businessDomain = requireBusinessDomain(env);
  // The normalised origin, whatever spelling was stored, so `{{business_domain}}/api/...` always parses.
  const resolved = interpolateRequest(template, { ...env.variables, business_domain: businessDomain });
  if (!resolved.ok) {
    if (resolved.code === 'variable_loop') throw apiError(400, 'variable_loop', `${capitalise(resolved.errors.join('; '))}.`, { loop: resolved.loop });
    const names = resolved.unresolved.map((n) => `{{${n}}}`).join(', ');
    const plural = resolved.unresolved.length > 1;
    throw apiError(
      400,
      'unresolved_variable',
      `Unresolved variable${plural ? 's' : ''} ${names}: add ${plural ? 'them' : 'it'} to the environment "${env.name}" or the request.`,
      { unresolved: resolved.unresolved },
    );
  }
  const request = resolved.value;
  const url = checkTarget(appendQuery(request.url, request.query), businessDomain);
  const usesToken = (request.auth ?? 'kinde-m2m') === 'kinde-m2m';
  const credentials = usesToken ? credentialsFor(env) : undefined;
  return { method: request.method, url, outgoing: outgoingRequest(request), credentials };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
