import { z } from 'zod';
import { variableInputSchema, variableViewSchema } from './variable.ts';

export const environmentCreateSchema = z.object({
  name: z.string().trim().min(1, 'an environment needs a name').max(200),
  variables: z.array(variableInputSchema).max(500).default([]),
});
export type EnvironmentCreate = z.infer<typeof environmentCreateSchema>;

export const environmentUpdateSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  /** When given, replaces the variable list; secrets sent with a null value keep their stored value. */
  variables: z.array(variableInputSchema).max(500).optional(),
});
export type EnvironmentUpdate = z.infer<typeof environmentUpdateSchema>;

export const environmentViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  variables: z.array(variableViewSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EnvironmentView = z.infer<typeof environmentViewSchema>;
