// The console's side of a warm hand-off (protocol 1.1): "Reach" on an escalation claims it
// (when nobody has yet) and opens a private conversation with the person (`mod.reach`), shown in
// a panel: the invitation's fate (joined, declined), the messages both ways, and "End
// conversation" (`mod.close`). Also focuses the escalation named by a `#escalation=<id>` link
// (pages from the paging webhooks link there).
import { byId } from './dom.js';
import { PrivateChat } from './private-chat.js';
import { whoOf, levelLabel } from './mod-member.js';
import { msg, put } from './i18n.js';

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
      heading: p => (p && p.nick ? msg('private.headingWith', { nick: p.nick })
        : msg('reach.headingInvited', { nick: this.targetName() })),
      note: msg('reach.note'),
      leaveText: msg('reach.end'),
      endedByMe: msg('reach.ended'),
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
    return this.target ? whoOf(this.target) : msg('reach.thePerson');
  }

  /** Claims (if still open) and reaches the person of escalation {@code e}. */
  async reach(e) {
    if (this.chat.isOpen && !this.chat.ended) {
      this.actions.report(msg('reach.busy'), 'warn');
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
    this.chat.system(msg('reach.sent', { who: whoOf(e) }));
    this.context(e);
    put(this.announcer, msg('reach.opened', { who: whoOf(e) }));
  }

  context(e) {
    const now = e.current && e.current.room && !e.current.room.startsWith('private-') ? e.current.room : null;
    const level = levelLabel(e.level);
    put(this.chat.noteLine, now ? msg('reach.contextIn', { level, room: now })
      : e.room ? msg('reach.contextFrom', { level, room: e.room }) : msg('reach.context', { level }));
  }

  /** A server push; returns true when it belonged to the conversation. */
  onEvent(ev) {
    if (!this.chat.onEvent(ev)) return false;
    if (ev.type === 'presence' && ev.event === 'join') {
      put(this.announcer, msg('reach.joined', { who: ev.member.nick || msg('reach.thePersonCap') }));
    } else if (ev.type === 'notice' && (ev.code === 'declined' || ev.code === 'closed')) {
      put(this.announcer, ev.text);
    }
    return true;
  }

  /** Scrolls to and focuses the escalation of a `#escalation=<id>` link, once per link. */
  focusFromHash() {
    const m = /^#escalation=([A-Za-z0-9_.:-]{1,64})$/.exec(location.hash);
    if (!m || this.focusedHash === location.hash) return;
    const li = document.querySelector('#feed-escalations li[data-escalation="' + CSS.escape(m[1]) + '"]');
    if (!li) {
      this.actions.report(msg('reach.linkGone'), 'info');
      this.focusedHash = location.hash;
      return;
    }
    this.focusedHash = location.hash;
    for (const other of document.querySelectorAll('#feed-escalations li.focused')) other.classList.remove('focused');
    li.classList.add('focused');
    li.setAttribute('tabindex', '-1');
    li.scrollIntoView({ block: 'center' });
    li.focus();
    put(byId('mod-announcer'), msg('reach.linkShown'));
  }
}
