// The room: message log (history first), presence, typing indicator, composer and inline
// feedback for every reply and notice. Speaks only through the Connection.
import { clear, byId } from './dom.js';
import { Feedback } from './feedback.js';
import { messageItem, heldItem, markDeleted, presenceItem, isStaff } from './message-item.js';
import { askReportReason } from './report-dialog.js';
import { peopleHere } from './landing.js';
import { dur } from './time.js';
import { msg, put } from './i18n.js';
import { RoomReactions, applyCounts } from './reactions.js';

const TYPING_SEND_EVERY_MS = 3000;
const TYPING_SHOW_MS = 5000;
const STAFF_ONE = { moderator: msg('presence.aModerator'), admin: msg('presence.aModerator'),
  supporter: msg('presence.aSupporter') };

export class RoomView {
  /**
   * @param {import('./connection.js').Connection} conn
   * @param {{onLeft: (reason?: string) => void}} handlers
   */
  constructor(conn, { onLeft }) {
    this.conn = conn;
    this.onLeft = onLeft;
    this.section = byId('room');
    this.list = byId('messages');
    this.log = byId('message-log');
    this.input = byId('message-input');
    this.feedback = new Feedback(byId('room-feedback'));
    this.typingLine = byId('typing');
    this.room = null;
    this.me = null;
    this.count = 0;
    this.typers = new Map();
    this.lastTypingSent = 0;
    this.pendingHeld = [];
    this.shown = []; // the message events on screen, oldest first (for a reload, see tab-state.js)
    this.joined = null;
    this.staff = new Map(); // staff members here: id → info (shown in the presence line)
    this.reactions = new RoomReactions(this, byId('reaction-announcer'));

    byId('composer').addEventListener('submit', e => {
      e.preventDefault();
      this.send();
    });
    this.input.addEventListener('keydown', e => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        this.send();
      }
    });
    this.input.addEventListener('input', () => this.typed());
    byId('leave-button').addEventListener('click', () => this.leave());
    this.typingTimer = setInterval(() => this.renderTyping(), 1000);
  }

  get isOpen() {
    return this.room !== null;
  }

  /** Shows the room from a `joined` reply (a first join, or a re-join after a lost session). */
  open(joined, nick) {
    const fresh = this.room !== joined.room;
    this.room = joined.room;
    this.nick = nick;
    this.me = joined.you;
    this.joined = { room: joined.room, you: joined.you, guidelines: joined.guidelines, mode: joined.mode,
      members: (joined.members || []).filter(m => isStaff(m.role)) };
    this.staff = new Map(this.joined.members.filter(m => !this.me || m.id !== this.me.id).map(m => [m.id, m]));
    if (fresh) {
      this.shown = [];
      clear(this.list);
      this.log.setAttribute('aria-live', 'off');
      this.feedback.clear();
      this.input.value = '';
    }
    byId('room-guidelines').textContent = joined.guidelines || '';
    this.setMode(joined.mode || {});
    this.setCount(joined.count || (joined.members ? joined.members.length : 1));
    for (const m of joined.history || []) this.addMessage(m, false);
    // Announce only what arrives from now on, not the history.
    this.log.setAttribute('aria-live', 'polite');
    this.section.hidden = false;
    this.scrollToEnd(true);
  }

  setTitle(title, topic) {
    byId('room-title').textContent = title;
    byId('room-topic').textContent = topic || '';
    put(document.querySelector('title'), msg('page.room.title', { room: title }));
  }

  /** What a reload needs to show this room again (see member-app.js). */
  snapshot() {
    return this.room ? { joined: { ...this.joined, count: this.count, members: [...this.staff.values()] },
      messages: this.shown } : null;
  }

  close() {
    this.room = null;
    this.shown = [];
    this.joined = null;
    this.section.hidden = true;
    this.typers.clear();
    this.staff.clear();
    this.pendingHeld = [];
    put(document.querySelector('title'), msg('page.member.title'));
  }

  setOffline(offline) {
    this.section.classList.toggle('offline', offline);
  }

  /** A server push; returns true when it belonged to this room. */
  onEvent(ev) {
    if (!this.room || (ev.room && ev.room !== this.room)) return false;
    switch (ev.type) {
      case 'message': this.addMessage(ev, true); break;
      case 'presence': this.presence(ev); break;
      case 'typing': this.typing(ev); break;
      case 'deleted': this.deleted(ev); break;
      case 'notice': this.notice(ev); break;
      case 'kicked': this.kicked(ev); break;
      case 'reaction': this.reactions.onEvent(ev); break;
      default: return false;
    }
    return true;
  }

  addMessage(m, live) {
    const existing = this.list.querySelector('li[data-msg="' + CSS.escape(m.msg) + '"]');
    const own = this.me && m.from && m.from.id === this.me.id;
    const item = messageItem(m, { own, onReport: msg => this.report(msg) });
    item.append(this.reactions.bar(m, own));
    if (existing) {
      if (!existing.classList.contains('held')) {
        if (m.reactions) applyCounts(existing, m.reactions); // a re-join's history: counts as they are now
        return;
      }
      existing.replaceWith(item);
      this.pendingHeld = this.pendingHeld.filter(id => id !== m.msg);
      this.remember(m);
      return;
    }
    this.remember(m);
    if (m.from) this.typers.delete(m.from.id);
    const near = this.nearEnd();
    this.list.append(item);
    if (live) this.scrollToEnd(near || own);
    this.renderTyping();
  }

  remember(m) {
    this.shown.push({ type: 'message', room: m.room, msg: m.msg, seq: m.seq, from: m.from, text: m.text, ts: m.ts,
      reactions: m.reactions, mine: m.mine });
    if (this.shown.length > 200) this.shown.splice(0, this.shown.length - 100);
  }

  presence(p) {
    if (p.member && isStaff(p.member.role)) {
      if (p.event === 'join') this.staff.set(p.member.id, p.member);
      else this.staff.delete(p.member.id);
    }
    this.setCount(p.count);
    this.list.append(presenceItem(p.member, p.event === 'join'));
    if (p.event === 'leave' && p.member) this.typers.delete(p.member.id);
    this.renderTyping();
    this.scrollToEnd(this.nearEnd());
  }

  typing(t) {
    if (!t.member || (this.me && t.member.id === this.me.id)) return;
    this.typers.set(t.member.id, { nick: t.member.nick, until: Date.now() + TYPING_SHOW_MS });
    this.renderTyping();
  }

  renderTyping() {
    const now = Date.now();
    for (const [id, t] of this.typers) if (t.until < now) this.typers.delete(id);
    const nicks = [...this.typers.values()].map(t => t.nick);
    put(this.typingLine, nicks.length === 0 ? ''
      : nicks.length === 1 ? msg('typing.one', { nick: nicks[0] })
        : nicks.length === 2 ? msg('typing.two', { nick: nicks[0], other: nicks[1] })
          : msg('typing.several'));
  }

  deleted(d) {
    this.shown = this.shown.filter(m => m.msg !== d.msg);
    const li = this.list.querySelector('li[data-msg="' + CSS.escape(d.msg) + '"]');
    if (li) {
      markDeleted(li);
      const bar = li.querySelector('.reactions');
      if (bar) bar.remove();
    }
  }

  notice(n) {
    if (n.code === 'slow_mode' || n.code === 'locked' || n.code === 'unlocked') {
      put(byId('room-mode'), n.code === 'unlocked' ? '' : n.text);
      this.section.classList.toggle('locked', n.code === 'locked');
      // An error shown for the old mode ("try again in 9 seconds") is stale now: say what changed instead.
      const stale = n.code === 'slow_mode' ? 'slow_mode' : 'room_locked';
      if (n.code === 'unlocked' || this.feedback.code === stale) {
        this.feedback.show(n.text, { tone: n.code === 'locked' ? 'info' : 'ok' });
      }
      return;
    }
    if (n.code === 'held_rejected' && this.pendingHeld.length) {
      const id = this.pendingHeld.shift();
      const li = this.list.querySelector('li[data-msg="' + CSS.escape(id) + '"] .message-status');
      if (li) put(li, msg('room.heldRejected'));
    }
    const tone = n.code === 'unmuted' || n.code === 'held_approved' ? 'ok' : 'info';
    this.feedback.show(n.text, { tone });
  }

  kicked(k) {
    this.close();
    this.onLeft(k.reason ? msg('room.kickedReason', { reason: k.reason }) : msg('room.kicked'));
  }

  setMode(mode) {
    const parts = [];
    if (mode.locked) parts.push(msg('room.locked'));
    if (mode.slowSeconds > 0) parts.push(msg('room.slow', { every: dur(mode.slowSeconds) }));
    put(byId('room-mode'), parts.length === 2 ? msg('room.modeBoth', { locked: parts[0], slow: parts[1] })
      : parts[0] || '');
    this.section.classList.toggle('locked', Boolean(mode.locked));
  }

  setCount(n) {
    this.count = n;
    const staff = [...this.staff.values()];
    const one = staff.length === 1 ? STAFF_ONE[staff[0].role] || STAFF_ONE.moderator : null;
    const people = n === 1 ? msg('presence.justYou') : peopleHere(n);
    put(byId('presence'), staff.length === 0 ? people
      : msg('presence.including', { people, staff: one || msg('presence.staff', { count: staff.length }) }));
  }

  async send() {
    const text = this.input.value.trim();
    if (!text || !this.room) return;
    const reply = await this.conn.request({ type: 'send', room: this.room, text });
    if (reply.type === 'error') {
      this.feedback.error(reply);
      return;
    }
    this.input.value = '';
    this.lastTypingSent = 0;
    if (reply.status === 'masked') {
      this.feedback.show(msg('send.masked'), { tone: 'info' });
    } else if (reply.status === 'held') {
      this.pendingHeld.push(reply.msg);
      this.list.append(heldItem(reply.msg, reply.text || text));
      this.scrollToEnd(true);
      this.feedback.show(msg('send.held'), { tone: 'info' });
    } else {
      this.feedback.clear();
    }
  }

  typed() {
    const now = Date.now();
    if (this.room && this.input.value.trim() && now - this.lastTypingSent > TYPING_SEND_EVERY_MS) {
      this.lastTypingSent = now;
      this.conn.notify({ type: 'typing', room: this.room });
    }
  }

  async report(m) {
    const choice = await askReportReason(m.text);
    if (!choice) return;
    const reply = await this.conn.request({ type: 'report', room: this.room, msg: m.msg, ...choice });
    if (reply.type === 'error') {
      this.feedback.error(reply);
    } else {
      this.feedback.show(msg('report.thanks'), { tone: 'ok' });
    }
  }

  async leave() {
    const room = this.room;
    if (!room) return;
    const reply = await this.conn.request({ type: 'leave', room });
    if (reply.type === 'error' && reply.code !== 'not_in_room' && reply.code !== 'offline') {
      this.feedback.error(reply);
      return;
    }
    this.close();
    this.onLeft();
  }

  nearEnd() {
    return this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < 80;
  }

  scrollToEnd(force) {
    if (force) this.log.scrollTop = this.log.scrollHeight;
  }
}
