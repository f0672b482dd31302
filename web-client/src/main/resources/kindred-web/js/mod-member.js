// How the console names the member an escalation, report, held message or alert is about: by
// the nickname the rooms know them by now, and where they are now (`current`, protocol 1.1),
// so the feeds and the live room view name the same person the same way.
import { el } from './dom.js';
import { msg, text } from './i18n.js';

const LEVEL_LABEL = { imminent: msg('level.imminent'), high: msg('level.high'), concern: msg('level.concern') };
const LEVEL_WORD = { imminent: msg('levelWord.imminent'), high: msg('levelWord.high'), concern: msg('levelWord.concern') };

/** A risk level as a label ("Imminent"), as a msg(); an unknown level as it came. */
export function levelLabel(level) {
  return LEVEL_LABEL[level] || level;
}

/** A risk level inside a sentence ("the imminent escalation"), as a msg(). */
export function levelName(level) {
  return LEVEL_WORD[level] || level;
}

/** A short stand-in when the nickname is unknown ("Member 3f9a1c"), as a string in the language shown. */
export function idLabel(id) {
  return text(msg('member.short', { id: String(id || '?').slice(-6) }));
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
  let line;
  if (c.online === false) line = msg('now.left');
  else if (c.room && c.room.startsWith('private-')) line = msg('now.private');
  else if (c.room) line = msg('now.in', { room: c.room });
  else line = msg('now.noRoom');
  return el('p', { className: 'item-now', text: line, attrs: { 'data-online': String(c.online !== false) } });
}

/** A room id as people read it: private conversations are not named by their random id. */
export function roomLabel(room) {
  if (!room) return msg('room.none');
  return room.startsWith('private-') ? msg('room.private') : room;
}
