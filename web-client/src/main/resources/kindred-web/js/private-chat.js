// A private conversation of a warm hand-off (protocol 1.1: mod.reach, invite, mod.close), drawn
// like a small room: who it is with and their role, the messages both ways, a composer, and how
// it ended. Used by the member page and by the moderator console. Text is set as text only.
//
// Screen readers: the panel is a labelled region; its heading takes focus when it opens; new
// messages are read by a polite log; the end of the conversation goes to a status line.
import { el, clear } from './dom.js';
import { Feedback } from './feedback.js';
import { clockTime, isoTime } from './time.js';

export const ROLE_LABEL = { moderator: 'Moderator', admin: 'Moderator', supporter: 'Peer supporter' };

export class PrivateChat {
  /**
   * @param {HTMLElement} host an empty, hidden section; the conversation is drawn into it
   * @param {object} options
   * @param {import('./connection.js').Connection} options.conn
   * @param {string} options.prefix prefix of the element ids inside the panel
   * @param {(partner: object|null) => string} options.heading the panel's heading
   * @param {string} options.note one line under the heading (e.g. who can see it)
   * @param {string} options.leaveText the label of the button that ends it (e.g. "Leave conversation")
   * @param {(room: string) => Promise<object>} options.leave ends it on the server; resolves with the reply
   * @param {() => void} [options.onHidden] the panel was put away (after it ended)
   * @param {string} [options.endedByMe] when set, ending it keeps the conversation on screen with
   *   this sentence (the console, for notes) until "Close"; else the panel is put away at once
   */
  constructor(host, options) {
    this.host = host;
    this.o = options;
    this.room = null;
    this.me = null;
    this.partner = null;
    this.ended = false;
    this.typingUntil = 0;
    host.classList.add('private-chat');
    host.setAttribute('aria-labelledby', options.prefix + '-title');
    this.title = el('h2', { attrs: { id: options.prefix + '-title', tabindex: '-1' } });
    this.badge = el('span', { className: 'badge role-badge' });
    this.noteLine = el('p', { className: 'private-note', text: options.note });
    this.leaveButton = el('button', {
      className: 'button quiet small', text: options.leaveText,
      attrs: { type: 'button', 'data-private-leave': '' },
      on: { click: () => this.leaveOrHide() },
    });
    this.list = el('ol', { className: 'message-list' });
    this.log = el('div', {
      className: 'messages private-messages',
      attrs: { role: 'log', 'aria-live': 'polite', 'aria-label': 'Private messages', tabindex: '0' },
    }, this.list);
    this.typingLine = el('p', { className: 'typing' });
    this.status = el('p', { className: 'private-status', attrs: { role: 'status' } });
    const feedbackHost = el('div');
    this.feedback = new Feedback(feedbackHost);
    this.input = el('textarea', {
      attrs: { id: options.prefix + '-input', rows: '2', placeholder: 'Write a message…',
        'aria-describedby': options.prefix + '-title' },
    });
    this.sendButton = el('button', { className: 'button primary', text: 'Send', attrs: { type: 'submit' } });
    this.form = el('form', { className: 'composer', on: { submit: e => { e.preventDefault(); this.send(); } } },
      el('label', { className: 'visually-hidden', text: 'Your private message', attrs: { for: options.prefix + '-input' } }),
      this.input, this.sendButton);
    this.input.addEventListener('keydown', e => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        this.send();
      }
    });
    this.input.addEventListener('input', () => this.typed());
    host.append(
      el('div', { className: 'private-head' },
        el('div', { className: 'private-heading' }, el('div', { className: 'private-title-row' }, this.title, this.badge),
          this.noteLine),
        this.leaveButton),
      this.log, this.typingLine, this.status, feedbackHost, this.form);
  }

  get isOpen() {
    return this.room !== null;
  }

  /**
   * Shows the conversation.
   * @param {{room: string, me: object, partner?: object|null, history?: object[], focus?: boolean}} c
   */
  open({ room, me, partner = null, history = [], focus = true }) {
    this.room = room;
    this.me = me;
    this.ended = false;
    clear(this.list);
    this.status.textContent = '';
    this.feedback.clear();
    this.host.dataset.room = room;
    this.host.removeAttribute('data-ended');
    this.setPartner(partner);
    this.log.setAttribute('aria-live', 'off');
    for (const m of history) this.add(m);
    this.log.setAttribute('aria-live', 'polite');
    this.input.disabled = false;
    this.sendButton.disabled = false;
    this.leaveButton.textContent = this.o.leaveText;
    this.host.hidden = false;
    if (focus) this.title.focus();
  }

  setPartner(partner) {
    this.partner = partner || null;
    this.title.textContent = this.o.heading(this.partner);
    const label = this.partner ? ROLE_LABEL[this.partner.role] : null;
    this.badge.textContent = label || '';
    this.badge.hidden = !label;
  }

  /** A server push; returns true when it belonged to this conversation. */
  onEvent(msg) {
    if (!this.room || msg.room !== this.room) return false;
    switch (msg.type) {
      case 'message': this.add(msg); break;
      case 'presence':
        if (msg.member && (!this.me || msg.member.id !== this.me.id)) {
          if (msg.event === 'join') this.setPartner(msg.member);
          this.system((msg.member.nick || 'They') + (msg.event === 'join' ? ' joined the conversation' : ' left'));
        }
        break;
      case 'typing':
        this.typingUntil = Date.now() + 5000;
        this.typingLine.textContent = (msg.member && msg.member.nick ? msg.member.nick : 'They') + ' is typing…';
        setTimeout(() => { if (Date.now() >= this.typingUntil) this.typingLine.textContent = ''; }, 5100);
        break;
      case 'deleted': {
        const li = this.list.querySelector('li[data-msg="' + CSS.escape(msg.msg) + '"] .message-text');
        if (li) li.textContent = 'This message was removed by a moderator.';
        break;
      }
      case 'notice':
        if (msg.code === 'closed' || msg.code === 'declined') this.end(msg.text, msg.code);
        else this.feedback.show(msg.text);
        break;
      case 'kicked': this.end('This private conversation has ended.', 'closed'); break;
      default: return false;
    }
    return true;
  }

  add(m) {
    if (this.list.querySelector('li[data-msg="' + CSS.escape(m.msg) + '"]')) return;
    const from = m.from || {};
    const own = this.me && from.id === this.me.id;
    const role = ROLE_LABEL[from.role];
    const near = this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < 80;
    this.list.append(el('li', { className: 'message' + (own ? ' own' : ''), attrs: { 'data-msg': m.msg } },
      el('p', { className: 'message-head' },
        el('span', { className: 'message-nick', text: own ? 'You' : from.nick || 'Someone' }),
        role && !own ? el('span', { className: 'badge', text: role }) : null,
        el('time', { className: 'message-time', text: clockTime(m.ts), attrs: { datetime: isoTime(m.ts) } })),
      el('p', { className: 'message-text', text: m.text })));
    this.typingLine.textContent = own ? this.typingLine.textContent : '';
    if (near || own) this.log.scrollTop = this.log.scrollHeight;
  }

  system(text) {
    this.list.append(el('li', { className: 'system', text }));
    this.log.scrollTop = this.log.scrollHeight;
  }

  /** The conversation is over: say so, keep what was said on screen until the panel is put away. */
  end(text, code) {
    if (this.ended) return;
    this.ended = true;
    this.host.dataset.ended = code || 'closed';
    this.status.textContent = text || 'This private conversation has ended.';
    this.typingLine.textContent = '';
    this.input.disabled = true;
    this.sendButton.disabled = true;
    this.leaveButton.textContent = 'Close';
  }

  async send() {
    const text = this.input.value.trim();
    if (!text || !this.room || this.ended) return;
    const reply = await this.o.conn.request({ type: 'send', room: this.room, text });
    if (reply.type === 'error') {
      this.feedback.error(reply);
      return;
    }
    this.input.value = '';
    if (reply.status === 'masked') {
      this.feedback.show('Some details, like phone numbers or e-mail addresses, were hidden before your message '
        + 'was shared.', { tone: 'info' });
    } else if (reply.status === 'held') {
      this.feedback.show('A moderator will look at your message before it is shared.', { tone: 'info' });
    } else {
      this.feedback.clear();
    }
  }

  typed() {
    const now = Date.now();
    if (this.room && !this.ended && this.input.value.trim() && now - (this.lastTyping || 0) > 3000) {
      this.lastTyping = now;
      this.o.conn.notify({ type: 'typing', room: this.room });
    }
  }

  async leaveOrHide() {
    if (!this.ended && this.room) {
      const reply = await this.o.leave(this.room);
      if (reply && reply.type === 'error' && reply.code !== 'not_found' && reply.code !== 'offline') {
        this.feedback.error(reply);
        return;
      }
      if (this.o.endedByMe) {
        this.end(this.o.endedByMe, 'closed');
        this.leaveButton.focus();
        return;
      }
    }
    this.hide();
  }

  /** Puts the panel away. */
  hide() {
    this.room = null;
    this.host.hidden = true;
    delete this.host.dataset.room;
    if (this.o.onHidden) this.o.onHidden();
  }
}
