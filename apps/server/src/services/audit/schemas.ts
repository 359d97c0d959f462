import { z } from 'zod';

/** Everything the audit log records; each action's `detail` fields are listed in docs/team-server.md. */
export const AUDIT_ACTIONS = [
  'auth.sign_in',
  'auth.sign_out',
  'auth.sign_out_everywhere',
  'auth.password_changed',
  'auth.owner_created',
  'member.invited',
  'member.joined',
  'member.removed',
  'member.role_changed',
  'invite.revoked',
  'environment.created',
  'environment.updated',
  'environment.deleted',
  'environment.imported',
  'collection.created',
  'collection.updated',
  'collection.deleted',
  'collection.restored',
  'request.saved',
  'request.deleted',
  'send',
  'run.started',
  'share.created',
  'share.revoked',
] as const;
export const auditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof auditActionSchema>;

/** Detail values are names, numbers and flags only: there is no field a value or body could go in. */
const detailValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
export const auditDetailSchema = z.record(z.string(), detailValue);
export type AuditDetail = z.infer<typeof auditDetailSchema>;

export const auditEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  action: auditActionSchema,
  outcome: z.enum(['success', 'failure']),
  /** Null when nobody was signed in (a failed sign-in) or for a shared-password session. */
  actor: z.object({ id: z.string().nullable(), email: z.string().nullable(), role: z.string().nullable() }),
  /** The client's address as the server saw it (the proxy's, behind one). */
  client: z.string().nullable(),
  environment: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  /** What was acted on: a member's email, a share's title, a request's method and path. */
  target: z.string().nullable(),
  detail: auditDetailSchema,
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v), z.array(item).max(AUDIT_ACTIONS.length));
const isoTime = z.string().trim().pipe(z.iso.datetime({ offset: true, message: 'use an ISO time, e.g. 2026-01-31T09:00:00Z' }));

/** `GET /api/audit` query: filters combine with AND; newest first, paged with `before`. */
export const auditQuerySchema = z.object({
  action: csv(auditActionSchema).optional(),
  /** An account id or email (as recorded). */
  actor: z.string().trim().min(1).max(254).optional(),
  outcome: z.enum(['success', 'failure']).optional(),
  environmentId: z.string().trim().min(1).max(100).optional(),
  since: isoTime.optional(),
  until: isoTime.optional(),
  before: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
export type AuditFilter = Omit<AuditQuery, 'before' | 'limit'>;
