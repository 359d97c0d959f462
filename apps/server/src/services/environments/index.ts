export { createEnvironmentsService, BUSINESS_DOMAIN_KEY } from './environments-service.ts';
export { normaliseBusinessDomain, isLoopbackHostname } from './business-domain.ts';
export type { EnvironmentsService, ResolvedEnvironment } from './types.ts';
