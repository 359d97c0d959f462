import type { Context } from 'hono';
import type { AuditInput, AuditService } from '../services/audit/index.ts';
import { clientKey } from './client-address.ts';

/** Records an audit event by whoever is signed in on this request, from their address. Returns at once. */
export function audit(c: Context, log: AuditService, event: Omit<AuditInput, 'actor' | 'client'> & Partial<Pick<AuditInput, 'actor'>>): void {
  log.record({ actor: c.get('actor') ?? null, client: clientKey(c), ...event });
}
