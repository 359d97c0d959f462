export * from './schemas.ts';
export { createSharesService, newShareId, sharePath, type SharesService, type SharesDeps } from './shares-service.ts';
export { MAX_SHARED_BODY_CHARS, REDACTED, sanitizeShareRequest, sanitizeShareResponse, shareScrubber } from './sanitize-share.ts';
