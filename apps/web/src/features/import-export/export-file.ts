import { client } from '../../lib/api-client.ts';
import { errorFromResponse, errorFromThrown } from '../../lib/api-error.ts';
import { saveFile } from '../response-viewer/save-file.ts';

/** The file name a `Content-Disposition` header offers (RFC 6266 `filename*` first), if any. */
export function dispositionFileName(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  const plain = /filename="([^"]*)"/i.exec(header) ?? /filename=([^;]+)/i.exec(header);
  return plain?.[1]?.trim() || null;
}

async function download(call: Promise<Response>, fallbackName: string): Promise<string> {
  let res: Response;
  try {
    res = await call;
  } catch (thrown) {
    throw errorFromThrown(thrown);
  }
  if (!res.ok) throw await errorFromResponse(res);
  // Pretty-printed, as Postman writes its own exports.
  const text = `${JSON.stringify(await res.json(), null, 2)}\n`;
  const name = dispositionFileName(res.headers.get('content-disposition')) ?? fallbackName;
  saveFile(text, name, 'application/json');
  return name;
}

/** Downloads a collection as Postman Collection v2.1 JSON; answers the file name. */
export function downloadCollection(collectionId: string, name: string): Promise<string> {
  return download(
    client.api.collections[':id'].export.$get({ param: { id: collectionId } }) as unknown as Promise<Response>,
    `${name}.postman_collection.json`,
  );
}

/** Downloads an environment as Postman environment JSON: secret values are left empty by the server. */
export function downloadEnvironment(environmentId: string, name: string): Promise<string> {
  return download(
    client.api.environments[':id'].export.$get({ param: { id: environmentId } }) as unknown as Promise<Response>,
    `${name}.postman_environment.json`,
  );
}
