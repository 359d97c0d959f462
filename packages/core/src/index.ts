export * from './model/variable.ts';
export * from './model/environment.ts';
export * from './model/request.ts';
export * from './model/tests.ts';
export * from './model/send.ts';
export * from './model/error.ts';
export * from './model/versioned.ts';
export * from './model/collection-variable.ts';
export * from './model/collection-item.ts';
export * from './model/collection-doc.ts';
export * from './model/collection-tree.ts';
export * from './model/new-id.ts';
export * from './model/request-draft-schema.ts';
export * from './model/request-draft.ts';
export * from './model/url-query.ts';
export * from './result.ts';
export * from './openapi/types.ts';
export * from './openapi/parse-spec.ts';
export * from './openapi/dereference.ts';
export * from './interpolation/tokens.ts';
export * from './interpolation/dynamic-variables.ts';
export * from './interpolation/interpolate.ts';
export * from './interpolation/interpolate-request.ts';
export * from './interpolation/redact.ts';
export * from './catalog/catalog-schema.ts';
export * from './catalog/operations.ts';
export * from './catalog/scope.ts';
export * from './catalog/build-catalog.ts';
export * from './catalog/operation-detail.ts';
export * from './catalog/schema-sample.ts';
export * from './catalog/build-request.ts';
export * from './catalog/search.ts';
export * from './catalog/request-label.ts';
export * from './catalog/draft-from-operation.ts';
export * from './io/import-result.ts';
export { BUSINESS_DOMAIN_VAR, TOKEN_URL_TEMPLATE, AUDIENCE_TEMPLATE, replaceKindeOrigin, isTokenUrl } from './io/kinde-origin.ts';
export * from './io/detect-format.ts';
export { importPostmanCollection } from './io/postman/import-collection.ts';
export { importPostmanEnvironment } from './io/postman/import-environment.ts';
export {
  exportPostmanCollection,
  exportPostmanRequest,
  kindeM2mPostmanAuth,
  POSTMAN_COLLECTION_SCHEMA_URL,
  type PostmanCollection,
  type PostmanItem,
  type PostmanAuth,
} from './io/postman/export-collection.ts';
export * from './io/postman/export-environment.ts';
export * from './io/postman/assertion-code.ts';
export { exportEvents, importScripts, eventScript, type PostmanEvent } from './io/postman/postman-events.ts';
export { parseCurl } from './io/curl/parse-curl.ts';
export { toCurl, DEFAULT_TOKEN_PLACEHOLDER, type ToCurlOptions } from './io/curl/to-curl.ts';
export { importOpenApi } from './io/openapi-import.ts';
export * from './snippets/snippet-targets.ts';
export type { SnippetRequest } from './snippets/to-har.ts';
export * from './snippets/generate-snippet.ts';
export * from './demo/mask-personal-data.ts';
