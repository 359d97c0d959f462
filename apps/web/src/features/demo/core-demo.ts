/*
 * The masking functions from packages/core, imported from their own file rather than from
 * '@kinde-explorer/core', whose index would pull zod, httpsnippet and js-yaml into the bundle
 * (see features/catalog/core-catalog.ts for the same choice).
 */
export { MASK, maskPersonalData, maskPersonalDataInText } from '../../../../../packages/core/src/demo/mask-personal-data.ts';
