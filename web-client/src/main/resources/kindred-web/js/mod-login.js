// Moderator sign-in: POST /api/login {user, password} → {token}. The token lives in this
// tab's sessionStorage only, so closing the tab signs out.
import { msg } from './i18n.js';

const KEY = 'kindred.modToken';
const USER = 'kindred.modUser';

export function savedToken() {
  return sessionStorage.getItem(KEY);
}

/** The signed-in moderator's user name (to tell "claimed by you" from others' claims). */
export function savedUser() {
  return sessionStorage.getItem(USER);
}

export function forgetToken() {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(USER);
}

/** Resolves with {token} or {error: msg()}. */
export async function login(user, password) {
  let res;
  try {
    res = await fetch('/api/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ user, password }),
    });
  } catch {
    return { error: msg('login.unreachable') };
  }
  if (res.status === 401) return { error: msg('login.wrong') };
  if (res.status === 429) return { error: msg('login.tooMany') };
  if (!res.ok) return { error: msg('login.unavailable', { status: String(res.status) }) };
  const body = await res.json();
  if (!body.token) return { error: msg('login.failed') };
  sessionStorage.setItem(KEY, body.token);
  sessionStorage.setItem(USER, user.toLowerCase());
  return { token: body.token };
}
