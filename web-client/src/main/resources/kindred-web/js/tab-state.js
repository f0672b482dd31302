// What this tab needs to come back after a reload: the resume token, the member id, the room
// it is in, the conversation shown so far (at most MAX_MESSAGES) and an open crisis card.
// sessionStorage only: it belongs to this tab, nothing is sent anywhere, and it is gone when
// the tab closes. It is cleared when the member leaves deliberately, is removed or banned.
const KEY = 'kindred.tab';
const MAX_MESSAGES = 100;

/** @returns {{session: string, memberId: string, room?: object, messages?: object[], crisis?: object}|null} */
export function loadTab() {
  try {
    const v = JSON.parse(sessionStorage.getItem(KEY) || 'null');
    return v && typeof v.session === 'string' ? v : null;
  } catch {
    return null;
  }
}

/** Merges {@code patch} into the saved state. */
export function saveTab(patch) {
  const next = { ...(loadTab() || {}), ...patch };
  if (next.messages) next.messages = next.messages.slice(-MAX_MESSAGES);
  try {
    sessionStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // storage full or disabled: a reload starts afresh, nothing else breaks
  }
}

export function clearTab() {
  sessionStorage.removeItem(KEY);
}
