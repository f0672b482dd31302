// Moderator sign-in: POST /api/login {user, password} → {token}. The token lives in this
// tab's sessionStorage only, so closing the tab signs out.
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

/** Resolves with {token} or {error: sentence}. */
export async function login(user, password) {
  let res;
  try {
    res = await fetch('/api/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ user, password }),
    });
  } catch {
    return { error: "We couldn't reach the server. Please try again." };
  }
  if (res.status === 401) return { error: 'That user name and password did not match.' };
  if (res.status === 429) return { error: 'Too many attempts. Please wait a minute and try again.' };
  if (!res.ok) return { error: 'Sign-in is not available right now (HTTP ' + res.status + ').' };
  const body = await res.json();
  if (!body.token) return { error: 'Sign-in failed. Please try again.' };
  sessionStorage.setItem(KEY, body.token);
  sessionStorage.setItem(USER, user.toLowerCase());
  return { token: body.token };
}
