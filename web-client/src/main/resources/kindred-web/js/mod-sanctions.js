// "Your mutes": the mutes made from this console tab, so they can be lifted (mod.unmute). Kept
// in this tab's sessionStorage so a reload keeps them. Bans are listed by the server for everyone
// (mod-bans.js); the form here lifts one by its id.
import { el, clear, byId } from './dom.js';
import { dur } from './time.js';
import { button, dotted } from './mod-feeds.js';
import { msg, put } from './i18n.js';

const KEY = 'kindred.modSanctions';

export class Sanctions {
  /** @param {import('./mod-actions.js').Actions} actions */
  constructor(actions) {
    this.actions = actions;
    this.list = byId('sanctions');
    this.items = load();
    byId('unban-form').addEventListener('submit', async e => {
      e.preventDefault();
      const input = byId('unban-id');
      const id = input.value.trim();
      if (!id) {
        put(byId('unban-error'), msg('bans.enterId'));
        input.focus();
        return;
      }
      put(byId('unban-error'), '');
      if (await this.actions.unban(id)) {
        input.value = '';
        this.lifted(i => i.kind === 'ban' && i.ban === id);
      }
    });
    this.render();
    setInterval(() => this.render(), 30000); // drops what has ended, updates "ends in"
  }

  /** Sign-out: this tab forgets them. */
  forget() {
    this.items = [];
    sessionStorage.removeItem(KEY);
    this.render();
  }

  /** A mute made here: {room, member, who, seconds, reason}. */
  muted({ room, member, who, seconds, reason }) {
    this.items = this.items.filter(i => !(i.kind === 'mute' && i.room === room && i.member === member));
    this.add({ kind: 'mute', room, member, who, reason, ts: Date.now(), until: Date.now() + seconds * 1000 });
  }

  /** The member was unmuted (from here or from the Act on member dialog). */
  unmuted(room, member) {
    this.lifted(i => i.kind === 'mute' && i.room === room && i.member === member);
  }

  add(item) {
    this.items.push(item);
    this.save();
    this.render();
  }

  lifted(match) {
    this.items = this.items.filter(i => !match(i));
    this.save();
    this.render();
  }

  save() {
    sessionStorage.setItem(KEY, JSON.stringify(this.items));
  }

  render() {
    const now = Date.now();
    this.items = this.items.filter(i => i.kind === 'mute' && i.until > now);
    clear(this.list);
    for (const i of [...this.items].reverse()) this.list.append(this.muteItem(i));
  }

  muteItem(m) {
    return el('li', { className: 'item', attrs: { 'data-mute': m.room + ':' + m.member } },
      el('p', { className: 'item-title' }, ...dotted(msg('mutes.muted'), m.who)),
      el('p', { className: 'item-meta' }, ...dotted(m.room, msg('mutes.endsIn', { in: dur((m.until - Date.now()) / 1000) }))),
      m.reason ? el('p', { className: 'item-text', text: m.reason }) : null,
      el('div', { className: 'item-actions' },
        button(msg('action.do.unmute'), msg('mutes.unmuteLabel', { who: m.who, room: m.room }), async () => {
          if (await this.actions.unmute(m.room, m.member, m.who)) this.unmuted(m.room, m.member);
        })));
  }
}

function load() {
  try {
    const items = JSON.parse(sessionStorage.getItem(KEY) || '[]');
    return Array.isArray(items) ? items : [];
  } catch {
    return [];
  }
}
