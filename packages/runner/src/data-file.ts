import { parse } from 'csv-parse/sync';
import { RunInputError } from './engine/plan.ts';

export type DataRow = Record<string, string>;

/**
 * An iteration data file as newman reads it: a JSON array of objects, or CSV with a header row.
 * Values become text (`{{column}}` and `pm.iterationData.get`). Throws `RunInputError` saying what to fix.
 */
export function parseDataFile(text: string, fileName = 'data file'): DataRow[] {
  const body = text.replace(/^\uFEFF/, '');
  const looksJson = /\.json$/i.test(fileName) || /^\s*[[{]/.test(body);
  return looksJson ? parseJsonRows(body, fileName) : parseCsvRows(body, fileName);
}

function parseJsonRows(text: string, fileName: string): DataRow[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new RunInputError(`${fileName} is not valid JSON (${(err as Error).message}). A data file is a JSON array of objects, or CSV with a header row.`);
  }
  if (!Array.isArray(data)) throw new RunInputError(`${fileName} must be a JSON array of objects, one per iteration, e.g. [{"name": "a"}, {"name": "b"}].`);
  return data.map((row, i) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new RunInputError(`${fileName}: item ${i + 1} is not an object; each iteration is one {"column": value} object.`);
    return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' ? v : v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)]));
  });
}

function parseCsvRows(text: string, fileName: string): DataRow[] {
  try {
    return parse(text, { columns: true, skip_empty_lines: true, trim: false, relax_column_count: false, bom: true }) as DataRow[];
  } catch (err) {
    throw new RunInputError(`${fileName} could not be read as CSV (${(err as Error).message}). The first row names the columns; each further row is one iteration.`);
  }
}
