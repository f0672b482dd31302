// "Bans in force": every ban the server enforces now (mod.bans), whoever made it, newest first,
// each with Unban (mod.unban). Read again on every sign-in or reconnect and after each ban or unban
// made here, so it never lists a ban that was lifted or misses one made in another tab.
import { el, clear, byId } from './dom.js';
import { clockTime, duration } from './time.js';
import { button, memberLabel } from './mod-feeds.js';

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
      this.status.textContent = 'This server cannot list its bans.';
      return;
    }
    const reply = await this.conn.request({ type: 'mod.bans' });
    if (reply.type !== 'bans') {
      this.status.textContent = "We couldn't load the bans just now.";
      return;
    }
    this.status.textContent = '';
    clear(this.list);
    for (const b of reply.bans) this.list.append(this.item(b));
  }

  item(b) {
    const who = b.nick ? b.nick + ' (' + memberLabel(b.member) + ')' : memberLabel(b.member);
    const ends = typeof b.until === 'number' ? 'ends in ' + duration((b.until - Date.now()) / 1000) : 'permanent';
    return el('li', { className: 'item', attrs: { 'data-ban': b.ban } },
      el('p', { className: 'item-title', text: 'Banned · ' + who }),
      el('p', { className: 'item-meta' }, [ends, 'by ' + (b.by || 'a moderator'), 'since ' + clockTime(b.ts)].join(' · '),
        ' · ban id ', el('code', { className: 'ban-id', text: b.ban })),
      b.reason ? el('p', { className: 'item-text', text: b.reason }) : null,
      el('div', { className: 'item-actions' },
        button('Unban', 'Unban ' + who, async () => {
          if (await this.actions.unban(b.ban)) this.refresh();
        })));
  }
}
