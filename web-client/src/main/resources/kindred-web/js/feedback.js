// Inline feedback next to the thing it is about: a polite live line for the sentence, and
// a countdown beside it (not live, so screen readers are not interrupted every second).
import { el, clear } from './dom.js';
import { put, msg } from './i18n.js';

export class Feedback {
  /** @param {HTMLElement} host an empty container; the feedback lines are created inside it */
  constructor(host) {
    this.line = el('p', { className: 'feedback-text', attrs: { role: 'status' } });
    this.countdown = el('p', { className: 'feedback-countdown' });
    host.classList.add('feedback');
    host.append(this.line, this.countdown);
    this.host = host;
    this.timer = null;
  }

  /**
   * @param {string|{k: string, a?: object}} text a sentence for people: a server's, or a msg() of the catalogs
   * @param {{tone?: 'info'|'warn'|'ok', retryAfterMs?: number, onDone?: () => void}} [opts]
   */
  show(text, opts = {}) {
    this.stopCountdown();
    this.code = opts.code || null;
    this.host.dataset.tone = opts.tone || 'info';
    put(this.line, text);
    clear(this.countdown);
    if (opts.retryAfterMs > 0) {
      const until = Date.now() + opts.retryAfterMs;
      const tick = () => {
        const left = Math.ceil((until - Date.now()) / 1000);
        if (left <= 0) {
          this.stopCountdown();
          put(this.countdown, '');
          if (opts.onDone) opts.onDone();
          return;
        }
        put(this.countdown, msg('feedback.retryIn', { count: left }));
      };
      tick();
      this.timer = setInterval(tick, 250);
    }
  }

  /** Shows a server `error` reply; returns it for chaining. */
  error(reply, onDone) {
    this.show(reply.message || msg('feedback.generic'),
      { tone: 'warn', retryAfterMs: reply.retryAfterMs, onDone, code: reply.code });
    return reply;
  }

  clear() {
    this.stopCountdown();
    this.code = null;
    put(this.line, '');
    put(this.countdown, '');
    delete this.host.dataset.tone;
  }

  get counting() {
    return this.timer !== null;
  }

  stopCountdown() {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}
