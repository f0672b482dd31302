// A private conversation of a warm hand-off (protocol 1.1: mod.reach, invite, mod.close), drawn
// like a small room: who it is with and their role, the messages both ways, a composer, and how
// it ended. Used by the member page and by the moderator console. Text is set as text only.
//
// Screen readers: the panel is a labelled region; its heading takes focus when it opens; new
// messages are read by a polite log; the end of the conversation goes to a status line.
import { el, clear } from './dom.js';
import { Feedback } from './feedback.js';
import { clockTime, isoTime } from './time.js';
import { msg, put } from './i18n.js';

export const ROLE_LABEL = { moderator: msg('role.moderator'), admin: msg('role.moderator'), supporter: msg('role.supporter') };

export class PrivateChat {
  /**
   * @param {HTMLElement} host an empty, hidden section; the conversation is drawn into it
   * @param {object} options
   * @param {import('./connection.js').Connection} options.conn
   * @param {string} options.prefix prefix of the element ids inside the panel
   * @param {(partner: object|null) => object} options.heading the panel's heading (a msg())
   * @param {object} options.note one line under the heading (e.g. who can see it; a msg())
   * @param {object} options.leaveText the label of the button that ends it (e.g. "Leave conversation"; a msg())
   * @param {(room: string) => Promise<object>} options.leave ends it on the server; resolves with the reply
   * @param {() => void} [options.onHidden] the panel was put away (after it ended)
   * @param {object} [options.endedByMe] a msg(); when set, ending it keeps the conversation on screen with
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
      attrs: { role: 'log', 'aria-live': 'polite', 'aria-label': msg('private.messages'), tabindex: '0' },
    }, this.list);
    this.typingLine = el('p', { className: 'typing' });
    this.status = el('p', { className: 'private-status', attrs: { role: 'status' } });
    const feedbackHost = el('div');
    this.feedback = new Feedback(feedbackHost);
    this.input = el('textarea', {
      attrs: { id: options.prefix + '-input', rows: '2', placeholder: msg('composer.placeholder'),
        'aria-describedby': options.prefix + '-title' },
    });
    this.sendButton = el('button', { className: 'button primary', text: msg('composer.send'), attrs: { type: 'submit' } });
    this.form = el('form', { className: 'composer', on: { submit: e => { e.preventDefault(); this.send(); } } },
      el('label', { className: 'visually-hidden', text: msg('private.yourMessage'), attrs: { for: options.prefix + '-input' } }),
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
    put(this.status, '');
    this.feedback.clear();
    this.host.dataset.room = room;
    this.host.removeAttribute('data-ended');
    this.setPartner(partner);
    this.log.setAttribute('aria-live', 'off');
    for (const m of history) this.add(m);
    this.log.setAttribute('aria-live', 'polite');
    this.input.disabled = false;
    this.sendButton.disabled = false;
    put(this.leaveButton, this.o.leaveText);
    this.host.hidden = false;
    if (focus) this.title.focus();
  }

  setPartner(partner) {
    this.partner = partner || null;
    put(this.title, this.o.heading(this.partner));
    const label = this.partner ? ROLE_LABEL[this.partner.role] : null;
    put(this.badge, label || '');
    this.badge.hidden = !label;
  }

  /** A server push; returns true when it belonged to this conversation. */
  onEvent(ev) {
    if (!this.room || ev.room !== this.room) return false;
    switch (ev.type) {
      case 'message': this.add(ev); break;
      case 'presence':
        if (ev.member && (!this.me || ev.member.id !== this.me.id)) {
          if (ev.event === 'join') this.setPartner(ev.member);
          const nick = ev.member.nick || msg('private.they');
          this.system(msg(ev.event === 'join' ? 'private.joined' : 'private.left', { nick }));
        }
        break;
      case 'typing':
        this.typingUntil = Date.now() + 5000;
        put(this.typingLine, msg('typing.one', { nick: ev.member && ev.member.nick ? ev.member.nick : msg('private.they') }));
        setTimeout(() => { if (Date.now() >= this.typingUntil) put(this.typingLine, ''); }, 5100);
        break;
      case 'deleted': {
        const li = this.list.querySelector('li[data-msg="' + CSS.escape(ev.msg) + '"] .message-text');
        if (li) put(li, msg('message.removed'));
        break;
      }
      case 'notice':
        if (ev.code === 'closed' || ev.code === 'declined') this.end(ev.text, ev.code);
        else this.feedback.show(ev.text);
        break;
      case 'kicked': this.end(msg('private.ended'), 'closed'); break;
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
        el('span', { className: 'message-nick', text: own ? msg('message.you') : from.nick || msg('message.someone') }),
        role && !own ? el('span', { className: 'badge', text: role }) : null,
        el('time', { className: 'message-time', text: clockTime(m.ts),
          attrs: { datetime: isoTime(m.ts), 'data-clock': true } })),
      el('p', { className: 'message-text', text: m.text })));
    if (!own) put(this.typingLine, '');
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
    put(this.status, text || msg('private.ended'));
    put(this.typingLine, '');
    this.input.disabled = true;
    this.sendButton.disabled = true;
    put(this.leaveButton, msg('common.close'));
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
      this.feedback.show(msg('private.masked'), { tone: 'info' });
    } else if (reply.status === 'held') {
      this.feedback.show(msg('private.held'), { tone: 'info' });
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
