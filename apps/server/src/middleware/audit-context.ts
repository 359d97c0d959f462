import type { Context } from 'hono';
import type { AuditInput, AuditService } from '../services/audit/index.ts';
import { clientKey } from './client-address.ts';

type AuditEvent = Omit<AuditInput, 'actor' | 'client'> & Partial<Pick<AuditInput, 'actor'>>;

/**
 * Records an audit event by whoever is signed in on this request, from their address. Returns at
 * once. `event` may be a function, called only when the log is on (sign-in off: a send builds nothing).
 */
export function audit(c: Context, log: Pick<AuditService, 'enabled' | 'record'>, event: AuditEvent | (() => AuditEvent)): void {
  if (!log.enabled) return;
  log.record({ actor: c.get('actor') ?? null, client: clientKey(c), ...(typeof event === 'function' ? event() : event) });
}
