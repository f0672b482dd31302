// The member's side of a warm hand-off (protocol 1.1): a calm invitation from a staff member
// ("Talk privately" / "Not now"), and once accepted the private conversation, shown in place of
// the page until it ends. Wired to the page's Connection by member-app.js.
//
// Accessibility: the invitation is a labelled region whose heading takes focus, and its words
// go to a polite status line; nothing is modal, and "Not now" is as easy as yes.
import { el, clear, byId } from './dom.js';
import { PrivateChat, ROLE_LABEL } from './private-chat.js';
import { msg, put, t } from './i18n.js';

export class MemberInvites {
  /**
   * @param {import('./connection.js').Connection} conn
   * @param {{slot: HTMLElement, panel: HTMLElement, announcer: HTMLElement,
   *          feedback: import('./feedback.js').Feedback}} parts slot: where the invitation appears;
   *   panel: the (hidden) section of the private conversation; feedback: for short sentences after it
   */
  constructor(conn, { slot, panel, announcer, feedback }) {
    this.conn = conn;
    this.slot = slot;
    this.announcer = announcer;
    this.feedback = feedback;
    this.invite = null;
    this.chat = new PrivateChat(panel, {
      conn,
      prefix: 'private',
      heading: p => (p && p.nick ? msg('private.headingWith', { nick: p.nick }) : msg('private.heading')),
      note: msg('private.note'),
      leaveText: msg('private.leave'),
      leave: room => this.conn.request({ type: 'leave', room }),
      onHidden: () => this.restorePage(),
    });
  }

  /** A new Connection (e.g. after a region change); the panel is reused. */
  use(conn) {
    this.conn = conn;
    this.chat.o.conn = conn;
  }

  /** A server push; returns true when it was an invitation or belonged to the private conversation. */
  onEvent(ev) {
    if (ev.type === 'invite') {
      this.show(ev);
      return true;
    }
    if (this.chat.onEvent(ev)) {
      if (this.chat.ended) put(this.announcer, this.chat.status.textContent);
      return true;
    }
    if (this.invite && ev.room === this.invite.room && ev.type === 'notice' && ev.code === 'closed') {
      this.clearInvite();
      this.feedback.show(msg('invite.withdrawn'), { tone: 'info' });
      return true;
    }
    return false;
  }

  show(invite) {
    this.invite = invite;
    const from = invite.from || {};
    const role = ROLE_LABEL[from.role] || msg('invite.team');
    const who = msg('invite.who', { nick: from.nick || msg('message.someone'), role });
    clear(this.slot);
    const title = el('h2', { text: msg('invite.title', { who }),
      attrs: { id: 'invite-title', tabindex: '-1' } });
    this.slot.append(el('section', {
      className: 'invite-card', attrs: { 'aria-labelledby': 'invite-title', 'aria-describedby': 'invite-text' },
    },
    title,
    el('p', { text: invite.text, attrs: { id: 'invite-text' } }),
    el('p', { className: 'hint', text: msg('invite.hint') }),
    el('p', { className: 'invite-error field-error', attrs: { role: 'alert' } }),
    el('div', { className: 'invite-actions' },
      el('button', { className: 'button primary', text: msg('invite.accept'),
        attrs: { type: 'button', 'data-invite': 'accept' }, on: { click: () => this.accept() } }),
      el('button', { className: 'button quiet', text: msg('invite.decline'),
        attrs: { type: 'button', 'data-invite': 'decline' }, on: { click: () => this.decline() } }))));
    this.slot.hidden = false;
    put(this.announcer, t('invite.announce', { who, text: invite.text }));
    title.focus();
  }

  clearInvite() {
    this.invite = null;
    clear(this.slot);
    this.slot.hidden = true;
  }

  async accept() {
    const invite = this.invite;
    if (!invite) return;
    const reply = await this.conn.request({ type: 'join', room: invite.room });
    if (reply.code === 'already_in_room') { // accepted before a reload of this page: still in it
      this.clearInvite();
      this.chat.open({ room: invite.room, me: { id: this.conn.memberId }, partner: invite.from });
      return;
    }
    if (reply.type !== 'joined') {
      put(this.slot.querySelector('.invite-error'), reply.code === 'not_found' ? msg('invite.ended') : reply.message);
      return;
    }
    this.clearInvite();
    const partner = (reply.members || []).find(m => m.id !== reply.you.id) || invite.from;
    this.chat.open({ room: reply.room, me: reply.you, partner, history: reply.history || [] });
  }

  async decline() {
    const invite = this.invite;
    if (!invite) return;
    this.clearInvite();
    await this.conn.request({ type: 'leave', room: invite.room });
    this.feedback.show(msg('invite.declined'), { tone: 'info' });
  }

  /** While the conversation is open the rest of the page steps aside (private.css); back to it after. */
  restorePage() {
    const back = document.querySelector('#room:not([hidden]) #room-title, #landing:not([hidden]) #landing-title');
    if (back) {
      back.setAttribute('tabindex', '-1');
      back.focus();
    }
  }
}
