// The query API as the pages use it: the reader's key from this tab's session (never a cookie, never the URL),
// problem+json errors as exceptions that name what went wrong.
const KEY = 'headwater.key';

export class AuthRequired extends Error {}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? 'HTTP ' + status);
    this.status = status;
    this.problem = problem;
  }
}

export function key() {
  return sessionStorage.getItem(KEY);
}

export function setKey(value) {
  if (value) sessionStorage.setItem(KEY, value.trim());
  else sessionStorage.removeItem(KEY);
}

export async function get(path) {
  const headers = {Accept: 'application/json', 'X-Requested-With': 'headwater-ui'};
  const k = key();
  if (k) headers.Authorization = 'Bearer ' + k;
  const response = await fetch(path, {headers, credentials: 'same-origin'});
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = {detail: text.slice(0, 200)};
  }
  if (response.status === 401) throw new AuthRequired(body?.detail ?? 'this page needs an API key');
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

/** Like get, but a 404 is null (something not known yet). */
export async function find(path) {
  try {
    return await get(path);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

/** A binary answer (a report's PDF) as a Blob, sent with the key like every other request. */
export async function blob(path, accept) {
  const headers = {Accept: accept, 'X-Requested-With': 'headwater-ui'};
  const k = key();
  if (k) headers.Authorization = 'Bearer ' + k;
  const response = await fetch(path, {headers, credentials: 'same-origin'});
  if (response.status === 401) throw new AuthRequired('this page needs an API key');
  if (!response.ok) throw new ApiError(response.status, {detail: (await response.text()).slice(0, 300)});
  return response.blob();
}
