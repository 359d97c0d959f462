// The request draft model (an editor tab's unsaved request) and the URL-query helpers live in
// core's model/, beside the collection model; imported file by file, since the package index
// would also pull zod into the first screen's bundle (see core-constants.ts).
export { draftTitle, newDraft, newRow, sentTexts, toRequestTemplate } from '../../../../packages/core/src/model/request-draft.ts';
export { parseQuery, rowsFromUrl, splitUrl, urlFromRows } from '../../../../packages/core/src/model/url-query.ts';
export type { BodyMode, KeyValueRow, RequestDraft } from '@kinde-explorer/core';
