// One id generator for tabs and table rows, shared with core's draft model (which makes row ids).
export { newId } from '../../../../packages/core/src/model/new-id.ts';
