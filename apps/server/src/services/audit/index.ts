export { createAuditService, type Actor, type AuditInput, type AuditService } from './audit-service.ts';
export { AUDIT_ACTIONS, auditEventSchema, auditQuerySchema, type AuditAction, type AuditDetail, type AuditEvent, type AuditFilter } from './schemas.ts';
