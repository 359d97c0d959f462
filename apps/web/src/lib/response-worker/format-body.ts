import { kindeErrorsOf, type KindeErrorItem } from '../kinde-errors.ts';
import type { LargeBody } from './large-body.ts';

/** A response body made ready for display. */
export interface FormattedBody {
  /** Pretty-printed JSON, or the text unchanged; absent for a large body (see `large`). */
  pretty: string;
  isJson: boolean;
  /** Kinde's `errors` array when the body is one of its error bodies. */
  kindeErrors: KindeErrorItem[] | null;
  /** Set instead of `pretty` for bodies too big for the editor: shown by the virtualised viewer. */
  large?: LargeBody;
}

/** Pure formatting step; runs inside the format worker so big bodies never block the page. */
export function formatBody(body: string, contentType: string): FormattedBody {
  const looksJson = /json/i.test(contentType) || /^\s*[[{]/.test(body);
  if (!looksJson) return { pretty: body, isJson: false, kindeErrors: null };
  try {
    const parsed: unknown = JSON.parse(body);
    return { pretty: JSON.stringify(parsed, null, 2), isJson: true, kindeErrors: kindeErrorsOf(parsed) };
  } catch {
    return { pretty: body, isJson: false, kindeErrors: null };
  }
}
