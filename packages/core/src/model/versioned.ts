import type { z } from 'zod';
import { err, ok, type Result } from '../result.ts';

/**
 * Versioned stored formats, after hoppscotch-data: each version is a zod schema plus `up()`, which
 * turns the previous version's value into this one. Reading old data parses it with its own
 * version's schema and runs the `up()`s in order, so nothing written before is ever refused.
 */
export interface VersionDef<Previous, T> {
  schema: z.ZodType<T>;
  up: (previous: Previous) => T;
}

/** Declares version n+1 of a format from version n (types checked at the definition). */
export function defineVersion<Previous, T>(def: VersionDef<Previous, T>): VersionDef<Previous, T> {
  return def;
}

export interface VersionedFormat<Latest> {
  /** The version written today. */
  latest: number;
  /** Validates data of any known version and migrates it to the latest one. */
  parse(data: unknown): Result<Latest>;
}

/**
 * A format whose version 0 is `initial` and version i (i ≥ 1) is `versions[i - 1]`. `getVersion`
 * reads the version a value says it has (0 when it says none); a newer version than this build
 * knows is an error that says so instead of a silent partial read.
 */
export function versionedFormat<Latest>(opts: {
  name: string;
  initial: z.ZodType<unknown>;
  versions: readonly VersionDef<never, unknown>[];
  getVersion: (data: unknown) => number | null;
}): VersionedFormat<Latest> {
  const latest = opts.versions.length;
  const schemaOf = (v: number) => (v === 0 ? opts.initial : opts.versions[v - 1]!.schema);
  return {
    latest,
    parse(data) {
      const version = opts.getVersion(data);
      if (version === null || !Number.isInteger(version) || version < 0) return err(`not a ${opts.name}: its version is not a whole number`);
      if (version > latest) {
        return err(`this ${opts.name} has format version ${version}, newer than this explorer reads (up to ${latest}): update the explorer and try again`);
      }
      const parsed = schemaOf(version).safeParse(data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
        return err(`not a valid ${opts.name} (version ${version})${where}: ${issue?.message ?? 'invalid'}`);
      }
      let value: unknown = parsed.data;
      for (let v = version + 1; v <= latest; v++) value = (opts.versions[v - 1]!.up as (p: unknown) => unknown)(value);
      return ok(value as Latest);
    },
  };
}
