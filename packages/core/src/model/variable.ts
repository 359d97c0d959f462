import { z } from 'zod';

/** Variable keys are identifiers usable inside `{{key}}`. */
export const variableKeySchema = z
  .string()
  .min(1, 'a variable needs a key')
  .max(128)
  .regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, 'keys use letters, digits, _ . - and start with a letter or _');

/** A variable as written by a client: secret values are write-only. */
export const variableInputSchema = z.object({
  key: variableKeySchema,
  /** `null`/omitted on update of a secret keeps the stored value. */
  value: z.string().max(65_536).nullable().optional(),
  secret: z.boolean().optional(),
  enabled: z.boolean().optional(),
});
export type VariableInput = z.infer<typeof variableInputSchema>;

/** A variable as read back: a secret has `value: null` and `hasValue`. */
export const variableViewSchema = z.object({
  key: z.string(),
  value: z.string().nullable(),
  secret: z.boolean(),
  enabled: z.boolean(),
  hasValue: z.boolean(),
});
export type VariableView = z.infer<typeof variableViewSchema>;

/** Keys that are always treated as secrets, whatever the client says. */
export const ALWAYS_SECRET_KEYS: ReadonlySet<string> = new Set(['client_secret']);
