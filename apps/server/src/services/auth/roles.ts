import { z } from 'zod';

/**
 * Who may do what: a viewer sees and sends saved requests, an editor changes everything, an owner
 * is an editor who also manages the members and reads the audit log.
 */
export const roleSchema = z.enum(['viewer', 'editor', 'owner']);
export type Role = z.infer<typeof roleSchema>;

const RANK: Record<Role, number> = { viewer: 1, editor: 2, owner: 3 };

/** Whether `role` is at least `needed`. */
export function hasRole(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}
