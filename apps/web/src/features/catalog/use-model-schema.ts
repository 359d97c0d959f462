import { useEffect } from 'react';

/**
 * Associates a JSON Schema with the Monaco model at `path` while the component is mounted. The
 * registry talks to Monaco, so it is imported lazily: Monaco stays out of the first screen.
 */
export function useModelSchema(path: string, schema: object | undefined): void {
  useEffect(() => {
    if (!schema) return;
    let undo: (() => void) | undefined;
    let cancelled = false;
    void import('./json-schema-registry.ts').then(({ setModelSchema }) => {
      if (!cancelled) undo = setModelSchema(path, schema);
    });
    return () => {
      cancelled = true;
      undo?.();
    };
  }, [path, schema]);
}
