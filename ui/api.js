// The only place that talks to the server. Every request carries X-Requested-With, so an expired
// session answers a bare 401 (the app then shows its sign-in view) instead of making the browser
// open its own Basic-auth dialog, and sends the HttpOnly session cookie (credentials: same-origin).
// Nothing here stores a password or token: the session lives only in that cookie.

import { currentLanguage } from './i18n.js';

const APP_HEADER = { 'X-Requested-With': 'fetch' };

/** The server words its answers (problems, import errors) in the app's language. */
function languageHeader() {
  return { 'Accept-Language': currentLanguage() === 'en' ? 'en' : 'zh-CN' };
}

let onUnauthorized = () => {};

/**
 * Registers what to do when the session is gone (401 on any call); the handler gets why it ended (the server's
 * X-Session-Ended: signed-out, idle, expired, password-changed, password-reset, role-changed, disabled, deleted,
 * unknown), or null when the request had no session.
 */
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

/** An API failure: the HTTP status and, when the server sent one, its problem+json body. */
export class ApiError extends Error {
  constructor(status, problem, fallback) {
    super((problem && (problem.detail || problem.title)) || fallback || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || null;
  }

  /** [{field, code, message}] from a problem+json body; empty when the problem names no field. */
  get fieldErrors() {
    return (this.problem && Array.isArray(this.problem.errors)) ? this.problem.errors : [];
  }
}

async function send(method, path, { json, body, contentType, accept } = {}) {
  const headers = { ...APP_HEADER, ...languageHeader(), Accept: accept || 'application/json, application/problem+json' };
  if (json !== undefined) {
    // JSON bodies are also the CSRF defence: a cross-site HTML form cannot send this content type.
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (contentType) {
    headers['Content-Type'] = contentType;
  }
  let response;
  try {
    // 'no-cache': a kept answer is always revalidated. The server says what a browser may keep: only the dashboard
    // (private, no-cache, with an ETag, answered 304 while unchanged); every other API answer is no-store.
    response = await fetch(path, { method, headers, body, credentials: 'same-origin', cache: 'no-cache' });
  } catch (e) {
    throw new ApiError(0, null, e.message);
  }
  if (response.status === 401) {
    onUnauthorized(response.headers.get('X-Session-Ended'));
    throw new ApiError(401, null, 'Unauthorized');
  }
  if (!response.ok) {
    throw new ApiError(response.status, await readProblem(response), response.statusText);
  }
  return response;
}

async function readProblem(response) {
  const type = response.headers.get('Content-Type') || '';
  if (!type.includes('json')) {
    return null;
  }
  try {
    return await response.json();
  } catch {
    return null;
  }
}

async function jsonOf(response) {
  return response.status === 204 ? null : response.json();
}

export const api = {
  get: (path) => send('GET', path).then(jsonOf),
  post: (path, json) => send('POST', path, { json }).then(jsonOf),
  put: (path, json) => send('PUT', path, { json }).then(jsonOf),
  del: (path) => send('DELETE', path).then(jsonOf),
  /** A raw body (a file), answering the Response so callers can read Location. */
  upload: (path, body, contentType) => send('POST', path, { body, contentType }),
  /** A binary download as a Blob. */
  blob: (path, accept) => send('GET', path, { accept }).then((r) => r.blob()),
};

/** Form sign-in: true when the credentials were accepted, false on 401. */
export async function signIn(username, password) {
  const body = new URLSearchParams({ j_username: username, j_password: password });
  let response;
  try {
    response = await fetch('/j_security_check', {
      method: 'POST', body, headers: APP_HEADER, credentials: 'same-origin', cache: 'no-store',
    });
  } catch (e) {
    throw new ApiError(0, null, e.message);
  }
  if (response.status === 401 || response.status === 403) {
    return false;
  }
  if (!response.ok) {
    throw new ApiError(response.status, await readProblem(response), response.statusText);
  }
  return true;
}

/** Sign-out: the server clears the HttpOnly cookie (script cannot). */
export async function signOut() {
  await fetch('/api/session/logout', { method: 'POST', headers: APP_HEADER, credentials: 'same-origin' });
}

/** Path segments are always encoded: ids come from data, never trusted as URL syntax. */
export function seg(value) {
  return encodeURIComponent(String(value));
}

/**
 * The query naming a value's series basis (a period holds one value per basis), after `sep` ('?' or '&');
 * nothing for a value of an indicator with one definition.
 */
export function onBasis(value, sep) {
  return value && value.basis ? `${sep}basis=${encodeURIComponent(value.basis)}` : '';
}
