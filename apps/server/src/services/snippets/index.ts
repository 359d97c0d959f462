export * from './schemas.ts';
export { createSnippetsService, requestSnippet, resolveForSnippet, type SnippetsService } from './snippets-service.ts';
export { snippetVariables, secretPlaceholder, type SnippetVariables } from './snippet-variables.ts';
