// The console's side of a warm hand-off (protocol 1.1): "Reach" on an escalation claims it
// (when nobody has yet) and opens a private conversation with the person (`mod.reach`), shown in
// a panel: the invitation's fate (joined, declined), the messages both ways, and "End
// conversation" (`mod.close`). Also focuses the escalation named by a `#escalation=<id>` link
// (pages from the paging webhooks link there).
import { byId } from './dom.js';
import { PrivateChat } from './private-chat.js';
import { whoOf } from './mod-member.js';

const LEVEL = { imminent: 'Imminent', high: 'High', concern: 'Concern' };

export class Reach {
  /**
   * @param {{panel: HTMLElement, announcer: HTMLElement}} parts panel: the hidden section of the conversation
   */
  constructor({ panel, announcer }) {
    this.announcer = announcer;
    this.conn = null;
    this.actions = null;
    this.target = null; // the escalation being answered
    this.chat = new PrivateChat(panel, {
      conn: null,
      prefix: 'reach',
      heading: p => 'Private conversation with ' + (p && p.nick ? p.nick : this.targetName() + ' (invited)'),
      note: 'Only you and this person can see it; it is not kept. They see your name with the Moderator badge.',
      leaveText: 'End conversation',
      endedByMe: 'You ended the private conversation.',
      leave: room => this.conn.request({ type: 'mod.close', room }),
      onHidden: () => { this.target = null; },
    });
    this.focusedHash = null;
  }

  /** The console's current Connection and actions (after every sign-in). */
  use(conn, actions) {
    this.conn = conn;
    this.actions = actions;
    this.chat.o.conn = conn;
  }

  targetName() {
    return this.target ? whoOf(this.target) : 'the person';
  }

  /** Claims (if still open) and reaches the person of escalation {@code e}. */
  async reach(e) {
    if (this.chat.isOpen && !this.chat.ended) {
      this.actions.report('Please end your current private conversation before starting another.', 'warn');
      this.chat.title.focus();
      return;
    }
    if (e.status === 'open' && !(await this.actions.claim(e.escalation))) return;
    const reply = await this.conn.request({ type: 'mod.reach', escalation: e.escalation });
    if (reply.type === 'error') {
      this.actions.report(reply.message, 'warn');
      return;
    }
    this.target = e;
    this.chat.open({ room: reply.room, me: { id: this.conn.memberId, role: 'moderator' }, partner: null });
    this.chat.system('Invitation sent to ' + whoOf(e) + '. They can accept or say no.');
    this.context(e);
    this.announcer.textContent = 'Private conversation opened. Waiting for ' + whoOf(e) + ' to accept.';
  }

  context(e) {
    this.chat.noteLine.textContent = [LEVEL[e.level] || e.level, 'escalation',
      e.current && e.current.room && !e.current.room.startsWith('private-') ? 'in ' + e.current.room
        : e.room ? 'from ' + e.room : null].filter(Boolean).join(' ')
      + '. Only you and this person can see this conversation; it is not kept.';
  }

  /** A server push; returns true when it belonged to the conversation. */
  onEvent(msg) {
    if (!this.chat.onEvent(msg)) return false;
    if (msg.type === 'presence' && msg.event === 'join') {
      this.announcer.textContent = (msg.member.nick || 'The person') + ' joined the private conversation.';
    } else if (msg.type === 'notice' && (msg.code === 'declined' || msg.code === 'closed')) {
      this.announcer.textContent = msg.text;
    }
    return true;
  }

  /** Scrolls to and focuses the escalation of a `#escalation=<id>` link, once per link. */
  focusFromHash() {
    const m = /^#escalation=([A-Za-z0-9_.:-]{1,64})$/.exec(location.hash);
    if (!m || this.focusedHash === location.hash) return;
    const li = document.querySelector('#feed-escalations li[data-escalation="' + CSS.escape(m[1]) + '"]');
    if (!li) {
      this.actions.report('That escalation is no longer in the queue: it may have been resolved.', 'info');
      this.focusedHash = location.hash;
      return;
    }
    this.focusedHash = location.hash;
    for (const other of document.querySelectorAll('#feed-escalations li.focused')) other.classList.remove('focused');
    li.classList.add('focused');
    li.setAttribute('tabindex', '-1');
    li.scrollIntoView({ block: 'center' });
    li.focus();
    byId('mod-announcer').textContent = 'Showing the escalation from your link.';
  }
}
