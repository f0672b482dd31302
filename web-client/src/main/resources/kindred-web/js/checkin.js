// "Check in on me later" (PROTOCOL.md 1.1, follow-up check-in, by consent).
//
// 1. The offer: every time the crisis card is shown (event `crisis-card-shown`) and the server
//    lists `checkin` in welcome.features, the card ends with a small section offering a check-in
//    in 30 minutes, 1 hour or 3 hours. Choosing one sends `checkin`; the section then says when
//    it will come (a polite status line) and offers to cancel it (`checkin.cancel`). One planned
//    check-in at a time from here; it is remembered for this tab (sessionStorage) so a reload
//    still shows it and can cancel it.
// 2. The question: when the server sends `checkin` {checkin, text}, a calm card appears at the top
//    of the page with the question and three answers (Better / About the same / Worse). Focus moves
//    to its heading and one polite sentence announces it. Better and same get a thank-you; worse
//    closes the question and the crisis card comes back (the server sends it, with focus on it),
//    or, when the server cannot be reached, the help button's own lines.
import { el, clear, byId } from './dom.js';
import { msg, put, t, text } from './i18n.js';
import { dur, at } from './time.js';

const CHOICES = [
  { minutes: 30, label: msg('checkin.in', { when: dur(1800) }) },
  { minutes: 60, label: msg('checkin.in', { when: dur(3600) }) },
  { minutes: 180, label: msg('checkin.in', { when: dur(10800) }) },
];
const ANSWERS = [
  { answer: 'better', label: msg('checkin.answer.better') },
  { answer: 'same', label: msg('checkin.answer.same') },
  { answer: 'worse', label: msg('checkin.answer.worse') },
];
const THANKS = {
  better: msg('checkin.thanks.better'),
  same: msg('checkin.thanks.same'),
};
const KEY = 'kindred.checkin';

export class CheckIns {
  /**
   * @param {{slot: HTMLElement, announcer: HTMLElement, connection: () => (import('./connection.js').Connection|null)}} opts
   *   slot: where the question appears; announcer: a polite status line; connection: the current one, if any
   */
  constructor({ slot, announcer, connection }) {
    this.slot = slot;
    this.announcer = announcer;
    this.connection = connection;
    this.planned = load(); // {id, minutes, dueAt} planned from this tab, or null
    this.cardFocus = false; // the next crisis card follows a "worse" answer: it takes focus
    this.attached = new WeakSet();
    document.addEventListener('crisis-card-shown', e => this.offer(e.detail.card));
  }

  /** Listens to a connection's events (once per connection). */
  attach(conn) {
    if (this.attached.has(conn)) return;
    this.attached.add(conn);
    conn.addEventListener('message', e => {
      if (e.detail.msg.type === 'checkin') this.ask(e.detail.msg);
    });
  }

  /** True once after a "worse" answer: the crisis card that follows should take focus. */
  takeCardFocus() {
    const want = this.cardFocus;
    this.cardFocus = false;
    return want;
  }

  supported() {
    const c = this.connection();
    const features = c && c.isOpen && c.welcome ? c.welcome.features : null;
    return Array.isArray(features) && features.includes('checkin');
  }

  // --- the offer, inside the crisis card -------------------------------------------------

  offer(card) {
    if (!card || !this.supported()) return;
    if (this.planned && Date.now() > this.planned.dueAt + 15 * 60000) {
      this.planned = null; // long past its time and never came (e.g. the session ended): forget it
      save(null);
    }
    const title = el('h3', { text: msg('checkin.offer'), attrs: { id: 'checkin-offer-title' } });
    const status = el('p', { className: 'checkin-status', attrs: { role: 'status', id: 'checkin-offer-status' } });
    const body = el('div', { className: 'checkin-offer-body' });
    const section = el('section', { className: 'checkin-offer', attrs: { 'aria-labelledby': 'checkin-offer-title' } },
      title,
      el('p', { className: 'checkin-hint', attrs: { id: 'checkin-offer-hint' },
        text: msg('checkin.offerHint') }),
      body, status);
    card.append(section);
    this.renderOffer(body, status, null);
  }

  renderOffer(body, status, focusAfter) {
    clear(body);
    if (this.planned) {
      body.append(el('p', { className: 'checkin-planned', text: whenText(this.planned) }));
      const cancel = el('button', { className: 'button quiet', text: msg('checkin.cancel'),
        attrs: { type: 'button', 'data-checkin-cancel': '' }, on: { click: () => this.cancel(body, status) } });
      body.append(el('p', { className: 'checkin-actions' }, cancel));
      if (focusAfter === 'cancel') cancel.focus();
      return;
    }
    const group = el('div', { className: 'checkin-actions',
      attrs: { role: 'group', 'aria-labelledby': 'checkin-offer-title', 'aria-describedby': 'checkin-offer-hint' } });
    for (const c of CHOICES) {
      group.append(el('button', { className: 'button', text: c.label,
        attrs: { type: 'button', 'data-minutes': c.minutes },
        on: { click: e => this.plan(c, body, status, e.currentTarget) } }));
    }
    body.append(group);
    if (focusAfter === 'choices') group.querySelector('button').focus();
  }

  async plan(choice, body, status, button) {
    const c = this.connection();
    for (const b of body.querySelectorAll('button')) b.disabled = true;
    put(status, msg('checkin.planning'));
    const reply = c ? await c.request({ type: 'checkin', minutes: choice.minutes }) : null;
    if (!reply || reply.type !== 'ok' || !reply.checkin) {
      for (const b of body.querySelectorAll('button')) b.disabled = false;
      put(status, (reply && reply.message) || msg('checkin.planFailed'));
      button.focus();
      return;
    }
    this.planned = { id: reply.checkin, minutes: choice.minutes, dueAt: Date.now() + choice.minutes * 60000 };
    save(this.planned);
    this.renderOffer(body, status, 'cancel');
    put(status, msg('checkin.planned', { when: whenText(this.planned) }));
  }

  async cancel(body, status) {
    const planned = this.planned;
    const c = this.connection();
    for (const b of body.querySelectorAll('button')) b.disabled = true;
    const reply = c && planned ? await c.request({ type: 'checkin.cancel', checkin: planned.id }) : null;
    if (reply && reply.type === 'error' && reply.code !== 'not_found') {
      for (const b of body.querySelectorAll('button')) b.disabled = false;
      put(status, reply.message || msg('checkin.cancelFailed'));
      return;
    }
    this.planned = null;
    save(null);
    this.renderOffer(body, status, 'choices');
    put(status, msg('checkin.cancelled'));
  }

  // --- the question, when the time comes ---------------------------------------------------

  ask(event) {
    if (typeof event.checkin !== 'string' || typeof event.text !== 'string') return;
    if (this.slot.dataset.checkin === event.checkin && !this.slot.hidden) return; // already on screen
    if (this.planned && this.planned.id === event.checkin) {
      this.planned = null;
      save(null);
    }
    clear(this.slot);
    this.slot.dataset.checkin = event.checkin;
    const title = el('h2', { text: msg('checkin.title'), attrs: { id: 'checkin-title', tabindex: '-1' } });
    const status = el('p', { className: 'checkin-status', attrs: { role: 'status' } });
    const answers = el('div', { className: 'checkin-actions',
      attrs: { role: 'group', 'aria-labelledby': 'checkin-question' } });
    for (const a of ANSWERS) {
      answers.append(el('button', { className: 'button quiet', text: a.label,
        attrs: { type: 'button', 'data-answer': a.answer },
        on: { click: () => this.answer(event.checkin, a.answer, answers, status) } }));
    }
    const card = el('section', { className: 'checkin-card',
      attrs: { 'aria-labelledby': 'checkin-title', 'aria-describedby': 'checkin-question' } },
    title,
    el('p', { className: 'checkin-question', text: event.text, attrs: { id: 'checkin-question' } }),
    answers,
    el('p', { className: 'checkin-hint', text: msg('crisis.onlyYou') }),
    status);
    this.slot.append(card);
    this.slot.hidden = false;
    title.focus({ preventScroll: true });
    this.slot.scrollIntoView({ block: 'nearest' });
    this.announce(t('checkin.announce', { question: event.text }));
  }

  async answer(id, answer, answers, status) {
    for (const b of answers.querySelectorAll('button')) b.disabled = true;
    put(status, msg('checkin.sending'));
    if (answer === 'worse') this.cardFocus = true;
    const c = this.connection();
    const reply = c ? await c.request({ type: 'checkin.answer', checkin: id, answer }) : null;
    if (answer === 'worse') {
      // Focus waits where a closed card returns it; the crisis card that follows takes it.
      const input = document.getElementById('message-input');
      (input && !input.closest('[hidden]') ? input : byId('help-button')).focus({ preventScroll: true });
      this.close(false);
      if (!reply || reply.type !== 'ok') {
        // The server could not hear it: the help button still shows lines, whatever the connection.
        this.cardFocus = false;
        byId('help-button').click();
      } else {
        setTimeout(() => { this.cardFocus = false; }, 10000); // a card much later is no answer to this
      }
      return;
    }
    if (!reply || reply.type !== 'ok') {
      put(status, (reply && reply.message) || msg('checkin.sendFailed'));
      if (!reply || reply.code !== 'not_found') {
        for (const b of answers.querySelectorAll('button')) b.disabled = false;
        return;
      }
    } else {
      put(status, '');
      answers.replaceWith(el('p', { className: 'checkin-thanks', text: THANKS[answer] }));
      this.announce(text(THANKS[answer]));
    }
    const close = el('button', { className: 'button quiet', text: msg('common.close'),
      attrs: { type: 'button', 'aria-label': msg('checkin.closeLabel') }, on: { click: () => this.close(true) } });
    this.slot.querySelector('.checkin-card').append(el('p', { className: 'checkin-actions' }, close));
    close.focus();
  }

  close(moveFocus) {
    const had = this.slot.contains(document.activeElement);
    clear(this.slot);
    this.slot.hidden = true;
    delete this.slot.dataset.checkin;
    if (moveFocus && had) {
      const input = document.getElementById('message-input');
      (input && !input.closest('[hidden]') ? input : byId('help-button')).focus();
    }
  }

  announce(text) {
    this.announcer.textContent = '';
    setTimeout(() => { this.announcer.textContent = text; }, 50);
  }
}

/** "We'll check in with you in 1 hour, at about 15:30…" as a msg() (the time in the language shown). */
function whenText(p) {
  return msg('checkin.when', { in: dur(p.minutes * 60), at: at(p.dueAt) });
}

function load() {
  try {
    const v = JSON.parse(sessionStorage.getItem(KEY) || 'null');
    return v && typeof v.id === 'string' && typeof v.dueAt === 'number' ? v : null;
  } catch {
    return null;
  }
}

function save(planned) {
  try {
    if (planned) sessionStorage.setItem(KEY, JSON.stringify(planned));
    else sessionStorage.removeItem(KEY);
  } catch {
    // storage disabled: the check-in still comes; only a reload forgets the cancel button
  }
}
