import type { RequestAuth } from '../../model/request.ts';
import type { ReportBuilder } from '../import-report.ts';
import { AUDIENCE_TEMPLATE, TOKEN_URL_TEMPLATE, replaceKindeOrigin } from '../kinde-origin.ts';
import { authAttributes, isRecord, isVariableReference, records, text } from './postman-values.ts';

const M2M_KEPT = 'Kinde M2M token of the environment';

/**
 * Maps a Postman `auth` block to the explorer's auth. `undefined` means "inherit from the parent"
 * (Postman writes no auth, or null, for that). The explorer performs the client-credentials
 * exchange itself, so any token-based auth becomes 'kinde-m2m' and no credential is carried over.
 */
export function importAuth(auth: unknown, where: string, report: ReportBuilder): RequestAuth | undefined {
  if (!isRecord(auth) || typeof auth.type !== 'string') return undefined;
  const type = auth.type;
  if (type === 'noauth') return 'none';
  if (type === 'bearer') {
    report.kept(`bearer token on ${where} → ${M2M_KEPT} (token not imported: tokens are secrets)`);
    return 'kinde-m2m';
  }
  if (type === 'oauth2') return importOAuth2(authAttributes(auth, 'oauth2'), where, report);
  report.unmapped(`auth type '${type}' on ${where} — not supported, request kept without auth`);
  return 'none';
}

function importOAuth2(attrs: Record<string, unknown>, where: string, report: ReportBuilder): RequestAuth {
  const grant = text(attrs.grant_type ?? attrs.grantType);
  if (grant === '' && text(attrs.accessToken) !== '') {
    // An old export that only stored the token Postman had fetched.
    report.kept(`OAuth 2.0 access token on ${where} → ${M2M_KEPT} (token not imported: tokens are secrets)`);
    return 'kinde-m2m';
  }
  if (grant !== 'client_credentials') {
    report.unmapped(`auth type 'oauth2' (grant '${grant || 'authorization_code'}') on ${where} — not supported, request kept without auth`);
    return 'none';
  }
  report.kept(`OAuth 2.0 client credentials → ${M2M_KEPT}`);

  const tokenUrl = text(attrs.accessTokenUrl);
  if (tokenUrl !== '' && replaceKindeOrigin(tokenUrl).url !== TOKEN_URL_TEMPLATE) {
    report.kept(`token URL '${tokenUrl}' on ${where} not used: the explorer always asks ${TOKEN_URL_TEMPLATE}`);
  }
  const audience = oauth2Audience(attrs);
  if (audience !== undefined && replaceKindeOrigin(audience).url !== AUDIENCE_TEMPLATE) {
    report.kept(`audience '${audience}' on ${where} not used: the explorer always sends audience=${AUDIENCE_TEMPLATE}`);
  }
  const clientId = text(attrs.clientId);
  if (clientId !== '' && !isVariableReference(clientId)) {
    report.kept(`client id on ${where} not imported — set client_id in the environment`);
  }
  const secret = text(attrs.clientSecret);
  if (secret !== '' && !isVariableReference(secret)) {
    report.unmapped(`client secret on ${where} not imported (secrets stay out of collections) — set client_secret in the environment`);
  }
  return 'kinde-m2m';
}

/**
 * Postman keeps the audience either in "Advanced → Token request" (`tokenRequestParams`, the way
 * Kinde's guide sets it up) or, in some versions, as an `audience` attribute.
 */
function oauth2Audience(attrs: Record<string, unknown>): string | undefined {
  for (const p of records(attrs.tokenRequestParams)) {
    if (text(p.key) === 'audience' && p.enabled !== false) return text(p.value);
  }
  const direct = attrs.audience;
  if (typeof direct === 'string' && direct !== '') return direct;
  // Newer Postman versions store `audience` as `{ <id>: value }`.
  if (isRecord(direct)) {
    const first = Object.values(direct).find((v) => typeof v === 'string' && v !== '');
    if (typeof first === 'string') return first;
  }
  return undefined;
}
