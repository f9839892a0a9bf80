import { ApiProblem } from '../../api/problem';
import { session } from '../../session/session-store';

/**
 * Calls the API outside the typed client (raw uploads, file downloads) through the session's
 * authorised fetch (bearer token, one refresh on 401). Non-2xx answers throw the server's problem.
 */
export async function authorisedRequest(path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await session.authorisedFetch(new Request(new URL(path, location.origin), init));
  } catch {
    throw new ApiProblem(0, { detail: 'Cannot reach SpareFlow. Check your connection and retry.' });
  }
  if (response.ok) return response;
  const body = (await response.json().catch(() => undefined)) as
    ConstructorParameters<typeof ApiProblem>[1] | undefined;
  throw new ApiProblem(response.status, body);
}

/** Saves a blob as a file through a temporary link. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads an API file (CSV export, error report) with the session's token. */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  const response = await authorisedRequest(path);
  saveBlob(await response.blob(), fileName);
}
