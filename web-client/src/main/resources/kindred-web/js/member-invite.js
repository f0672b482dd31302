// The member's side of a warm hand-off (protocol 1.1): a calm invitation from a staff member
// ("Talk privately" / "Not now"), and once accepted the private conversation, shown in place of
// the page until it ends. Wired to the page's Connection by member-app.js.
//
// Accessibility: the invitation is a labelled region whose heading takes focus, and its words
// go to a polite status line; nothing is modal, and "Not now" is as easy as yes.
import { el, clear, byId } from './dom.js';
import { PrivateChat, ROLE_LABEL } from './private-chat.js';

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
      heading: p => 'Private conversation' + (p && p.nick ? ' with ' + p.nick : ''),
      note: 'Only the two of you can see this. It is not kept after it ends.',
      leaveText: 'Leave conversation',
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
  onEvent(msg) {
    if (msg.type === 'invite') {
      this.show(msg);
      return true;
    }
    if (this.chat.onEvent(msg)) {
      if (this.chat.ended) this.announcer.textContent = this.chat.status.textContent;
      return true;
    }
    if (this.invite && msg.room === this.invite.room && msg.type === 'notice' && msg.code === 'closed') {
      this.clearInvite();
      this.feedback.show('The invitation to talk privately was withdrawn. You can always press '
        + '"I need help now" if you need someone.', { tone: 'info' });
      return true;
    }
    return false;
  }

  show(invite) {
    this.invite = invite;
    const from = invite.from || {};
    const role = ROLE_LABEL[from.role] || 'Kindred team';
    const who = (from.nick || 'Someone') + ' (' + role + ')';
    clear(this.slot);
    const title = el('h2', { text: who + ' would like to talk with you privately',
      attrs: { id: 'invite-title', tabindex: '-1' } });
    this.slot.append(el('section', {
      className: 'invite-card', attrs: { 'aria-labelledby': 'invite-title', 'aria-describedby': 'invite-text' },
    },
    title,
    el('p', { text: invite.text, attrs: { id: 'invite-text' } }),
    el('p', { className: 'hint', text: 'Only the two of you will see the conversation. You can leave it at any time.' }),
    el('p', { className: 'invite-error field-error', attrs: { role: 'alert' } }),
    el('div', { className: 'invite-actions' },
      el('button', { className: 'button primary', text: 'Talk privately',
        attrs: { type: 'button', 'data-invite': 'accept' }, on: { click: () => this.accept() } }),
      el('button', { className: 'button quiet', text: 'Not now',
        attrs: { type: 'button', 'data-invite': 'decline' }, on: { click: () => this.decline() } }))));
    this.slot.hidden = false;
    this.announcer.textContent = who + ' would like to talk with you privately. ' + invite.text;
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
      this.slot.querySelector('.invite-error').textContent = reply.code === 'not_found'
        ? 'This invitation has ended. You can always press "I need help now" if you need someone.'
        : reply.message;
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
    this.feedback.show("That's okay. If you'd like to talk later, press \"I need help now\" at any time.",
      { tone: 'info' });
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
