// Moderator actions: the dialogs that collect duration and reason, and the requests they
// send. Every reply is reported through `report(text, tone)`.
import { byId, el, clear } from './dom.js';
import { duration } from './time.js';

const MUTE = [[300, '5 minutes'], [900, '15 minutes'], [3600, '1 hour'], [86400, '1 day']];
const KICK = [[60, '1 minute'], [300, '5 minutes'], [600, '10 minutes'], [3600, '1 hour'], [86400, '1 day']];
const KINDS = ['mute', 'unmute', 'kick', 'ban'];
const CONFIRM = { delete: 'Delete message', mute: 'Mute', unmute: 'Unmute', kick: 'Remove', ban: 'Ban' };
const DURATION_LABEL = { mute: 'For how long', kick: 'They can come back after', ban: 'For how long' };
const BAN = [[86400, '1 day'], [604800, '7 days'], [2592000, '30 days'], [0, 'Permanently']];

export class Actions {
  /**
   * @param {import('./connection.js').Connection} conn
   * @param {(text: string, tone?: string) => void} report
   */
  constructor(conn, report) {
    this.conn = conn;
    this.report = report;
    /** Told about mutes made here (set by the console; see mod-sanctions.js). */
    this.sanctions = null;
    /** Called after a ban or unban made here (the console re-reads the bans in force). */
    this.onBans = null;
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

  deleteMessage(room, msg) {
    return this.ask({ title: 'Delete this message', subject: 'It disappears for everyone in the room.',
      kinds: null, fixed: 'delete' })
      .then(a => a && this.run({ type: 'mod.delete', room, msg, reason: a.reason }, 'Message deleted.'));
  }

  approve(room, msg) {
    return this.run({ type: 'mod.approve', room, msg }, 'Message approved and shared.');
  }

  reject(room, msg) {
    return this.run({ type: 'mod.reject', room, msg }, 'Message rejected.');
  }

  /** Dismisses an open report for every moderator (mod.dismiss). */
  dismiss(report) {
    return this.run({ type: 'mod.dismiss', report }, 'Report dismissed.');
  }

  claim(escalation) {
    return this.run({ type: 'mod.claim', escalation }, 'You have taken this escalation.');
  }

  resolve(escalation) {
    return resolveDialog().then(r => r && this.run({ type: 'mod.resolve', escalation, ...r }, 'Escalation closed.'));
  }

  async unmute(room, member, who) {
    const ok = await this.run({ type: 'mod.unmute', room, member }, who + ' can post in ' + room + ' again.');
    if (ok && this.sanctions) this.sanctions.unmuted(room, member);
    return ok;
  }

  async unban(ban) {
    const ok = await this.run({ type: 'mod.unban', ban }, 'Ban ' + ban + ' lifted.');
    if (ok && this.onBans) this.onBans();
    return ok;
  }

  slow(room, seconds) {
    return this.run({ type: 'mod.slow', room, seconds },
      seconds > 0 ? 'Slow mode on: one message every ' + duration(seconds) + '.' : 'Slow mode off.');
  }

  lock(room, locked) {
    return this.run({ type: 'mod.lock', room, locked }, locked ? 'Room locked.' : 'Room unlocked.');
  }

  /** Mute, unmute, kick (with a cool-off) or ban one member; {@code who} is a label for the dialog. */
  async member(room, member, who) {
    const a = await this.ask({ title: 'Act on ' + who, subject: room ? 'In room: ' + room : 'No room',
      kinds: room ? KINDS : ['ban'] });
    if (!a) return null;
    if (a.kind === 'mute') {
      const ok = await this.run({ type: 'mod.mute', room, member, seconds: a.seconds, reason: a.reason },
        who + ' is muted for ' + duration(a.seconds) + '.');
      if (ok && this.sanctions) this.sanctions.muted({ room, member, who, seconds: a.seconds, reason: a.reason });
      return ok;
    }
    if (a.kind === 'unmute') return this.unmute(room, member, who);
    if (a.kind === 'kick') {
      return this.run({ type: 'mod.kick', room, member, seconds: a.seconds, reason: a.reason },
        who + ' was removed from ' + room + ' and can come back in ' + duration(a.seconds) + '.');
    }
    const ban = { type: 'mod.ban', member, reason: a.reason };
    if (a.seconds > 0) ban.seconds = a.seconds;
    const reply = await this.run(ban);
    if (reply) {
      const id = typeof reply.ban === 'string' ? reply.ban : null;
      this.report(who + (a.seconds > 0 ? ' is banned for ' + duration(a.seconds) : ' is banned')
        + (id ? ' (ban id ' + id + ').' : '.'), 'ok');
      if (this.onBans) this.onBans();
    }
    return reply;
  }

  ask({ title, subject, kinds, fixed }) {
    const dialog = byId('action-dialog');
    const form = byId('action-form');
    form.reset();
    byId('action-title').textContent = title;
    byId('action-subject').textContent = subject;
    byId('action-error').textContent = '';
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
      byId('action-duration-label').textContent = DURATION_LABEL[kind] || 'For how long';
      const opts = kind === 'mute' ? MUTE : kind === 'kick' ? KICK : BAN;
      clear(select);
      for (const [s, label] of opts) select.append(el('option', { text: label, attrs: { value: s } }));
      byId('action-reason-hint').textContent = kind === 'ban' ? '(required)' : '(optional)';
      reason.required = kind === 'ban';
      byId('action-confirm').textContent = CONFIRM[kind];
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
          byId('action-error').textContent = 'Please give a reason for the ban.';
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
