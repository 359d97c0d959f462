/** The part of a zod schema this needs (web does not depend on zod itself). */
interface RowSchema {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/** The first problem per field of a row, by field name, as core's schema words it. */
export function rowIssues(schema: RowSchema, row: object): Record<string, string | undefined> {
  const parsed = schema.safeParse(row);
  if (parsed.success) return {};
  const out: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    out[field] ??= issue.message;
  }
  return out;
}

export function RowError({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <span className="tests-error" role="alert">
      {text}
    </span>
  );
}
