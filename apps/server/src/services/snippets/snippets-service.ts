import {
  generateSnippet,
  interpolateRequest,
  snippetTarget,
  tokenRequestSnippet,
  type RequestTemplate,
  type Result,
  type Snippet,
  type SnippetRequest,
  type SnippetTarget,
} from '@kinde-explorer/core';
import { apiError } from '../../errors.ts';
import type { EnvironmentsService } from '../environments/types.ts';
import type { ResolveForSend } from '../relay/resolve-for-send.ts';
import type { SnippetInput, SnippetView, TokenSnippetInput, TokenStyle } from './schemas.ts';
import { encodeUnsafe, readablePlaceholders, toSnippetRequest } from './snippet-request.ts';
import { CLIENT_ID_PLACEHOLDER, maskSecrets, snippetVariables, type SnippetVariables } from './snippet-variables.ts';

export interface ResolveOptions {
  /**
   * `error`: an unresolved variable is a 400 naming it, as `/api/send` answers.
   * `placeholder`: it becomes `<name>` (a share may outlive its environment).
   */
  unresolved: 'error' | 'placeholder';
}

/**
 * Resolves a request template for a snippet: plain variables get their values, secrets their
 * placeholders (`values` never holds a secret), and the result is what the relay would send.
 */
export function resolveForSnippet(template: RequestTemplate, values: Record<string, string>, opts: ResolveOptions): SnippetRequest {
  let resolved = interpolateRequest(template, values);
  if (!resolved.ok && resolved.code === 'unresolved_variable' && opts.unresolved === 'placeholder') {
    const filled = { ...values, ...Object.fromEntries(resolved.unresolved.filter((n) => !n.startsWith('$')).map((n) => [n, `<${n}>`])) };
    resolved = interpolateRequest(template, filled);
  }
  if (!resolved.ok) {
    if (resolved.code === 'variable_loop') throw apiError(400, 'variable_loop', `${resolved.errors.join('; ')}.`, { loop: resolved.loop });
    const names = resolved.unresolved.map((n) => `{{${n}}}`).join(', ');
    throw apiError(400, 'unresolved_variable', `Unresolved ${names}: add ${resolved.unresolved.length > 1 ? 'them' : 'it'} to the environment to get code for this request.`, {
      unresolved: resolved.unresolved,
    });
  }
  return toSnippetRequest(resolved.value);
}

/** Turns core's result into the route's answer, or a 400 saying why no code could be written. */
export function snippetView(result: Result<Snippet>): SnippetView {
  if (!result.ok) throw apiError(400, 'bad_request', `No code for this request: ${result.errors.join('; ')}.`);
  const { target, language, code, redacted } = result.value;
  return { target, label: snippetTarget(target)?.label ?? target, language, code: readablePlaceholders(code), redacted };
}

/** Code for a resolved request in one language; `secrets` are masked should any appear literally. */
export function requestSnippet(request: SnippetRequest, target: SnippetTarget, tokenStyle: TokenStyle, secrets: readonly string[]): SnippetView {
  return snippetView(generateSnippet({ ...request, url: encodeUnsafe(request.url) }, target, { tokenStyle, secrets }));
}

/** Snippets for the current request and for the token exchange, resolved on the server. */
export function createSnippetsService(deps: { environments: EnvironmentsService; resolveForSend: ResolveForSend }) {
  const varsOf = (id: string): Promise<SnippetVariables> => snippetVariables(deps.environments, id);
  return {
    /** `POST /api/snippets`: the editor's request in one language, secrets as placeholders. */
    async forRequest(input: SnippetInput): Promise<SnippetView> {
      // The variables a send would use (environment over collection), each secret as its placeholder.
      const resolved = await deps.resolveForSend(input.environmentId, input.collectionId);
      const vars = maskSecrets(await deps.environments.get(input.environmentId), resolved);
      const request = resolveForSnippet(input.request, vars.values, { unresolved: 'error' });
      return requestSnippet(request, input.target, input.tokenStyle ?? 'placeholder', vars.secretValues);
    },

    /** `POST /api/snippets/token`: the client-credentials exchange, `<m2m_client_secret>` for the secret. */
    async forToken(input: TokenSnippetInput): Promise<SnippetView> {
      const vars = await varsOf(input.environmentId);
      if (!vars.businessDomain) {
        throw apiError(400, 'missing_business_domain', `The environment "${vars.environmentName}" has no business_domain, so there is no token URL to write.`);
      }
      const clientId = vars.values.client_id?.trim() || CLIENT_ID_PLACEHOLDER;
      return snippetView(tokenRequestSnippet(vars.businessDomain, clientId, input.target, { secrets: vars.secretValues }));
    },

    variables: varsOf,
  };
}

export type SnippetsService = ReturnType<typeof createSnippetsService>;
