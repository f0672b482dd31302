// The private support card shown after a `crisis` event or the help button: calm,
// dismissible, never modal. Links are built from validated numbers and https URLs only.
//
// Screen readers: the card is a labelled region (a landmark people can jump to). How it is
// announced depends on why it appeared:
//  - the person pressed "I need help now": they asked for it, so focus moves to the card's
//    heading (it is read at once) and returns to where it was when the card is closed;
//  - it followed a message they wrote: focus stays in the composer (the conversation is never
//    interrupted) and one short sentence goes to a polite status line, saying what appeared
//    and where. Putting the whole card in a live region would read every phone number aloud.
// Escape (with focus in the card) or the Close button dismisses it.
import { el, clear } from './dom.js';
import { msg, putAttr, t, text as words } from './i18n.js';

// Used only when the server sent no text of its own (its text is in the session's language).
const LEVEL_LEAD = {
  concern: msg('crisis.lead.concern'),
  high: msg('crisis.lead.high'),
  imminent: msg('crisis.lead.imminent'),
};

export class CrisisCard {
  /**
   * @param {HTMLElement} slot where the card appears (top of the page content)
   * @param {HTMLElement} announcer a polite status line (visually hidden)
   */
  constructor(slot, announcer) {
    this.slot = slot;
    this.announcer = announcer;
    this.returnFocus = null;
    this.last = null; // the crisis shown, so a reload can show it again
    this.slot.addEventListener('keydown', e => {
      if (e.key === 'Escape' && this.visible) {
        e.preventDefault();
        this.hide();
      }
    });
  }

  /**
   * @param {object} crisis a `crisis` event or reply
   * @param {{focus?: boolean, note?: string|object}} [opts] focus: move focus to the card (the person asked
   *   for help); note: a plain sentence shown above the lines (e.g. that no moderator can be reached)
   */
  show(crisis, { focus = false, note = null } = {}) {
    const hadFocus = this.slot.contains(document.activeElement);
    this.last = crisis;
    clear(this.slot);
    const lead = crisis.text || LEVEL_LEAD[crisis.level] || LEVEL_LEAD.concern;
    const title = el('h2', { text: msg('crisis.title'), attrs: { id: 'crisis-title', tabindex: '-1' } });
    const card = el('section', {
      className: 'crisis-card',
      attrs: { 'aria-labelledby': 'crisis-title',
        'aria-describedby': note ? 'crisis-unreachable crisis-text' : 'crisis-text',
        'data-level': crisis.level || 'concern' },
    },
    el('div', { className: 'crisis-head' },
      title,
      el('button', {
        className: 'button quiet crisis-close',
        text: msg('common.close'),
        attrs: { type: 'button', 'aria-label': msg('crisis.closeLabel'), 'aria-keyshortcuts': 'Escape' },
        on: { click: () => this.hide() },
      })),
    note ? el('p', { className: 'crisis-unreachable', text: note, attrs: { id: 'crisis-unreachable' } }) : null,
    this.quickLinks(crisis.resources || []),
    el('p', { className: 'crisis-text', text: lead, attrs: { id: 'crisis-text' } }),
    el('p', { className: 'crisis-note', text: note ? msg('crisis.onlyYou') : msg('crisis.onlyYouKeepChatting') }),
    this.resourceList(crisis.resources || []));
    this.slot.append(card);
    this.slot.hidden = false;
    document.dispatchEvent(new CustomEvent('crisis-card-shown', { detail: { card } })); // e.g. the check-in offer
    if (focus || hadFocus) {
      if (!hadFocus) this.returnFocus = document.activeElement;
      title.focus({ preventScroll: true });
      this.slot.scrollIntoView({ block: 'nearest' });
      this.announce('');
    } else {
      this.returnFocus = null;
      this.announce(t('crisis.announce', { lead: words(lead) }));
    }
  }

  hide() {
    const hadFocus = this.slot.contains(document.activeElement);
    clear(this.slot);
    this.slot.hidden = true;
    if (hadFocus) {
      const back = this.returnFocus && this.returnFocus.isConnected && !this.returnFocus.closest('[hidden]')
        ? this.returnFocus : document.getElementById('message-input');
      if (back && !back.closest('[hidden]')) back.focus();
      else document.getElementById('help-button').focus();
    }
    this.returnFocus = null;
    this.announce(t('crisis.closed'));
    document.dispatchEvent(new CustomEvent('crisis-card-closed'));
  }

  get visible() {
    return !this.slot.hidden;
  }

  announce(text) {
    // Clear first so the same sentence twice is announced twice.
    this.announcer.textContent = '';
    if (text) setTimeout(() => { this.announcer.textContent = text; }, 50);
  }

  /**
   * The first line that can be called and the first that can be texted, as big buttons right under the heading, so
   * that on a phone they are visible without scrolling the card. The full list follows.
   */
  quickLinks(resources) {
    const caller = resources.find(r => digits(r.phone));
    const texter = resources.find(r => digits(r.sms));
    if (!caller && !texter) return null;
    const row = el('p', { className: 'crisis-links crisis-quick' });
    if (caller) row.append(link('tel:' + digits(caller.phone), msg('crisis.call', { number: caller.phone.trim() }), caller.name));
    if (texter) row.append(smsLink(texter, true));
    return row;
  }

  resourceList(resources) {
    const list = el('ul', { className: 'crisis-resources' });
    for (const r of resources) {
      const links = el('p', { className: 'crisis-links' });
      const phone = digits(r.phone);
      if (phone) links.append(link('tel:' + phone, msg('crisis.call', { number: r.phone.trim() }), r.name));
      if (digits(r.sms)) links.append(smsLink(r));
      const chat = https(r.chat);
      if (chat) links.append(link(chat, msg('crisis.chat'), r.name, true));
      const url = https(r.url);
      if (url) {
        links.append(link(url, url === chat ? msg('crisis.website') : msg('crisis.visit', { host: new URL(url).hostname }),
          r.name, true));
      }
      const meta = [r.hours, r.region].filter(x => typeof x === 'string' && x.trim()).join(' · ');
      list.append(el('li', { className: 'crisis-resource' },
        el('h3', { text: r.name || msg('crisis.line') }),
        meta ? el('p', { className: 'crisis-meta', text: meta }) : null,
        links));
    }
    return list;
  }
}

/**
 * A "Text" button for a line's SMS number. When the service asks for a keyword (HOME, SHOUT) the
 * button says it and the message is prefilled with it: `sms:NUMBER?&body=WORD` is the one form both
 * Android (`?body=`) and iOS 8 and later (`&body=`) read; the label keeps the word in sight for
 * any phone that ignores the body. {@code short}: the quick button beside "Call", which says only
 * "Text HOME" so that both fit a phone's width (the number is in its aria-label and in the list).
 */
function smsLink(r, short) {
  const number = digits(r.sms);
  const keyword = typeof r.smsKeyword === 'string' && /^[\p{L}\p{N} ]{1,30}$/u.test(r.smsKeyword.trim())
    ? r.smsKeyword.trim() : null;
  const href = 'sms:' + number + (keyword ? '?&body=' + encodeURIComponent(keyword) : '');
  const shown = r.sms.trim();
  const full = keyword ? msg('crisis.textKeywordTo', { keyword, number: shown }) : msg('crisis.text', { number: shown });
  const a = link(href, short && keyword ? msg('crisis.textKeyword', { keyword }) : full, r.name);
  if (short && keyword) {
    putAttr(a, 'aria-label', r.name ? msg('crisis.spoken', { label: full, name: r.name }) : full);
  }
  return a;
}

/** A link button; {@code label} is a msg(), {@code name} the line's name (said after the label). */
function link(href, label, name, external) {
  const a = el('a', { className: 'button link-button', text: label });
  a.href = href;
  const spoken = name && !words(label).includes(name) ? msg('crisis.spoken', { label, name }) : label;
  putAttr(a, 'aria-label', external ? msg('crisis.newTab', { label: spoken }) : spoken);
  return a;
}

function digits(value) {
  if (typeof value !== 'string') return null;
  const d = value.replace(/[\s-]/g, '');
  return /^\+?\d{2,20}$/.test(d) ? d : null;
}

function https(value) {
  if (typeof value !== 'string') return null;
  try {
    const u = new URL(value);
    return u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
