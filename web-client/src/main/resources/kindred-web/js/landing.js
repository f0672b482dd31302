// The landing page: community guidelines to accept, optional nickname, region, and the
// room list (topic, people present) fetched from GET /api/rooms and refreshed while shown.
import { el, clear, byId } from './dom.js';
import { guessRegion, regionOptions } from './region.js';
import { msg, put } from './i18n.js';

const REFRESH_MS = 20000;
const STORE = window.sessionStorage;

export class Landing {
  /**
   * @param {{onJoin: (room: string, nick: string|undefined) => void,
   *          onRegionChange: (region: string) => void}} handlers
   */
  constructor({ onJoin, onRegionChange }) {
    this.section = byId('landing');
    this.form = byId('join-form');
    this.accept = byId('accept');
    this.nick = byId('nick');
    this.region = byId('region');
    this.list = byId('room-list');
    this.status = byId('rooms-status');
    this.onJoin = onJoin;
    this.roomErrors = new Map();
    this.timer = null;

    const saved = STORE.getItem('kindred.region');
    const guessed = guessRegion();
    const chosen = saved || guessed;
    this.fillRegions(chosen);
    this.region.addEventListener('change', () => {
      STORE.setItem('kindred.region', this.region.value);
      onRegionChange(this.region.value);
    });
    this.nick.value = STORE.getItem('kindred.nick') || '';
    this.accept.checked = STORE.getItem('kindred.accepted') === 'yes';
    this.accept.addEventListener('change', () => {
      STORE.setItem('kindred.accepted', this.accept.checked ? 'yes' : 'no');
      if (this.accept.checked) put(byId('accept-error'), '');
    });
    this.nick.addEventListener('input', () => {
      put(byId('nick-error'), '');
      this.nick.removeAttribute('aria-invalid');
    });
    this.form.addEventListener('submit', e => {
      e.preventDefault();
      put(this.status, msg('landing.chooseBelow'));
    });
  }

  /** The region picker's options, named in the language shown; {@code chosen} stays selected. */
  fillRegions(chosen) {
    clear(this.region);
    for (const { code, name } of regionOptions(chosen)) {
      this.region.append(el('option', { text: name, attrs: { value: code } }));
    }
    this.region.append(el('option', { text: msg('landing.elsewhere'), attrs: { value: '' } }));
    this.region.value = chosen || '';
  }

  /** After a switch of language: region names and the room cards again (the rest is re-translated in place). */
  relocalize() {
    this.fillRegions(this.region.value || null);
    if (this.rooms) this.render(this.rooms);
  }

  get regionCode() {
    return this.region.value || null;
  }

  show() {
    this.section.hidden = false;
    this.load();
    clearInterval(this.timer);
    this.timer = setInterval(() => this.load(), REFRESH_MS);
  }

  hide() {
    this.section.hidden = true;
    clearInterval(this.timer);
  }

  async load() {
    try {
      const res = await fetch('/api/rooms', { headers: { Accept: 'application/json' } });
      if (!res.ok) throw new Error('status ' + res.status);
      const body = await res.json();
      this.rooms = body.rooms || [];
      this.render(this.rooms);
      put(this.status, '');
    } catch {
      if (!this.list.childElementCount) {
        put(this.status, msg('landing.roomsFailed'));
      }
    }
  }

  render(rooms) {
    const focused = document.activeElement && document.activeElement.dataset
      ? document.activeElement.dataset.room : null;
    clear(this.list);
    for (const r of rooms) {
      const errorLine = el('p', { className: 'field-error', attrs: { id: 'room-error-' + r.room } });
      put(errorLine, this.roomErrors.get(r.room) || '');
      const full = r.members >= r.capacity;
      const button = el('button', {
        className: 'button primary',
        text: r.locked ? msg('landing.locked') : full ? msg('landing.full') : msg('landing.join', { room: r.title }),
        attrs: { type: 'button', 'data-room': r.room, 'aria-describedby': 'room-error-' + r.room },
        on: { click: () => this.join(r.room) },
      });
      button.disabled = Boolean(r.locked) || full;
      this.list.append(el('li', { className: 'room-card' },
        el('h3', { text: r.title }),
        el('p', { className: 'room-topic', text: r.topic }),
        el('p', { className: 'room-count', text: peopleHere(r.members) }),
        button,
        errorLine));
      if (focused === r.room) button.focus();
    }
  }

  join(room) {
    if (!this.accept.checked) {
      put(byId('accept-error'), msg('landing.acceptFirst'));
      this.accept.focus();
      return;
    }
    const nick = this.nick.value.trim();
    if (nick && (nick.length < 2 || nick.length > 24)) {
      this.nickError(msg('landing.nickLength'));
      return;
    }
    STORE.setItem('kindred.nick', nick);
    this.roomErrors.clear();
    for (const p of this.list.querySelectorAll('.field-error')) put(p, '');
    this.onJoin(room, nick || undefined);
  }

  /** @param {string|object} text a server's sentence or a msg() */
  nickError(text) {
    put(byId('nick-error'), text);
    this.nick.setAttribute('aria-invalid', 'true');
    this.nick.focus();
  }

  roomError(room, text) {
    this.roomErrors.set(room, text);
    const line = document.getElementById('room-error-' + room);
    if (line) put(line, text);
  }
}

/** "Nobody here yet", "1 person here", "5 people here", as a msg(). */
export function peopleHere(n) {
  return n <= 0 ? msg('people.none') : msg('people.here', { count: n });
}
