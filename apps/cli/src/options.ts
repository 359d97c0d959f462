import { InputError } from './input-error.ts';

/** `run` options as commander parses them (newman's names). */
export interface RunOptions {
  environment?: string;
  iterationData?: string;
  iterationCount?: string;
  folder?: string;
  bail?: boolean;
  delayRequest?: string;
  timeoutRequest?: string;
  reporters: string;
  reporterJunitExport?: string;
  reporterJsonExport?: string;
  exportEnvironment?: string;
  envVar: string[];
  server?: string;
  serverEmail?: string;
  suppressExitCode?: boolean;
  color: boolean;
}

export const REPORTERS = ['cli', 'junit', 'json'] as const;
export type ReporterName = (typeof REPORTERS)[number];

export function parseReporters(list: string): ReporterName[] {
  const names = list.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(REPORTERS as readonly string[]).includes(n));
  if (unknown.length > 0) throw new InputError(`Unknown reporter ${unknown.map((u) => `"${u}"`).join(', ')}: use ${REPORTERS.join(', ')} (e.g. -r cli,junit).`);
  return names as ReporterName[];
}

export function nonNegativeInt(value: string | undefined, flag: string, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new InputError(`${flag} needs a whole number${min > 0 ? ` of at least ${min}` : ' (0 or more)'}, not "${value}".`);
  return n;
}
