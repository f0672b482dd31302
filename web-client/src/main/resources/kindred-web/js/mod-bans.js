// "Bans in force": every ban the server enforces now (mod.bans), whoever made it, newest first,
// each with Unban (mod.unban). Read again on every sign-in or reconnect and after each ban or unban
// made here, so it never lists a ban that was lifted or misses one made in another tab.
import { el, clear, byId } from './dom.js';
import { at, dur } from './time.js';
import { button, memberLabel } from './mod-feeds.js';
import { msg, put } from './i18n.js';

export class Bans {
  /**
   * @param {import('./connection.js').Connection} conn
   * @param {import('./mod-actions.js').Actions} actions
   */
  constructor(conn, actions) {
    this.conn = conn;
    this.actions = actions;
    this.list = byId('bans');
    this.status = byId('bans-status');
  }

  /** Asks the server for the bans in force and shows them; says so plainly when it can't. */
  async refresh() {
    if (this.conn.welcome && !(this.conn.welcome.features || []).includes('mod.bans')) {
      put(this.status, msg('bans.unsupported'));
      return;
    }
    const reply = await this.conn.request({ type: 'mod.bans' });
    if (reply.type !== 'bans') {
      put(this.status, msg('bans.failed'));
      return;
    }
    put(this.status, '');
    clear(this.list);
    for (const b of reply.bans) this.list.append(this.item(b));
  }

  item(b) {
    const who = b.nick ? b.nick + ' (' + memberLabel(b.member) + ')' : memberLabel(b.member);
    const ends = typeof b.until === 'number' ? msg('mutes.endsIn', { in: dur((b.until - Date.now()) / 1000) })
      : msg('bans.permanent');
    return el('li', { className: 'item', attrs: { 'data-ban': b.ban } },
      el('p', { className: 'item-title', text: msg('bans.banned', { who }) }),
      el('p', { className: 'item-meta' }, ends, ' · ', b.by ? msg('bans.by', { who: b.by }) : msg('bans.byModerator'),
        ' · ', msg('bans.since', { time: at(b.ts) }), ' · ', msg('bans.id'), ' ', el('code', { className: 'ban-id', text: b.ban })),
      b.reason ? el('p', { className: 'item-text', text: b.reason }) : null,
      el('div', { className: 'item-actions' },
        button(msg('bans.unban'), msg('bans.unbanLabel', { who }), async () => {
          if (await this.actions.unban(b.ban)) this.refresh();
        })));
  }
}
