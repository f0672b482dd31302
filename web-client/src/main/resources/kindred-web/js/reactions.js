// Supportive reactions under a message (protocol 1.1 `react`): heart, hug, strength and "me too".
// Small toggle buttons in a toolbar (one tab stop per message; arrow keys, Home and End move inside
// it), each named for what it does ("Send a hug to Quiet Heron's message") and pressed
// (aria-pressed) when this member gave it. Counts only: nobody's name is shown, there is no total
// and nothing is ranked. Under one's own message the counts are shown, without buttons.
import { el, clear } from './dom.js';
import { msg, put } from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';

// Each kind with literal catalog keys (the catalog test reads them). Icons are drawn here so they
// look the same on every system, emoji font or not; they are decoration, the words say it.
const KINDS = [
  { kind: 'heart', word: msg('reaction.heart'), label: who => msg('reaction.heartLabel', { who }),
    count: n => msg('reaction.count.heart', { count: n }),
    icon: ['M12 20.5s-7.5-4.6-9.3-9.2A4.9 4.9 0 0 1 12 7.2a4.9 4.9 0 0 1 9.3 4.1c-1.8 4.6-9.3 9.2-9.3 9.2z'] },
  { kind: 'hug', word: msg('reaction.hug'), label: who => msg('reaction.hugLabel', { who }),
    count: n => msg('reaction.count.hug', { count: n }),
    icon: ['M8.5 9.5a2.8 2.8 0 1 0 0-5.6 2.8 2.8 0 0 0 0 5.6z', 'M15.5 9.5a2.8 2.8 0 1 0 0-5.6 2.8 2.8 0 0 0 0 5.6z',
      'M3 20c.4-4.6 2.6-7.5 5.5-7.5 1.6 0 2.7.8 3.5 2 .8-1.2 1.9-2 3.5-2 2.9 0 5.1 2.9 5.5 7.5',
      'M6 15.5c2 1.8 4 2.5 6 2.5s4-.7 6-2.5'] },
  { kind: 'strength', word: msg('reaction.strength'), label: who => msg('reaction.strengthLabel', { who }),
    count: n => msg('reaction.count.strength', { count: n }),
    icon: ['M2.5 20 9 8.5l3.5 5.5 2.5-3.5 6.5 9.5z', 'M7.3 11.5 9 13l1.6-1.4'] },
  { kind: 'same', word: msg('reaction.same'), label: who => msg('reaction.sameLabel', { who }),
    count: n => msg('reaction.count.same', { count: n }),
    icon: ['M9.5 17.5a5.5 5.5 0 1 0 0-11 5.5 5.5 0 0 0 0 11z', 'M14.5 17.5a5.5 5.5 0 1 0 0-11 5.5 5.5 0 0 0 0 11z'] },
];
const BY_KIND = new Map(KINDS.map(k => [k.kind, k]));
let ids = 0;

function icon(paths) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.classList.add('reaction-icon');
  for (const d of paths) {
    const p = document.createElementNS(SVG, 'path');
    p.setAttribute('d', d);
    svg.append(p);
  }
  return svg;
}

/** The counts a message or event carries, as {heart: n, …} with every kind present. */
export function countsOf(reactions) {
  const out = {};
  for (const { kind } of KINDS) {
    const n = reactions && Number.isInteger(reactions[kind]) && reactions[kind] > 0 ? reactions[kind] : 0;
    out[kind] = n;
  }
  return out;
}

/**
 * The reactions of one message.
 * @param {object} m the message (its `reactions` counts when it came from history)
 * @param {{own: boolean, who: string|object, mine?: string[], onReact?: (kind: string, remove: boolean) => void}} opts
 *   `who` the author as the labels name it; `mine` the kinds this member gave
 */
export function reactionBar(m, { own, who, mine = [], onReact }) {
  const counts = countsOf(m.reactions);
  if (own || !onReact) {
    // One's own message: what others sent, as a short line (nothing when nobody reacted).
    const line = el('p', { className: 'reactions reactions-received' });
    line.dataset.msg = m.msg;
    renderReceived(line, counts);
    return line;
  }
  const bar = el('div', { className: 'reactions',
    attrs: { role: 'toolbar', 'aria-label': msg('reaction.group', { who }) } });
  bar.dataset.msg = m.msg;
  KINDS.forEach((k, i) => {
    const described = 'reaction-count-' + (++ids);
    const count = el('span', { className: 'reaction-count', attrs: { 'aria-hidden': 'true' } });
    const spoken = el('span', { attrs: { id: described, hidden: true } });
    const button = el('button', {
      className: 'reaction',
      attrs: { type: 'button', 'aria-pressed': mine.includes(k.kind) ? 'true' : 'false',
        'aria-label': k.label(who), 'aria-describedby': described, tabindex: i === 0 ? '0' : '-1' },
      on: { click: () => onReact(k.kind, button.getAttribute('aria-pressed') === 'true') },
    }, icon(k.icon), el('span', { className: 'reaction-word', text: k.word }), spoken);
    button.dataset.reaction = k.kind;
    // The count sits beside the button, not in it: the button's visible words stay part of its name.
    bar.append(el('span', { className: 'reaction-item' }, button, count));
    setCount(button, counts[k.kind]);
  });
  bar.addEventListener('keydown', e => moveFocus(bar, e));
  return bar;
}

/** Shows {@code count} of the kind on its button (and its description, "2 hugs"). */
function setCount(button, count) {
  const k = BY_KIND.get(button.dataset.reaction);
  button.dataset.count = String(count);
  put(button.parentElement.querySelector('.reaction-count'), count > 0 ? String(count) : '');
  put(button.querySelector('[hidden]'), k.count(count));
}

function renderReceived(line, counts) {
  clear(line);
  line.dataset.counts = JSON.stringify(counts);
  for (const k of KINDS) {
    if (counts[k.kind] > 0) {
      line.append(el('span', { className: 'reaction-received' }, icon(k.icon), el('span', { text: k.count(counts[k.kind]) })));
    }
  }
  line.hidden = !line.firstChild;
}

/**
 * Applies a `reaction` event (or this member's own confirmed change) to the message's bar:
 * the new count, and the pressed state when it was this member's. Returns the bar, or null.
 */
export function applyReaction(li, ev, byMe) {
  const bar = li && li.querySelector('.reactions');
  if (!bar || !BY_KIND.has(ev.reaction)) return null;
  if (bar.classList.contains('reactions-received')) {
    const counts = JSON.parse(bar.dataset.counts || '{}');
    if (Number.isInteger(ev.count)) counts[ev.reaction] = Math.max(0, ev.count);
    renderReceived(bar, countsOf(counts));
    return bar;
  }
  const button = bar.querySelector('button[data-reaction="' + ev.reaction + '"]');
  if (Number.isInteger(ev.count)) setCount(button, Math.max(0, ev.count));
  if (byMe) button.setAttribute('aria-pressed', ev.removed ? 'false' : 'true');
  return bar;
}

/** Updates every count of a bar from a message's `reactions` (a re-join's history). */
export function applyCounts(li, reactions) {
  const counts = countsOf(reactions);
  for (const { kind } of KINDS) applyReaction(li, { reaction: kind, count: counts[kind] }, false);
}

/** What a screen reader hears after a count changed: "On Quiet Heron's message: 2 hugs." */
export function announcement(ev, own, who) {
  const k = BY_KIND.get(ev.reaction);
  if (!k || !Number.isInteger(ev.count)) return null;
  return own ? msg('reaction.announceYours', { what: k.count(ev.count) })
    : msg('reaction.announce', { who, what: k.count(ev.count) });
}

/** The kinds this member gave to the message, as the bar shows them now (for a reload). */
export function mineOf(li) {
  return [...li.querySelectorAll('.reactions button[aria-pressed="true"]')].map(b => b.dataset.reaction);
}

/** The counts the bar shows now (for a reload). */
export function shownCounts(li) {
  const bar = li && li.querySelector('.reactions');
  if (!bar) return null;
  if (bar.classList.contains('reactions-received')) return JSON.parse(bar.dataset.counts || '{}');
  const out = {};
  for (const b of bar.querySelectorAll('button[data-reaction]')) out[b.dataset.reaction] = Number(b.dataset.count) || 0;
  return out;
}

// Roving focus inside the toolbar: one tab stop; arrows (mirrored right to left), Home, End.
function moveFocus(bar, e) {
  const buttons = [...bar.querySelectorAll('button.reaction')];
  const at = buttons.indexOf(document.activeElement);
  if (at < 0) return;
  const rtl = getComputedStyle(bar).direction === 'rtl';
  const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[e.key];
  let next = null;
  if (step) next = (at + step + buttons.length) % buttons.length;
  else if (e.key === 'Home') next = 0;
  else if (e.key === 'End') next = buttons.length - 1;
  if (next === null) return;
  e.preventDefault();
  for (const b of buttons) b.setAttribute('tabindex', '-1');
  buttons[next].setAttribute('tabindex', '0');
  buttons[next].focus();
}


/**
 * A room's reactions, for the room view: the bar under each message, `react` requests (a refusal,
 * e.g. too quick, is said in the room's feedback line), `reaction` events (the count, the pressed
 * state when it was this member's, and one polite sentence in {@code announcer}), and the state a
 * reload needs, kept in the view's `shown` messages.
 */
export class RoomReactions {
  /**
   * @param {{conn: object, room: string|null, me: object|null, list: HTMLElement, feedback: object, shown: object[]}} view
   * @param {HTMLElement} announcer a polite status line
   */
  constructor(view, announcer) {
    this.view = view;
    this.announcer = announcer;
    this.timer = null;
  }

  /** The bar for message {@code m} (buttons under others' messages, counts under one's own). */
  bar(m, own) {
    return reactionBar(m, { own, who: (m.from && m.from.nick) || msg('message.someone'), mine: m.mine || [],
      onReact: (kind, remove) => this.react(m.msg, kind, remove) });
  }

  /** A `reaction` event of the room. */
  onEvent(ev) {
    const li = this.item(ev.msg);
    const me = this.view.me;
    if (!applyReaction(li, ev, Boolean(me && ev.member && ev.member.id === me.id))) return;
    this.keep(li);
    const nick = li.querySelector('.message-nick');
    const said = announcement(ev, li.classList.contains('own'), nick ? nick.textContent : msg('message.someone'));
    if (!said) return;
    put(this.announcer, said);
    // Emptied again after a while, so a later switch of language does not say an old count anew.
    clearTimeout(this.timer);
    this.timer = setTimeout(() => put(this.announcer, ''), 8000);
  }

  /** Gives or takes back this member's reaction {@code kind} to message {@code msgId}. */
  async react(msgId, kind, remove) {
    const view = this.view;
    if (!view.room) return;
    const request = { type: 'react', room: view.room, msg: msgId, reaction: kind };
    if (remove) request.remove = true;
    const reply = await view.conn.request(request);
    if (reply.type === 'error') {
      view.feedback.error(reply);
      return;
    }
    // Already as asked (so nothing was announced): the button still shows what this member holds now.
    const li = this.item(msgId);
    if (applyReaction(li, { reaction: kind, removed: remove }, true)) this.keep(li);
  }

  item(msgId) {
    return this.view.list.querySelector('li.message[data-msg="' + CSS.escape(msgId) + '"]');
  }

  /** Keeps a message's counts and this member's reactions for a reload (tab-state.js). */
  keep(li) {
    const kept = this.view.shown.find(m => m.msg === li.dataset.msg);
    if (kept) {
      kept.reactions = shownCounts(li);
      kept.mine = mineOf(li);
    }
  }
}
