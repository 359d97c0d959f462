import { z } from 'zod';

/** Who may do what: an editor everything, a viewer sees and sends saved requests only. */
export const roleSchema = z.enum(['viewer', 'editor']);
export type Role = z.infer<typeof roleSchema>;

const RANK: Record<Role, number> = { viewer: 1, editor: 2 };

/** Whether `role` is at least `needed`. */
export function hasRole(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}
