/*
 * The ten languages, from packages/core's own file (it imports nothing), not from the
 * '@kinde-explorer/core' index, which would pull zod and httpsnippet into the browser bundle.
 */
export { SNIPPET_TARGETS, type SnippetTarget } from '../../../../../packages/core/src/snippets/snippet-targets.ts';
