// One message in the room's log. Nick and text are set as text only.
import { el } from './dom.js';
import { clockTime, isoTime } from './time.js';
import { msg, put } from './i18n.js';

// Every staff role wears a badge wherever a member sees it (messages, joins and leaves): a
// nickname alone never says who is staff, since members may not take staff titles as nicks.
const ROLE_BADGE = { moderator: msg('role.moderator'), admin: msg('role.moderator'), supporter: msg('role.supporter') };

/** True for a staff role (one that wears a badge). */
export function isStaff(role) {
  return Boolean(ROLE_BADGE[role]);
}

/** The badge for a staff role, or null for a member. */
export function roleBadge(role) {
  return ROLE_BADGE[role] ? el('span', { className: 'badge staff-badge', text: ROLE_BADGE[role] }) : null;
}

/**
 * @param {object} m a `message` event
 * @param {{own: boolean, onReport?: (m: object) => void}} opts
 */
export function messageItem(m, { own, onReport }) {
  const from = m.from || {};
  const who = own ? msg('message.you') : from.nick || msg('message.someone');
  const text = el('p', { className: 'message-text', text: m.text });
  const head = el('p', { className: 'message-head' },
    el('span', { className: 'message-nick', text: who }),
    roleBadge(from.role),
    el('time', { className: 'message-time', text: clockTime(m.ts), attrs: { datetime: isoTime(m.ts), 'data-clock': true } }));
  const li = el('li', {
    className: 'message' + (own ? ' own' : ''),
    attrs: { 'data-msg': m.msg, 'data-seq': m.seq },
  }, head, text);
  if (!own && onReport) {
    head.append(el('button', {
      className: 'button tiny quiet report-button',
      text: msg('message.report'),
      attrs: { type: 'button', 'aria-label': msg('message.reportLabel', { who }) },
      on: { click: () => onReport(m) },
    }));
  }
  return li;
}

/** A message of your own that a moderator has to look at before the room sees it. */
export function heldItem(msgId, text) {
  return el('li', { className: 'message own held', attrs: { 'data-msg': msgId } },
    el('p', { className: 'message-head' }, el('span', { className: 'message-nick', text: msg('message.you') })),
    el('p', { className: 'message-text', text }),
    el('p', { className: 'message-status', text: msg('message.heldStatus') }));
}

export function markDeleted(li) {
  li.classList.add('deleted');
  put(li.querySelector('.message-text'), msg('message.removed'));
  const report = li.querySelector('.report-button');
  if (report) report.remove();
}

export function systemItem(text) {
  return el('li', { className: 'system', text });
}

/** "Nick joined" / "Nick left", with the staff badge of a staff member. */
export function presenceItem(member, joined) {
  const nick = member && member.nick ? member.nick : msg('message.someone');
  const badge = roleBadge(member && member.role);
  // Name first, then its badge, then the verb: the order of all four languages ("Ann se unió", "Ann a rejoint").
  return el('li', { className: 'system' }, nick, badge ? ' ' : null, badge, ' ',
    msg(joined ? 'presence.joined' : 'presence.left'));
}
