// The four live feeds of the console (escalations, reports, held messages, alerts), kept
// from `queue` and `mod.*` events. Escalations: imminent first, then high, then concern;
// open before claimed; oldest first within. Excerpts and texts are shown as text only.
import { el, clear, byId } from './dom.js';
import { clockTime } from './time.js';
import { whoOf, nowLine, reachable, idLabel, roomLabel, levelLabel } from './mod-member.js';
import { msg, isMsg } from './i18n.js';

const DISMISSED_ALERTS = 'kindred.dismissedAlerts';
const LEVEL_ORDER = { imminent: 0, high: 1, concern: 2 };
const SOURCE_LABEL = { keyword: msg('source.keyword'), help: msg('source.help'), report: msg('source.report') };
// The moderation pipeline's categories (server moderation/Categories.java, plus "risk" for a message
// held for a risk of harm); an unknown one is shown as its code.
const CATEGORY_LABEL = {
  profanity: msg('category.profanity'), slur: msg('category.slur'), hate: msg('category.hate'),
  harassment: msg('category.harassment'), insult: msg('category.insult'),
  self_harm_incitement: msg('category.self_harm_incitement'), sexual: msg('category.sexual'),
  threat: msg('category.threat'), contact: msg('category.contact'), link: msg('category.link'),
  spam: msg('category.spam'), risk: msg('category.risk'),
};
const REASON_LABEL = {
  harassment: msg('reason.harassment'), spam: msg('reason.spam'), self_harm: msg('reason.self_harm'),
  inappropriate: msg('reason.inappropriate'), other: msg('reason.other'),
};

export function memberLabel(id) {
  return idLabel(id);
}

export class Feeds {
  /**
   * @param {import('./mod-actions.js').Actions} actions
   * @param {{onChange: (open: {imminent: number, urgent: number}) => void,
   *          onNewUrgent: (e: object) => void, onClaimedByOther?: (e: object) => void,
   *          onReach?: (e: object) => void, me?: string|null}} hooks me: this moderator's user name;
   *   onReach: talk privately with the person of an escalation (mod-reach.js)
   */
  constructor(actions, { onChange, onNewUrgent, onClaimedByOther, onReach, me }) {
    this.onReach = onReach || null;
    this.actions = actions;
    this.me = me || null;
    this.onClaimedByOther = onClaimedByOther || (() => {});
    this.onChange = onChange;
    this.onNewUrgent = onNewUrgent;
    this.escalations = new Map();
    this.reports = new Map();
    this.held = new Map();
    this.alerts = new Map();
  }

  /** Replaces everything from a `queue` reply (on every sign-in, reload and reconnect). */
  load(queue) {
    this.escalations.clear();
    this.reports.clear();
    this.held.clear();
    this.alerts.clear();
    for (const e of queue.escalations || []) this.escalations.set(e.escalation, e);
    for (const r of queue.reports || []) this.reports.set(r.report, r);
    for (const h of queue.held || []) this.held.set(h.msg, h);
    const dismissed = dismissedAlerts();
    for (const a of queue.alerts || []) if (!dismissed.includes(alertKey(a))) this.alerts.set(alertKey(a), a);
    this.renderAll();
  }

  onEvent(ev) {
    switch (ev.type) {
      case 'mod.escalation': {
        const before = this.escalations.get(ev.escalation);
        if (ev.status === 'resolved') this.escalations.delete(ev.escalation);
        else this.escalations.set(ev.escalation, ev);
        if (ev.status === 'open' && (ev.level === 'imminent' || (!before && ev.level === 'high'))) {
          this.onNewUrgent(ev);
        }
        if (ev.status === 'claimed' && (!before || before.status !== 'claimed') && !this.mine(ev)) {
          this.onClaimedByOther(ev);
        }
        this.render('escalations');
        return true;
      }
      case 'mod.report':
        // Dismissed by any moderator (this tab, another tab, someone else): gone everywhere.
        if (ev.status === 'dismissed') this.reports.delete(ev.report);
        else this.reports.set(ev.report, ev);
        this.render('reports');
        return true;
      case 'mod.held': this.held.set(ev.msg, ev); this.render('held'); return true;
      case 'mod.alert': this.alerts.set(alertKey(ev), ev); this.render('alerts'); return true;
      default: return false;
    }
  }

  /** Claimed by this moderator (user names are compared as the server normalises them). */
  mine(e) {
    return Boolean(this.me && e.claimedBy && e.claimedBy.toLowerCase() === this.me.toLowerCase());
  }

  claimState(e) {
    if (e.status !== 'claimed') return msg('claim.open');
    if (this.mine(e)) return msg('claim.mine');
    return e.claimedBy ? msg('claim.by', { who: e.claimedBy }) : msg('claim.byOther');
  }

  renderAll() {
    for (const k of ['escalations', 'reports', 'held', 'alerts']) this.render(k);
  }

  render(kind) {
    const list = byId('feed-' + kind);
    const items = [...this[kind].values()];
    if (kind === 'escalations') {
      items.sort((a, b) => (LEVEL_ORDER[a.level] ?? 3) - (LEVEL_ORDER[b.level] ?? 3)
        || (a.status === 'claimed') - (b.status === 'claimed') || a.ts - b.ts);
    } else {
      items.sort((a, b) => a.ts - b.ts);
    }
    clear(list);
    for (const item of items) list.append(this[kind + 'Item'](item));
    const count = { escalations: 'esc-count', reports: 'reports-count', held: 'held-count', alerts: 'alerts-count' }[kind];
    byId(count).textContent = items.length ? String(items.length) : '';
    if (kind === 'escalations') {
      const open = items.filter(e => e.status === 'open');
      this.onChange({
        imminent: open.filter(e => e.level === 'imminent').length,
        urgent: open.filter(e => e.level === 'imminent' || e.level === 'high').length,
      });
    }
  }

  escalationsItem(e) {
    const who = whoOf(e);
    const actions = el('div', { className: 'item-actions' });
    if (e.status === 'open') {
      actions.append(button(msg('esc.claim'), msg('esc.claimLabel', { who }), () => this.actions.claim(e.escalation)));
    }
    if (this.onReach && reachable(e) && (e.status === 'open' || this.mine(e))) {
      actions.append(button(msg('esc.reach'), msg('esc.reachLabel', { who }), () => this.onReach(e)));
    }
    actions.append(button(msg('esc.resolve'), msg('esc.resolveLabel', { who }), () => this.actions.resolve(e.escalation)));
    if (this.actions.moderates !== false) actions.append(actOn(who, () => this.actions.member(e.room, e.member, who)));
    return el('li', { className: 'item', attrs: { 'data-level': e.level, 'data-status': e.status,
      'data-escalation': e.escalation, 'data-mine': String(this.mine(e)) } },
    el('p', { className: 'item-title' },
      el('span', { className: 'level', text: levelLabel(e.level) }), ' · ', who),
    el('p', { className: 'item-meta' }, ...dotted(roomLabel(e.room), SOURCE_LABEL[e.source] || e.source, clockTime(e.ts))),
    nowLine(e),
    el('p', { className: 'claim-state', text: this.claimState(e) }),
    e.excerpt ? el('p', { className: 'item-text', text: e.excerpt }) : null,
    actions);
  }

  reportsItem(r) {
    const who = whoOf(r);
    return el('li', { className: 'item', attrs: { 'data-report': r.report } },
      el('p', { className: 'item-title' }, ...dotted(REASON_LABEL[r.reason] || r.reason, who)),
      el('p', { className: 'item-meta', text: r.room + ' · ' + clockTime(r.ts) }),
      nowLine(r),
      r.excerpt ? el('p', { className: 'item-text', text: r.excerpt }) : null,
      // A peer supporter sees reports to know who may be struggling; acting on them is a moderator's.
      this.actions.moderates === false ? null : el('div', { className: 'item-actions' },
        button(msg('report.delete'), msg('report.deleteLabel', { who }),
          () => this.actions.deleteMessage(r.room, r.msg)),
        actOn(who, () => this.actions.member(r.room, r.member, who)),
        button(msg('report.dismiss'), msg('report.dismissLabel', { who }), async () => {
          // The server closes it and tells every moderator (mod.report, status dismissed).
          if (await this.actions.dismiss(r.report)) {
            this.reports.delete(r.report);
            this.render('reports');
          }
        })));
  }

  heldItem(h) {
    const who = whoOf(h);
    const done = () => {
      this.held.delete(h.msg);
      this.render('held');
    };
    return el('li', { className: 'item', attrs: { 'data-held': h.msg } },
      el('p', { className: 'item-title', text: who }),
      el('p', { className: 'item-meta' }, ...dotted(h.room, ...categories(h), clockTime(h.ts))),
      nowLine(h),
      el('p', { className: 'item-text', text: h.text }),
      el('div', { className: 'item-actions' },
        button(msg('held.approve'), msg('held.approveLabel', { who }),
          async () => (await this.actions.approve(h.room, h.msg)) && done()),
        button(msg('held.reject'), msg('held.rejectLabel', { who }),
          async () => (await this.actions.reject(h.room, h.msg)) && done()),
        actOn(who, () => this.actions.member(h.room, h.member, who))));
  }

  alertsItem(a) {
    const who = whoOf(a);
    return el('li', { className: 'item', attrs: { 'data-alert': a.msg } },
      el('p', { className: 'item-title' }, ...dotted(...categories(a), who)),
      el('p', { className: 'item-meta', text: a.room + ' · ' + clockTime(a.ts) }),
      nowLine(a),
      a.excerpt ? el('p', { className: 'item-text', text: a.excerpt }) : null,
      el('div', { className: 'item-actions' },
        actOn(who, () => this.actions.member(a.room, a.member, who)),
        button(msg('report.dismiss'), msg('alert.dismissLabel', { who }), () => {
          // Alerts are this moderator's to clear: remembered for this tab, so a reload keeps it gone.
          rememberDismissed(alertKey(a));
          this.alerts.delete(alertKey(a));
          this.render('alerts');
        })));
  }
}

/** An item's categories as labels in the language shown. */
function categories(item) {
  return (item.categories || []).map(c => CATEGORY_LABEL[c] || c);
}

function alertKey(a) {
  return a.msg + ':' + a.ts;
}

function dismissedAlerts() {
  try {
    const v = JSON.parse(sessionStorage.getItem(DISMISSED_ALERTS) || '[]');
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

function rememberDismissed(key) {
  try {
    sessionStorage.setItem(DISMISSED_ALERTS, JSON.stringify([...dismissedAlerts(), key].slice(-200)));
  } catch {
    // storage full or disabled: the alert may come back after a reload, nothing else breaks
  }
}

/** "Act on member": the dialog to mute, remove or ban {@code who}. */
export function actOn(who, onClick) {
  return button(msg('act.button'), msg('act.label', { who }), onClick);
}

/** Parts of a line, strings or msg()s, with " · " between them (empty parts left out). */
export function dotted(...parts) {
  const out = [];
  for (const p of parts.filter(x => isMsg(x) || (x !== null && x !== undefined && x !== ''))) {
    if (out.length) out.push(' · ');
    out.push(p);
  }
  return out;
}

/** A small button: {@code text} its words, {@code label} what a screen reader says (both msg()s). */
export function button(text, label, onClick) {
  return el('button', {
    className: 'button small quiet',
    text,
    attrs: { type: 'button', 'aria-label': label },
    on: { click: onClick },
  });
}
