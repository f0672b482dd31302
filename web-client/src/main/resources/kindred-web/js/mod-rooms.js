// Rooms in the console: people present, lock and slow mode per room, and "Watch" to join a
// room and act on live messages (delete) and their writers (mute, kick, ban).
import { el, clear, byId } from './dom.js';
import { clockTime, isoTime, duration } from './time.js';
import { button, actOn } from './mod-feeds.js';
import { msg, put } from './i18n.js';
import { roleBadge } from './message-item.js';

const SLOW = [0, 10, 30, 60, 300]; // seconds; 0 is off

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
  update(ev) {
    const card = this.list.querySelector('li[data-room="' + CSS.escape(ev.room) + '"]');
    const r = this.rooms && this.rooms.get(ev.room);
    if (!card || !r) return;
    Object.assign(r, { members: ev.members, capacity: ev.capacity, locked: ev.locked });
    put(card.querySelector('.room-people'), peopleLine(r));
    const lock = card.querySelector('button[data-lock]');
    if (!lock) return;
    put(lock, r.locked ? msg('rooms.unlock') : msg('rooms.lock'));
    lock.setAttribute('aria-pressed', String(Boolean(r.locked)));
  }

  roomCard(r) {
    const slowId = 'slow-' + r.room;
    const select = el('select', { attrs: { id: slowId } });
    for (const s of SLOW) select.append(el('option', { text: s ? duration(s) : msg('rooms.slowOff'), attrs: { value: s } }));
    const lock = el('button', {
      className: 'button small quiet',
      text: r.locked ? msg('rooms.unlock') : msg('rooms.lock'),
      attrs: { type: 'button', 'aria-pressed': String(Boolean(r.locked)), 'data-lock': r.room },
      on: { click: async () => (await this.actions.lock(r.room, !r.locked)) && this.refresh() },
    });
    return el('li', { className: 'mod-room', attrs: { 'data-room': r.room } },
      el('h3', { text: r.title }),
      el('p', { className: 'item-meta room-people', text: peopleLine(r) }),

      el('div', { className: 'mod-room-controls' },
        // Slow mode and lock are moderators' (a peer supporter's console only watches).
        this.actions.moderates === false ? null : el('div', { className: 'slow-control' },
          el('label', { text: msg('rooms.slow'), attrs: { for: slowId } }),
          el('div', { className: 'slow-row' }, select,
            button(msg('rooms.apply'), msg('rooms.applyLabel', { room: r.title }),
              () => this.actions.slow(r.room, Number(select.value))))),
        this.actions.moderates === false ? null : lock,
        button(msg('rooms.watch'), msg('rooms.watchLabel', { room: r.title }), () => this.watch(r.room, r.title))));
  }

  async watch(room, title) {
    if (this.watching && this.watching !== room) await this.stopWatching();
    const reply = await this.conn.request({ type: 'join', room });
    if (reply.type === 'error' && reply.code !== 'already_in_room') {
      this.actions.report(reply.message, 'warn');
      return;
    }
    this.watching = room;
    this.watchingTitle = title;
    this.me = reply.you || this.me;
    put(byId('live-title'), msg('live.title', { room: title }));
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
  onEvent(ev) {
    if (ev.type === 'mod.room') {
      this.update(ev);
      return true;
    }
    if (!this.watching || ev.room !== this.watching) return false;
    if (ev.type === 'message') this.add(ev);
    else if (ev.type === 'deleted') this.markDeleted(ev.msg);
    else if (ev.type === 'notice' || ev.type === 'presence' || ev.type === 'typing') return true;
    else return false;
    return true;
  }

  add(m) {
    if (this.messages.querySelector('li[data-msg="' + CSS.escape(m.msg) + '"]')) return;
    const from = m.from || {};
    const who = from.nick || msg('message.someone');
    const mine = this.me && from.id === this.me.id;
    const actions = el('div', { className: 'item-actions' },
      button(msg('live.delete'), msg('report.deleteLabel', { who }), async () => {
        if (await this.actions.deleteMessage(m.room, m.msg)) this.markDeleted(m.msg);
      }));
    actions.lastChild.dataset.act = 'delete';
    if (this.actions.moderates === false) actions.lastChild.remove();
    if (!mine && this.actions.moderates !== false) actions.append(actOn(who, () => this.actions.member(m.room, from.id, who)));
    const near = this.messages.scrollHeight - this.messages.scrollTop - this.messages.clientHeight < 80;
    this.messages.append(el('li', { className: 'item', attrs: { 'data-msg': m.msg, 'data-member': from.id } },
      el('p', { className: 'item-title' }, who, ' ', roleBadge(from.role), roleBadge(from.role) ? ' ' : null,
        el('time', { className: 'item-meta', text: clockTime(m.ts), attrs: { datetime: isoTime(m.ts), 'data-clock': true } })),
      el('p', { className: 'item-text', text: m.text }),
      actions));
    if (near) this.messages.scrollTop = this.messages.scrollHeight;
  }

  markDeleted(msgId) {
    const li = this.messages.querySelector('li[data-msg="' + CSS.escape(msgId) + '"]');
    if (!li) return;
    li.classList.add('deleted');
    put(li.querySelector('.item-text'), msg('live.deleted'));
    // Only the Delete button goes ("Act on member" stays: the writer may still need a mute or a ban).
    // Called twice per deletion (the reply and the `deleted` event), so it must only ever remove that one.
    const del = li.querySelector('.item-actions button[data-act="delete"]');
    if (del) del.remove();
  }
}

function peopleLine(r) {
  const people = msg('rooms.people', { count: r.members, capacity: r.capacity });
  return r.locked ? msg('rooms.peopleLocked', { people }) : people;
}
