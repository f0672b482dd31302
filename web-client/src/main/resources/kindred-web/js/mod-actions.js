// Moderator actions: the dialogs that collect duration and reason, and the requests they
// send. Every reply is reported through `report(text, tone)`.
import { byId, el, clear } from './dom.js';
import { duration } from './time.js';

const MUTE = [[300, '5 minutes'], [900, '15 minutes'], [3600, '1 hour'], [86400, '1 day']];
const KICK = [[60, '1 minute'], [600, '10 minutes'], [3600, '1 hour']];
const BAN = [[86400, '1 day'], [604800, '7 days'], [2592000, '30 days'], [0, 'Permanently']];

export class Actions {
  /**
   * @param {import('./connection.js').Connection} conn
   * @param {(text: string, tone?: string) => void} report
   */
  constructor(conn, report) {
    this.conn = conn;
    this.report = report;
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

  claim(escalation) {
    return this.run({ type: 'mod.claim', escalation }, 'You have taken this escalation.');
  }

  resolve(escalation) {
    return resolveDialog().then(r => r && this.run({ type: 'mod.resolve', escalation, ...r }, 'Escalation closed.'));
  }

  slow(room, seconds) {
    return this.run({ type: 'mod.slow', room, seconds },
      seconds > 0 ? 'Slow mode on: one message every ' + duration(seconds) + '.' : 'Slow mode off.');
  }

  lock(room, locked) {
    return this.run({ type: 'mod.lock', room, locked }, locked ? 'Room locked.' : 'Room unlocked.');
  }

  /** Mute, kick or ban one member; {@code who} is a label for the dialog. */
  async member(room, member, who) {
    const a = await this.ask({ title: 'Act on ' + who, subject: room ? 'In room: ' + room : 'No room',
      kinds: room ? ['mute', 'kick', 'ban'] : ['ban'] });
    if (!a) return null;
    if (a.kind === 'mute') {
      return this.run({ type: 'mod.mute', room, member, seconds: a.seconds, reason: a.reason },
        who + ' is muted for ' + duration(a.seconds) + '.');
    }
    if (a.kind === 'kick') {
      return this.run({ type: 'mod.kick', room, member, seconds: a.seconds, reason: a.reason },
        who + ' was removed from the room.');
    }
    const ban = { type: 'mod.ban', member, reason: a.reason };
    if (a.seconds > 0) ban.seconds = a.seconds;
    return this.run(ban, who + (a.seconds > 0 ? ' is banned for ' + duration(a.seconds) + '.' : ' is banned.'));
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
    for (const k of ['mute', 'kick', 'ban']) {
      byId('act-' + k).closest('.radio').hidden = !kinds || !kinds.includes(k);
    }
    if (kinds) byId('act-' + kinds[0]).checked = true;
    const durationRow = byId('action-duration-row');
    const select = byId('action-duration');
    const reason = byId('action-reason');
    const sync = () => {
      const kind = fixed || form.elements.kind.value;
      durationRow.hidden = kind === 'delete';
      const opts = kind === 'mute' ? MUTE : kind === 'kick' ? KICK : BAN;
      clear(select);
      for (const [s, label] of opts) select.append(el('option', { text: label, attrs: { value: s } }));
      byId('action-reason-hint').textContent = kind === 'ban' ? '(required)' : '(optional)';
      reason.required = kind === 'ban';
      byId('action-confirm').textContent = kind === 'delete' ? 'Delete message'
        : kind === 'mute' ? 'Mute' : kind === 'kick' ? 'Remove' : 'Ban';
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
