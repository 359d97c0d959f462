// core's assertion and capture schemas, file by file: the package index would also pull the
// catalog, importers and snippets into the Tests editor's chunk (see core-request-draft.ts).
export { assertionSchema, captureSchema } from '../../../../packages/core/src/model/tests.ts';
