// Moderator actions: the dialogs that collect duration and reason, and the requests they
// send. Every reply is reported through `report(text, tone)`.
import { byId, el, clear } from './dom.js';
import { dur, duration } from './time.js';
import { msg, put } from './i18n.js';

// Durations are offered in seconds and named with Intl in the language shown (time.js).
const MUTE = [300, 900, 3600, 86400];
const KICK = [60, 300, 600, 3600, 86400];
const KINDS = ['mute', 'unmute', 'kick', 'ban'];
const CONFIRM = { delete: msg('report.delete'), mute: msg('action.do.mute'), unmute: msg('action.do.unmute'),
  kick: msg('action.do.kick'), ban: msg('action.do.ban') };
const DURATION_LABEL = { mute: msg('action.howLong'), kick: msg('action.comeBackAfter'), ban: msg('action.howLong') };
const BAN = [86400, 604800, 2592000, 0];

export class Actions {
  /**
   * @param {import('./connection.js').Connection} conn
   * @param {(text: string|object, tone?: string) => void} report a server's sentence or a msg()
   */
  constructor(conn, report) {
    this.conn = conn;
    this.report = report;
    /** Told about mutes made here (set by the console; see mod-sanctions.js). */
    this.sanctions = null;
    /** Called after a ban or unban made here (the console re-reads the bans in force). */
    this.onBans = null;
    /**
     * False for a peer supporter's console (welcome role `supporter`): only escalations and
     * reports, claim, resolve and reaching a person; no mute, kick, ban, delete, lock or slow mode.
     */
    this.moderates = true;
  }

  async run(request, done) {
    const reply = await this.conn.request(request);
    if (reply.type === 'error') {
      this.report(reply.message, 'warn');
      return null;
    }
    if (done) this.report(done, 'ok');
    return reply;
  }

  deleteMessage(room, id) {
    return this.ask({ title: msg('action.deleteTitle'), subject: msg('action.deleteSubject'),
      kinds: null, fixed: 'delete' })
      .then(a => a && this.run({ type: 'mod.delete', room, msg: id, reason: a.reason }, msg('done.deleted')));
  }

  approve(room, id) {
    return this.run({ type: 'mod.approve', room, msg: id }, msg('done.approved'));
  }

  reject(room, id) {
    return this.run({ type: 'mod.reject', room, msg: id }, msg('done.rejected'));
  }

  /** Dismisses an open report for every moderator (mod.dismiss). */
  dismiss(report) {
    return this.run({ type: 'mod.dismiss', report }, msg('done.dismissed'));
  }

  claim(escalation) {
    return this.run({ type: 'mod.claim', escalation }, msg('done.claimed'));
  }

  resolve(escalation) {
    return resolveDialog().then(r => r && this.run({ type: 'mod.resolve', escalation, ...r }, msg('done.resolved')));
  }

  async unmute(room, member, who) {
    const ok = await this.run({ type: 'mod.unmute', room, member }, msg('done.unmuted', { who, room }));
    if (ok && this.sanctions) this.sanctions.unmuted(room, member);
    return ok;
  }

  async unban(ban) {
    const ok = await this.run({ type: 'mod.unban', ban }, msg('done.unbanned', { ban }));
    if (ok && this.onBans) this.onBans();
    return ok;
  }

  slow(room, seconds) {
    return this.run({ type: 'mod.slow', room, seconds },
      seconds > 0 ? msg('done.slowOn', { every: dur(seconds) }) : msg('done.slowOff'));
  }

  lock(room, locked) {
    return this.run({ type: 'mod.lock', room, locked }, locked ? msg('done.locked') : msg('done.unlocked'));
  }

  /** Mute, unmute, kick (with a cool-off) or ban one member; {@code who} is a label for the dialog. */
  async member(room, member, who) {
    const a = await this.ask({ title: msg('action.title', { who }), subject: room ? msg('action.inRoom', { room })
      : msg('action.noRoom'),
      kinds: room ? KINDS : ['ban'] });
    if (!a) return null;
    if (a.kind === 'mute') {
      const ok = await this.run({ type: 'mod.mute', room, member, seconds: a.seconds, reason: a.reason },
        msg('done.muted', { who, for: dur(a.seconds) }));
      if (ok && this.sanctions) this.sanctions.muted({ room, member, who, seconds: a.seconds, reason: a.reason });
      return ok;
    }
    if (a.kind === 'unmute') return this.unmute(room, member, who);
    if (a.kind === 'kick') {
      return this.run({ type: 'mod.kick', room, member, seconds: a.seconds, reason: a.reason },
        msg('done.kicked', { who, room, in: dur(a.seconds) }));
    }
    const ban = { type: 'mod.ban', member, reason: a.reason };
    if (a.seconds > 0) ban.seconds = a.seconds;
    const reply = await this.run(ban);
    if (reply) {
      const id = typeof reply.ban === 'string' ? reply.ban : null;
      const args = { who, for: dur(a.seconds), ban: id };
      this.report(a.seconds > 0 ? (id ? msg('done.bannedForId', args) : msg('done.bannedFor', args))
        : (id ? msg('done.bannedId', args) : msg('done.banned', args)), 'ok');
      if (this.onBans) this.onBans();
    }
    return reply;
  }

  ask({ title, subject, kinds, fixed }) {
    const dialog = byId('action-dialog');
    const form = byId('action-form');
    form.reset();
    put(byId('action-title'), title);
    put(byId('action-subject'), subject);
    put(byId('action-error'), '');
    const kindSet = byId('action-kind-set');
    kindSet.hidden = !kinds;
    for (const k of KINDS) {
      byId('act-' + k).closest('.radio').hidden = !kinds || !kinds.includes(k);
    }
    if (kinds) byId('act-' + kinds[0]).checked = true;
    const durationRow = byId('action-duration-row');
    const select = byId('action-duration');
    const reason = byId('action-reason');
    const sync = () => {
      const kind = fixed || form.elements.kind.value;
      durationRow.hidden = kind === 'delete' || kind === 'unmute';
      put(byId('action-duration-label'), DURATION_LABEL[kind] || msg('action.howLong'));
      const opts = kind === 'mute' ? MUTE : kind === 'kick' ? KICK : BAN;
      clear(select);
      for (const s of opts) {
        select.append(el('option', { text: s > 0 ? duration(s) : msg('action.permanently'),
          attrs: { value: s } }));
      }
      put(byId('action-reason-hint'), kind === 'ban' ? msg('common.required') : msg('common.optional'));
      reason.required = kind === 'ban';
      put(byId('action-confirm'), CONFIRM[kind]);
    };
    sync();
    kindSet.onchange = sync;
    return new Promise(resolve => {
      const finish = value => {
        form.onsubmit = null;
        byId('action-cancel').onclick = null;
        dialog.oncancel = null;
        if (dialog.open) dialog.close();
        resolve(value);
      };
      form.onsubmit = e => {
        e.preventDefault();
        const kind = fixed || form.elements.kind.value;
        const text = reason.value.trim();
        if (kind === 'ban' && !text) {
          put(byId('action-error'), msg('action.banReason'));
          reason.focus();
          return;
        }
        finish({ kind, seconds: Number(select.value), reason: text || undefined });
      };
      byId('action-cancel').onclick = () => finish(null);
      dialog.oncancel = () => finish(null);
      dialog.showModal();
    });
  }
}

function resolveDialog() {
  const dialog = byId('resolve-dialog');
  const form = byId('resolve-form');
  form.reset();
  return new Promise(resolve => {
    const finish = value => {
      form.onsubmit = null;
      byId('resolve-cancel').onclick = null;
      dialog.oncancel = null;
      if (dialog.open) dialog.close();
      resolve(value);
    };
    form.onsubmit = e => {
      e.preventDefault();
      const note = form.elements.note.value.trim();
      finish({ outcome: form.elements.outcome.value, note: note || undefined });
    };
    byId('resolve-cancel').onclick = () => finish(null);
    dialog.oncancel = () => finish(null);
    dialog.showModal();
  });
}
