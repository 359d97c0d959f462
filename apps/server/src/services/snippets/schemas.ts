import { z } from 'zod';
import { requestTemplateSchema, SNIPPET_TARGETS, type SnippetTarget } from '@kinde-explorer/core';

const targetIds = SNIPPET_TARGETS.map((t) => t.id) as [SnippetTarget, ...SnippetTarget[]];

export const snippetTargetSchema = z.enum(targetIds);
/** `placeholder`: `Bearer <m2m_access_token>`; `env`: the token is read from `$KINDE_M2M_TOKEN`. */
export const tokenStyleSchema = z.enum(['placeholder', 'env']);
export type TokenStyle = z.infer<typeof tokenStyleSchema>;

export const snippetInputSchema = z.object({
  environmentId: z.string().min(1).max(100),
  /** The request as in the editor, `{{variables}}` unexpanded: the server resolves them. */
  request: requestTemplateSchema,
  target: snippetTargetSchema,
  tokenStyle: tokenStyleSchema.optional(),
  /** The saved request's collection: its enabled variables fill what the environment lacks. */
  collectionId: z.string().max(100).optional(),
});
export type SnippetInput = z.infer<typeof snippetInputSchema>;

export const tokenSnippetInputSchema = z.object({
  environmentId: z.string().min(1).max(100),
  target: snippetTargetSchema,
});
export type TokenSnippetInput = z.infer<typeof tokenSnippetInputSchema>;

export const snippetViewSchema = z.object({
  target: snippetTargetSchema,
  /** As Kinde's docs name the language, e.g. `Node.js`. */
  label: z.string(),
  /** Editor language id for highlighting, e.g. `python`. */
  language: z.string(),
  code: z.string(),
  /** True when a secret typed literally into the request was replaced by `<redacted>`. */
  redacted: z.boolean(),
});
export type SnippetView = z.infer<typeof snippetViewSchema>;

export const snippetTargetListSchema = z.object({
  targets: z.array(z.object({ id: snippetTargetSchema, label: z.string(), language: z.string() })),
});
