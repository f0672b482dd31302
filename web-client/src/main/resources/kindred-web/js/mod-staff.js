// "Staff online", for admins only: who is on duty now on every server of this deployment — name,
// role, the rooms they watch and since when — from GET /api/staff/online with the console's token
// (a Kindred HTTP extension; the WebSocket protocol has no event for it). Read when the console
// opens, then every 15 seconds while the tab is visible. Refreshes are quiet: only a failure is
// announced (role=status); the list itself is plain text a screen reader reads at its own pace.
import { el, clear, byId } from './dom.js';
import { at } from './time.js';
import { msg, put } from './i18n.js';

const REFRESH_MS = 15000;
const ROLE = { admin: msg('role.admin'), moderator: msg('role.moderator'), supporter: msg('role.supporter') };

export class StaffOnline {
  constructor() {
    this.panel = byId('staff-panel');
    this.list = byId('staff-online');
    this.count = byId('staff-count');
    this.status = byId('staff-status');
    this.updated = byId('staff-updated');
    this.token = null;
    this.timer = null;
    document.addEventListener('visibilitychange', () => {
      if (this.token && !document.hidden) this.refresh();
    });
  }

  /** Shows the panel for an admin signed in with {@code token} and keeps it fresh. */
  start(token) {
    this.token = token;
    this.panel.hidden = false;
    clearInterval(this.timer);
    this.timer = setInterval(() => {
      if (!document.hidden) this.refresh();
    }, REFRESH_MS);
    return this.refresh();
  }

  /** Hides the panel and forgets the list (sign-out, another role, a token no longer accepted). */
  stop() {
    clearInterval(this.timer);
    this.timer = null;
    this.token = null;
    this.panel.hidden = true;
    clear(this.list);
    put(this.count, '');
    put(this.status, '');
    put(this.updated, '');
  }

  async refresh() {
    const token = this.token;
    if (!token) return;
    let res;
    try {
      res = await fetch('/api/staff/online', {
        headers: { Authorization: 'Bearer ' + token, Accept: 'application/json' },
        cache: 'no-store',
      });
    } catch {
      put(this.status, msg('staff.failed'));
      return;
    }
    if (token !== this.token) return; // signed out meanwhile
    if (res.status === 401 || res.status === 403) {
      this.stop(); // not (or no longer) an admin's token: nothing to show
      return;
    }
    let body;
    try {
      body = res.ok ? await res.json() : null;
    } catch {
      body = null;
    }
    if (!body || !Array.isArray(body.staff)) {
      put(this.status, msg('staff.failed'));
      return;
    }
    put(this.status, '');
    clear(this.list);
    for (const s of body.staff) this.list.append(this.item(s));
    put(this.count, String(body.staff.length));
    put(this.updated, msg('staff.updated', { time: at(Date.now()) }));
  }

  item(s) {
    const rooms = Array.isArray(s.rooms) ? s.rooms : [];
    const watched = rooms.includes('*') ? msg('staff.rooms.all')
      : rooms.length ? rooms.join(', ') : msg('staff.rooms.none');
    return el('li', { className: 'item', attrs: { 'data-staff': s.name, 'data-role': s.role } },
      el('p', { className: 'item-title' }, el('span', { className: 'staff-name', text: s.name }), ' · ',
        ROLE[s.role] || String(s.role)),
      el('p', { className: 'item-meta' }, msg('staff.rooms', { rooms: watched }), ' · ',
        msg('staff.since', { time: at(s.since) })));
  }
}
