export { createSpecService, SPEC_CACHE_FILE, type SpecServiceOptions } from './spec-service.ts';
export { HOW_TO_PROVIDE_SPEC, KINDE_SPEC_URL } from './spec-source.ts';
export { specStatusSchema, type SpecService, type SpecStatus, type SpecState } from './types.ts';
