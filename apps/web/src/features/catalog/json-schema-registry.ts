// Loaded only from the lazy Monaco chunk (code-editor.tsx): importing it elsewhere would pull
// Monaco into the first screen.
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';

/*
 * Monaco's JSON language takes one global list of schemas, each matched to models by file pattern.
 * Every body editor registers its model's schema here under its model path (unique per tab), and the
 * whole list is handed to Monaco again on each change.
 */
const schemas = new Map<string, object>();

function apply(): void {
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    // Schemas come from the loaded spec; Monaco must never fetch one (the CSP would refuse anyway).
    enableSchemaRequest: false,
    schemas: [...schemas].map(([path, schema]) => ({
      uri: `inmemory://kinde-explorer/schemas/${encodeURIComponent(path)}`,
      // Matched as `**/<path>` against the model URI that @monaco-editor/react builds from `path`.
      fileMatch: [path.replace(/^\/+/, '')],
      schema,
    })),
  });
}

/** Gives the JSON model at `path` a schema (property/enum completion, validation, hover); returns the undo. */
export function setModelSchema(path: string, schema: object): () => void {
  schemas.set(path, schema);
  apply();
  return () => {
    if (schemas.get(path) !== schema) return;
    schemas.delete(path);
    apply();
  };
}
