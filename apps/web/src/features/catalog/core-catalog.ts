/*
 * The catalog helpers the browser needs, imported from their own files in packages/core rather
 * than from '@kinde-explorer/core': that index also exports zod schemas, httpsnippet and js-yaml,
 * whose module-level code the bundler must keep, adding ~150 KB gzip to the first screen. These
 * files import types only. core-catalog.test.ts checks they are the same functions core exports.
 */
export { buildSearchIndex, search, type SearchIndex } from '../../../../../packages/core/src/catalog/search.ts';
export { draftFromOperation } from '../../../../../packages/core/src/catalog/draft-from-operation.ts';
export { kindeHostOf, requestLabel, type RequestLabel } from '../../../../../packages/core/src/catalog/request-label.ts';
export {
  applyPathParams,
  buildRequestFromOperation,
  findPathParams,
  BASE_URL_VARIABLE,
} from '../../../../../packages/core/src/catalog/build-request.ts';
export type { OperationDetail, OperationSummary, ParameterDetail, PathParam } from '@kinde-explorer/core';
