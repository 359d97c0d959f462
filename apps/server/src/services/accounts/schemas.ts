import { z } from 'zod';
import { roleSchema } from '../auth/roles.ts';

/** Lower-cased, so `Ann@Example.com` and `ann@example.com` are one account. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'an email address has at most 254 characters')
  .pipe(z.email('enter an email address, e.g. ann@example.com'));

/** Long enough to resist guessing at the sign-in's rate limit; no composition rules (NIST 800-63B). */
export const newPasswordSchema = z
  .string()
  .min(10, 'choose a password of at least 10 characters')
  .max(1024, 'a password has at most 1024 characters');

export const nameSchema = z.string().trim().min(1, 'enter a name people will recognise').max(100);

/** The first owner, created in the browser with the set-up code the server printed at start. */
export const ownerSetupSchema = z.object({
  setupCode: z.string().trim().min(1, 'enter the set-up code from the server log').max(1024),
  email: emailSchema,
  name: nameSchema,
  password: newPasswordSchema,
});
export type OwnerSetup = z.infer<typeof ownerSetupSchema>;

/** Invite links expire after this many hours unless the owner picks otherwise (at most a week). */
export const DEFAULT_INVITE_HOURS = 72;

export const inviteCreateSchema = z.object({
  email: emailSchema,
  role: roleSchema,
  expiresInHours: z.number().int().min(1, 'an invite lasts at least an hour').max(168, 'an invite lasts at most 7 days (168 hours)').default(DEFAULT_INVITE_HOURS),
});
export type InviteCreate = z.infer<typeof inviteCreateSchema>;

/** An invite link's token: 256 random bits, base64url. */
export const inviteTokenSchema = z.string().trim().regex(/^[A-Za-z0-9_-]{43}$/, 'this invite link is incomplete: copy the whole link');

export const inviteAcceptSchema = z.object({
  token: inviteTokenSchema,
  name: nameSchema,
  password: newPasswordSchema,
});
export type InviteAccept = z.infer<typeof inviteAcceptSchema>;

export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1, 'enter your current password').max(1024),
  newPassword: newPasswordSchema,
});

export const roleChangeSchema = z.object({ role: roleSchema });

export const memberViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  createdAt: z.string(),
});
export type MemberView = z.infer<typeof memberViewSchema>;

export const inviteViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  invitedBy: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  state: z.enum(['pending', 'used', 'expired', 'revoked']),
});
export type InviteView = z.infer<typeof inviteViewSchema>;
