// Rooms in the console: people present, lock and slow mode per room, and "Watch" to join a
// room and act on live messages (delete) and their writers (mute, kick, ban).
import { el, clear, byId } from './dom.js';
import { clockTime, isoTime } from './time.js';
import { button } from './mod-feeds.js';
import { roleBadge } from './message-item.js';

const SLOW = [[0, 'Off'], [10, '10 seconds'], [30, '30 seconds'], [60, '1 minute'], [300, '5 minutes']];

export class ModRooms {
  /**
   * @param {import('./connection.js').Connection} conn
   * @param {import('./mod-actions.js').Actions} actions
   */
  constructor(conn, actions) {
    this.conn = conn;
    this.actions = actions;
    this.list = byId('mod-rooms');
    this.live = byId('live-room');
    this.messages = byId('live-messages');
    this.watching = null;
    this.me = null;
    byId('live-leave').addEventListener('click', () => this.stopWatching());
  }

  async refresh() {
    const reply = await this.conn.request({ type: 'rooms' });
    if (reply.type !== 'rooms') return;
    this.rooms = new Map(reply.rooms.map(r => [r.room, r]));
    const focused = document.activeElement && this.list.contains(document.activeElement)
      ? [document.activeElement.closest('li[data-room]')?.dataset.room, document.activeElement.getAttribute('aria-label')]
      : null;
    clear(this.list);
    for (const r of reply.rooms) this.list.append(this.roomCard(r));
    if (focused) {
      const again = [...this.list.querySelectorAll('li[data-room] [aria-label]')]
        .find(b => b.closest('li').dataset.room === focused[0] && b.getAttribute('aria-label') === focused[1]);
      if (again) again.focus();
    }
  }

  /** A `mod.room` push: one room's people count or lock changed; its card is updated in place. */
  update(msg) {
    const card = this.list.querySelector('li[data-room="' + CSS.escape(msg.room) + '"]');
    const r = this.rooms && this.rooms.get(msg.room);
    if (!card || !r) return;
    Object.assign(r, { members: msg.members, capacity: msg.capacity, locked: msg.locked });
    card.querySelector('.room-people').textContent = peopleLine(r);
    const lock = card.querySelector('button[data-lock]');
    lock.textContent = r.locked ? 'Unlock room' : 'Lock room';
    lock.setAttribute('aria-pressed', String(Boolean(r.locked)));
  }

  roomCard(r) {
    const slowId = 'slow-' + r.room;
    const select = el('select', { attrs: { id: slowId } });
    for (const [s, label] of SLOW) select.append(el('option', { text: label, attrs: { value: s } }));
    const lock = el('button', {
      className: 'button small quiet',
      text: r.locked ? 'Unlock room' : 'Lock room',
      attrs: { type: 'button', 'aria-pressed': String(Boolean(r.locked)), 'data-lock': r.room },
      on: { click: async () => (await this.actions.lock(r.room, !r.locked)) && this.refresh() },
    });
    return el('li', { className: 'mod-room', attrs: { 'data-room': r.room } },
      el('h3', { text: r.title }),
      el('p', { className: 'item-meta room-people', text: peopleLine(r) }),

      el('div', { className: 'mod-room-controls' },
        el('div', { className: 'slow-control' },
          el('label', { text: 'Slow mode', attrs: { for: slowId } }),
          el('div', { className: 'slow-row' }, select,
            button('Apply', 'Apply slow mode in ' + r.title, () => this.actions.slow(r.room, Number(select.value))))),
        lock,
        button('Watch', 'Watch ' + r.title, () => this.watch(r.room, r.title))));
  }

  async watch(room, title) {
    if (this.watching && this.watching !== room) await this.stopWatching();
    const reply = await this.conn.request({ type: 'join', room });
    if (reply.type === 'error' && reply.code !== 'already_in_room') {
      this.actions.report(reply.message, 'warn');
      return;
    }
    this.watching = room;
    this.me = reply.you || this.me;
    byId('live-title').textContent = 'Live: ' + title;
    clear(this.messages);
    for (const m of reply.history || []) this.add(m);
    this.live.hidden = false;
    byId('live-title').focus();
  }

  async stopWatching() {
    if (!this.watching) return;
    await this.conn.request({ type: 'leave', room: this.watching });
    this.watching = null;
    this.live.hidden = true;
  }

  /** Room events while watching, and `mod.room` pushes; returns true when handled. */
  onEvent(msg) {
    if (msg.type === 'mod.room') {
      this.update(msg);
      return true;
    }
    if (!this.watching || msg.room !== this.watching) return false;
    if (msg.type === 'message') this.add(msg);
    else if (msg.type === 'deleted') this.markDeleted(msg.msg);
    else if (msg.type === 'notice' || msg.type === 'presence' || msg.type === 'typing') return true;
    else return false;
    return true;
  }

  add(m) {
    if (this.messages.querySelector('li[data-msg="' + CSS.escape(m.msg) + '"]')) return;
    const from = m.from || {};
    const who = from.nick || 'Someone';
    const mine = this.me && from.id === this.me.id;
    const actions = el('div', { className: 'item-actions' },
      button('Delete', 'Delete message from ' + who, async () => {
        if (await this.actions.deleteMessage(m.room, m.msg)) this.markDeleted(m.msg);
      }));
    actions.lastChild.dataset.act = 'delete';
    if (!mine) actions.append(button('Act on member', 'Act on member ' + who, () => this.actions.member(m.room, from.id, who)));
    const near = this.messages.scrollHeight - this.messages.scrollTop - this.messages.clientHeight < 80;
    this.messages.append(el('li', { className: 'item', attrs: { 'data-msg': m.msg, 'data-member': from.id } },
      el('p', { className: 'item-title' }, who, ' ', roleBadge(from.role), roleBadge(from.role) ? ' ' : null,
        el('time', { className: 'item-meta', text: clockTime(m.ts), attrs: { datetime: isoTime(m.ts) } })),
      el('p', { className: 'item-text', text: m.text }),
      actions));
    if (near) this.messages.scrollTop = this.messages.scrollHeight;
  }

  markDeleted(msgId) {
    const li = this.messages.querySelector('li[data-msg="' + CSS.escape(msgId) + '"]');
    if (!li) return;
    li.classList.add('deleted');
    li.querySelector('.item-text').textContent = 'Deleted.';
    // Only the Delete button goes ("Act on member" stays: the writer may still need a mute or a ban).
    // Called twice per deletion (the reply and the `deleted` event), so it must only ever remove that one.
    const del = li.querySelector('.item-actions button[data-act="delete"]');
    if (del) del.remove();
  }
}

function peopleLine(r) {
  return r.members + ' of ' + r.capacity + ' people' + (r.locked ? ' · locked' : '');
}
