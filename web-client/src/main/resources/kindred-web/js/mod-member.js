// How the console names the member an escalation, report, held message or alert is about: by
// the nickname the rooms know them by now, and where they are now (`current`, protocol 1.1),
// so the feeds and the live room view name the same person the same way.
import { el } from './dom.js';

/** A short stand-in when the nickname is unknown. */
export function idLabel(id) {
  return 'Member ' + String(id || '?').slice(-6);
}

/** The member's current nickname, or a short form of the id. */
export function whoOf(item) {
  const c = item && item.current;
  return c && c.nick ? c.nick : idLabel(item && item.member);
}

/** True unless the server said the member's session has ended. */
export function reachable(item) {
  return !(item && item.current && item.current.online === false);
}

/** One line saying where the member is now, or null when the server did not say. */
export function nowLine(item) {
  const c = item && item.current;
  if (!c) return null;
  let text;
  if (c.online === false) text = 'Has left Kindred (their session ended)';
  else if (c.room && c.room.startsWith('private-')) text = 'Now in a private conversation';
  else if (c.room) text = 'Now in ' + c.room;
  else text = 'Connected, not in a room';
  return el('p', { className: 'item-now', text, attrs: { 'data-online': String(c.online !== false) } });
}

/** A room id as people read it: private conversations are not named by their random id. */
export function roomLabel(room) {
  if (!room) return 'no room';
  return room.startsWith('private-') ? 'a private conversation' : room;
}
