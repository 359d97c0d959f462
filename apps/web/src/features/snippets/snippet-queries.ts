import { queryOptions } from '@tanstack/react-query';
import type { RequestTemplate } from '@kinde-explorer/core';
import { client, unwrap } from '../../lib/api-client.ts';
import type { SnippetTarget } from './snippet-targets.ts';
import type { TokenStyle } from './snippets-slice.ts';

/** What code is wanted for: the editor's request, the environment's token exchange, or a share. */
export type SnippetSource =
  | { kind: 'request'; environmentId: string; request: RequestTemplate; collectionId?: string }
  | { kind: 'token'; environmentId: string }
  | { kind: 'share'; shareId: string };

export interface SnippetCode {
  target: SnippetTarget;
  label: string;
  language: string;
  code: string;
  redacted: boolean;
}

function sourceKey(source: SnippetSource): readonly unknown[] {
  switch (source.kind) {
    case 'request':
      return ['request', source.environmentId, source.collectionId ?? null, JSON.stringify(source.request)];
    case 'token':
      return ['token', source.environmentId];
    case 'share':
      return ['share', source.shareId];
  }
}

/**
 * Code is generated on the server: only it knows the variables' values, and it writes secrets
 * as placeholders, so the browser never sees one.
 */
export const snippetQuery = (source: SnippetSource, target: SnippetTarget, tokenStyle: TokenStyle) =>
  queryOptions({
    queryKey: ['snippets', ...sourceKey(source), target, tokenStyle] as const,
    queryFn: async (): Promise<SnippetCode> => {
      switch (source.kind) {
        case 'request':
          return (await unwrap(client.api.snippets.$post({ json: { environmentId: source.environmentId, request: source.request, collectionId: source.collectionId, target, tokenStyle } }))) as SnippetCode;
        case 'token':
          return (await unwrap(client.api.snippets.token.$post({ json: { environmentId: source.environmentId, target } }))) as SnippetCode;
        case 'share':
          return (await unwrap(client.api.shares[':id'].snippet.$post({ param: { id: source.shareId }, json: { target, tokenStyle } }))) as SnippetCode;
      }
    },
    // The environment may change between openings; the dialog asks again each time.
    staleTime: 0,
    retry: false,
  });
