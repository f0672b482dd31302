// One message in the room's log. Nick and text are set as text only.
import { el } from './dom.js';
import { clockTime, isoTime } from './time.js';

// Every staff role wears a badge wherever a member sees it (messages, joins and leaves): a
// nickname alone never says who is staff, since members may not take staff titles as nicks.
const ROLE_BADGE = { moderator: 'Moderator', admin: 'Moderator', supporter: 'Peer supporter' };

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
  const who = own ? 'You' : from.nick || 'Someone';
  const text = el('p', { className: 'message-text', text: m.text });
  const head = el('p', { className: 'message-head' },
    el('span', { className: 'message-nick', text: who }),
    roleBadge(from.role),
    el('time', { className: 'message-time', text: clockTime(m.ts), attrs: { datetime: isoTime(m.ts) } }));
  const li = el('li', {
    className: 'message' + (own ? ' own' : ''),
    attrs: { 'data-msg': m.msg, 'data-seq': m.seq },
  }, head, text);
  if (!own && onReport) {
    head.append(el('button', {
      className: 'button tiny quiet report-button',
      text: 'Report',
      attrs: { type: 'button', 'aria-label': 'Report message from ' + who },
      on: { click: () => onReport(m) },
    }));
  }
  return li;
}

/** A message of your own that a moderator has to look at before the room sees it. */
export function heldItem(msgId, text) {
  return el('li', { className: 'message own held', attrs: { 'data-msg': msgId } },
    el('p', { className: 'message-head' }, el('span', { className: 'message-nick', text: 'You' })),
    el('p', { className: 'message-text', text }),
    el('p', { className: 'message-status', text: 'Only you can see this until a moderator has had a look.' }));
}

export function markDeleted(li) {
  li.classList.add('deleted');
  li.querySelector('.message-text').textContent = 'This message was removed by a moderator.';
  const report = li.querySelector('.report-button');
  if (report) report.remove();
}

export function systemItem(text) {
  return el('li', { className: 'system', text });
}

/** "Nick joined" / "Nick left", with the staff badge of a staff member. */
export function presenceItem(member, joined) {
  const nick = member && member.nick ? member.nick : 'Someone';
  const badge = roleBadge(member && member.role);
  return el('li', { className: 'system' }, nick, badge ? ' ' : null, badge, joined ? ' joined' : ' left');
}
