/*
 * Masks personal data for demos on a shared screen: emails, people's names, phone numbers and
 * profile pictures.
 * Only string values change; keys, numbers, booleans, nulls and the shape of the JSON stay as
 * they were, so a masked response still reads like the real one. Framework-free and pure: the
 * web app masks what it shows, the server masks what it stores for a share link.
 */

export const MASK = '••••';

// Anywhere inside a string, e.g. "Invitation sent to ada@example.com".
const EMAIL_SOURCE = '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}';
const EMAIL_IN_TEXT = new RegExp(EMAIL_SOURCE, 'g');
const HAS_EMAIL = new RegExp(EMAIL_SOURCE);
// A whole value in international form (Kinde stores phones as E.164); dates and ids never start with "+".
const PHONE_VALUE = /^\+\d[\d\s().-]{5,22}\d$/;

const EMAIL_KEYS = new Set(['email', 'email_address', 'preferred_email', 'emailaddress']);
const PHONE_KEYS = new Set(['phone', 'phone_number', 'phonenumber', 'mobile', 'mobile_number', 'telephone']);
const NAME_KEYS = new Set([
  'first_name',
  'firstname',
  'last_name',
  'lastname',
  'given_name',
  'givenname',
  'family_name',
  'familyname',
  'middle_name',
  'full_name',
  'fullname',
  'display_name',
  'nickname',
  'username',
  'preferred_username',
]);

const PICTURE_KEYS = new Set(['picture', 'avatar', 'avatar_url', 'photo', 'photo_url', 'profile_picture']);

type Kind = 'email' | 'phone' | 'name' | 'picture';

function kindOfKey(key: string): Kind | null {
  const k = key.toLowerCase();
  if (EMAIL_KEYS.has(k) || k.endsWith('_email')) return 'email';
  if (PHONE_KEYS.has(k) || k.endsWith('_phone')) return 'phone';
  if (NAME_KEYS.has(k)) return 'name';
  if (PICTURE_KEYS.has(k)) return 'picture';
  return null;
}

/**
 * `name` alone is a person's name only beside other personal fields (or on a Kinde user, whose
 * ids start with `kp_`); an organization's, role's or API's `name` is what a demo is about.
 */
function isPerson(obj: Record<string, unknown>): boolean {
  if (typeof obj.id === 'string' && obj.id.startsWith('kp_')) return true;
  return Object.keys(obj).some((k) => k !== 'name' && kindOfKey(k) !== null);
}

/** `ada@example.com` → `a••••@example.com`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return MASK;
  return `${email.charAt(0)}${MASK}${email.slice(at)}`;
}

/** `Ada Lovelace` → `A•••• L••••`: the initials stay, so people can still tell rows apart. */
export function maskName(name: string): string {
  return name.replace(/\S+/gu, (word) => `${Array.from(word)[0] ?? ''}${MASK}`);
}

/** `https://gravatar.com/avatar/<md5 of the email>?s=200` → `https://gravatar.com/••••`: a photo or a hash of an email identifies someone. */
export function maskUrl(url: string): string {
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]+/i.exec(url)?.[0];
  return origin ? `${origin}/${MASK}` : MASK;
}

/** `+61 400 123 456` → `+••••56`. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return `${phone.startsWith('+') ? '+' : ''}${MASK}${digits.slice(-2)}`;
}

function maskString(value: string, kind: Kind | null): string {
  if (value === '') return value;
  if (kind === 'email') return HAS_EMAIL.test(value) ? maskEmailsIn(value) : maskName(value);
  if (kind === 'phone') return maskPhone(value);
  if (kind === 'name') return maskName(value);
  if (kind === 'picture') return maskUrl(value);
  if (PHONE_VALUE.test(value) && (value.match(/\d/g)?.length ?? 0) >= 7) return maskPhone(value);
  return maskEmailsIn(value);
}

function maskEmailsIn(text: string): string {
  return text.replace(EMAIL_IN_TEXT, maskEmail);
}

function walk(value: unknown, kind: Kind | null): unknown {
  if (typeof value === 'string') return maskString(value, kind);
  if (Array.isArray(value)) return value.map((v) => walk(v, kind));
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const person = isPerson(obj);
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(obj)) {
      out[key] = walk(v, kindOfKey(key) ?? (key.toLowerCase() === 'name' && person ? 'name' : null));
    }
    return out;
  }
  return value;
}

/** A copy of a JSON value with emails, people's names and phone numbers masked; same structure. */
export function maskPersonalData<T>(value: T): T {
  return walk(value, null) as T;
}

/**
 * Masks a response body: JSON is parsed, masked and written back (indented if it was); any
 * other text has its email addresses masked. `changed` says whether anything was masked.
 */
export function maskPersonalDataInText(text: string): { text: string; changed: boolean } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const masked = maskEmailsIn(text);
    return { text: masked, changed: masked !== text };
  }
  const masked = maskPersonalData(parsed);
  const before = JSON.stringify(parsed);
  const after = JSON.stringify(masked);
  if (before === after) return { text, changed: false };
  return { text: /\n/.test(text) ? JSON.stringify(masked, null, 2) : after, changed: true };
}
