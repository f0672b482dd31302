// The private support card shown after a `crisis` event: calm, dismissible, never modal.
// Links are built from validated numbers and https URLs only.
import { el, clear } from './dom.js';

const LEVEL_LEAD = {
  concern: 'Thank you for sharing that. You deserve support.',
  high: "You don't have to carry this alone. People are ready to listen right now.",
  imminent: 'Please reach out now. Someone is ready to talk with you right away.',
};

export class CrisisCard {
  /** @param {HTMLElement} slot where the card appears (top of the page content) */
  constructor(slot) {
    this.slot = slot;
  }

  show(crisis) {
    clear(this.slot);
    const title = el('h2', { text: 'Support is here for you', attrs: { id: 'crisis-title', tabindex: '-1' } });
    const card = el('section', {
      className: 'crisis-card',
      attrs: { 'aria-labelledby': 'crisis-title', 'data-level': crisis.level || 'concern' },
    },
    el('div', { className: 'crisis-head' },
      title,
      el('button', {
        className: 'button quiet',
        text: 'Close',
        attrs: { type: 'button', 'aria-label': 'Close the support card' },
        on: { click: () => this.hide() },
      })),
    el('p', { className: 'crisis-text', text: crisis.text || LEVEL_LEAD[crisis.level] || LEVEL_LEAD.concern }),
    el('p', { className: 'crisis-note', text: 'Only you can see this. You can close it and keep chatting.' }),
    this.resourceList(crisis.resources || []));
    this.slot.append(card);
    this.slot.hidden = false;
    title.focus({ preventScroll: false });
    card.scrollIntoView({ block: 'nearest' });
  }

  hide() {
    clear(this.slot);
    this.slot.hidden = true;
    document.dispatchEvent(new CustomEvent('crisis-card-closed'));
  }

  get visible() {
    return !this.slot.hidden;
  }

  resourceList(resources) {
    const list = el('ul', { className: 'crisis-resources' });
    for (const r of resources) {
      const links = el('p', { className: 'crisis-links' });
      const phone = digits(r.phone);
      if (phone) links.append(link('tel:' + phone, 'Call ' + r.phone.trim(), r.name));
      const sms = digits(r.sms);
      if (sms) {
        const keyword = typeof r.smsKeyword === 'string' && r.smsKeyword.trim() ? r.smsKeyword.trim() : null;
        const href = 'sms:' + sms + (keyword ? '?&body=' + encodeURIComponent(keyword) : '');
        links.append(link(href, keyword ? 'Text ' + keyword + ' to ' + r.sms.trim() : 'Text ' + r.sms.trim(), r.name));
      }
      const chat = https(r.chat);
      if (chat) links.append(link(chat, 'Chat online', r.name, true));
      const url = https(r.url);
      if (url) links.append(link(url, url === chat ? 'Website' : 'Visit ' + new URL(url).hostname, r.name, true));
      const meta = [r.hours, r.region].filter(x => typeof x === 'string' && x.trim()).join(' · ');
      list.append(el('li', { className: 'crisis-resource' },
        el('h3', { text: r.name || 'Support line' }),
        meta ? el('p', { className: 'crisis-meta', text: meta }) : null,
        links));
    }
    return list;
  }
}

function link(href, label, name, external) {
  const a = el('a', { className: 'button link-button', text: label });
  a.href = href;
  if (external) {
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.setAttribute('aria-label', label + ', ' + name + ' (opens in a new tab)');
  } else {
    a.setAttribute('aria-label', label + ', ' + name);
  }
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
