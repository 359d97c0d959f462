import type { KeyValue } from '../../model/request.ts';

export type PostmanQueryParam = { key: string; value: string | null; disabled?: boolean; description?: string };
export type PostmanUrl = {
  raw: string;
  protocol?: string;
  host?: string[];
  port?: string;
  path?: string[];
  query?: PostmanQueryParam[];
};

/**
 * Builds Postman's broken-down URL from the explorer's URL plus its query rows. Enabled rows are
 * appended to the raw URL (they are sent); disabled rows are listed with `disabled: true`.
 * Postman splits hosts on dots and paths on slashes, and leaves values undecoded; so do we.
 */
export function toPostmanUrl(url: string, rows: KeyValue[] = []): PostmanUrl {
  const enabled = rows.filter((r) => r.enabled !== false);
  const disabled = rows.filter((r) => r.enabled === false);
  const extra = enabled.map((r) => `${r.key}=${r.value}`).join('&');
  const raw = extra === '' ? url : `${url}${url.includes('?') ? '&' : '?'}${extra}`;

  const hashless = raw.split('#', 1)[0] ?? '';
  const qIndex = hashless.indexOf('?');
  let rest = qIndex === -1 ? hashless : hashless.slice(0, qIndex);
  const search = qIndex === -1 ? '' : hashless.slice(qIndex + 1);

  const out: PostmanUrl = { raw };
  const protocol = /^([a-z][a-z0-9+.-]*):\/\//i.exec(rest);
  if (protocol) {
    out.protocol = protocol[1];
    rest = rest.slice(protocol[0].length);
  }
  const slash = rest.indexOf('/');
  let host = slash === -1 ? rest : rest.slice(0, slash);
  const path = slash === -1 ? '' : rest.slice(slash + 1);
  const port = /:(\d+)$/.exec(host);
  if (port) {
    out.port = port[1];
    host = host.slice(0, port.index);
  }
  // A {{variable}} host may itself contain dots only inside the braces; keep it whole.
  out.host = host.startsWith('{{') ? [host] : host.split('.');
  if (path !== '') out.path = path.split('/');
  const query: PostmanQueryParam[] = search === '' ? [] : search.split('&').map(splitParam);
  for (const r of disabled) {
    query.push({ key: r.key, value: r.value, disabled: true, ...(r.description !== undefined ? { description: r.description } : {}) });
  }
  if (query.length > 0) out.query = query;
  return out;
}

function splitParam(part: string): PostmanQueryParam {
  const eq = part.indexOf('=');
  return eq === -1 ? { key: part, value: null } : { key: part.slice(0, eq), value: part.slice(eq + 1) };
}
