import { kindeErrorsOf, type KindeErrorItem } from '../../lib/kinde-errors.ts';

/** A response body made ready for display. */
export interface FormattedBody {
  /** Pretty-printed JSON, or the text unchanged. */
  pretty: string;
  isJson: boolean;
  /** Kinde's `errors` array when the body is one of its error bodies. */
  kindeErrors: KindeErrorItem[] | null;
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
