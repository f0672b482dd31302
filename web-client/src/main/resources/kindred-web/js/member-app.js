// Entry point of the member page (index.html): wires the landing page, the room, the help
// button and the crisis card to one Connection. A reload of the tab resumes the same session
// (token in sessionStorage, see tab-state.js): same member, same room, same conversation.
import { byId } from './dom.js';
import { Connection } from './connection.js';
import { Landing } from './landing.js';
import { RoomView } from './room-view.js';
import { CrisisCard } from './crisis-card.js';
import { Feedback } from './feedback.js';
import { initI18n, helloLocale as locale, msg, mountSwitcher, onLanguageChange } from './i18n.js';
import { ConnectionStatus } from './connection-status.js';
import { loadTab, saveTab, clearTab } from './tab-state.js';
import { crisisLines } from './help-lines.js';
import { CheckIns } from './checkin.js';
import { MemberInvites } from './member-invite.js';

// The page speaks the person's language before anything is drawn (catalogs in ../i18n/).
await initI18n();
mountSwitcher(byId('lang-select'));

const landingFeedback = new Feedback(byId('landing-feedback'));
const helpFeedback = new Feedback(byId('help-feedback'));
const crisis = new CrisisCard(byId('crisis-slot'), byId('crisis-announcer'));
const status = new ConnectionStatus(byId('conn-status'));
const checkins = new CheckIns({ slot: byId('checkin-slot'), announcer: byId('crisis-announcer'),
  connection: () => conn });

let conn = null;
let room = null;
let view = null; // the one RoomView (its listeners are added once), handed each new connection
let current = null; // {room, nick, title, topic} while in a room
let invites = null; // a staff member's invitation and the private conversation (member-invite.js)

const landing = new Landing({
  onJoin: (roomId, nick) => join(roomId, nick),
  onRegionChange: () => {
    crisisLines(landing.regionCode, locale()); // keep a copy for the new region too
    // The region is part of hello; a new one needs a new session (outside rooms only).
    if (conn && !current) {
      conn.stop();
      conn = null;
      room = null;
      clearTab();
    }
  },
});

function connection(resume) {
  if (conn) return conn;
  conn = new Connection({ hello: () => ({ locale: locale(), region: landing.regionCode }), resume });
  room = view || (view = new RoomView(conn, { onLeft: left }));
  room.conn = conn;
  checkins.attach(conn);
  if (invites) invites.use(conn);
  else invites = new MemberInvites(conn, { slot: byId('invite-slot'), panel: byId('private-chat'),
    announcer: byId('invite-announcer'), feedback: helpFeedback });
  conn.addEventListener('message', e => onEvent(e.detail.msg));
  conn.addEventListener('state', e => onState(e.detail));
  conn.addEventListener('welcome', e => onWelcome(e.detail));
  conn.addEventListener('helloerror', e => {
    const err = e.detail.error;
    (current ? room.feedback : landingFeedback).error(err);
  });
  return conn;
}

async function join(roomId, nick) {
  // A connection closed for good (a ban that has since been lifted, a refused hello) is never
  // reused: a new one says hello again and gets a fresh answer.
  if (conn && conn.stopped) {
    conn = null;
    room = null;
  }
  const c = connection();
  landingFeedback.show(msg('member.joining'));
  const refused = new Promise(resolve => c.addEventListener('helloerror', e => resolve(e.detail.error), { once: true }));
  const welcome = await Promise.race([c.start(), refused, wait(15000)]);
  if (welcome && welcome.type === 'error') {
    if (c.stopped && conn === c) {
      conn = null;
      room = null;
    }
    return; // the helloerror handler has already said why
  }
  if (!welcome) {
    landingFeedback.show(msg('member.unreachable'), { tone: 'warn' });
    return;
  }
  const reply = await c.request({ type: 'join', room: roomId, nick });
  if (reply.type === 'error') {
    landingFeedback.clear();
    if (reply.code === 'nick_invalid' || reply.code === 'nick_taken') {
      landing.nickError(reply.message);
    } else {
      landing.roomError(roomId, reply.message);
      landingFeedback.error(reply);
    }
    return;
  }
  landingFeedback.clear();
  crisisLines(landing.regionCode, locale()); // a copy for this region, for a press without the server
  const summary = (await roomSummary(roomId)) || { title: roomId, topic: '' };
  current = { room: roomId, nick, title: summary.title, topic: summary.topic };
  landing.hide();
  room.setTitle(summary.title, summary.topic);
  room.open(reply, nick);
  saveTab({ session: c.session, memberId: c.memberId, current });
  byId('room-title').focus();
}

/** After a reload: show the room as it was at once, then resume the session behind it. */
function resumeTab(saved) {
  current = saved.current;
  const c = connection({ session: saved.session, memberId: saved.memberId });
  landing.hide();
  room.setTitle(current.title, current.topic);
  room.open({ ...saved.joined, history: saved.messages || [] }, current.nick);
  if (saved.crisis) crisis.show(saved.crisis);
  c.start();
  refreshCount(current.room);
}

async function refreshCount(roomId) {
  try {
    const res = await fetch('/api/rooms', { headers: { Accept: 'application/json' } });
    const r = ((await res.json()).rooms || []).find(x => x.room === roomId);
    if (r && current && current.room === roomId) room.setCount(r.members);
  } catch {
    // the count is refreshed by the next presence event anyway
  }
}

// Keep what a reload needs; only while in a room.
window.addEventListener('pagehide', () => {
  const snap = current && room ? room.snapshot() : null;
  if (!snap || !conn || !conn.session) return;
  saveTab({ session: conn.session, memberId: conn.memberId, current, joined: snap.joined, messages: snap.messages,
    crisis: crisis.visible ? crisis.last : null });
});

async function roomSummary(roomId) {
  const card = document.querySelector('button[data-room="' + CSS.escape(roomId) + '"]');
  const li = card ? card.closest('li') : null;
  if (li) return { title: li.querySelector('h3').textContent, topic: li.querySelector('.room-topic').textContent };
  return null;
}

function left(message) {
  current = null;
  clearTab(); // left deliberately (or removed): a reload starts on the landing page
  landing.show();
  if (message) landingFeedback.show(message, { tone: 'info' });
  byId('landing-title').setAttribute('tabindex', '-1');
  byId('landing-title').focus();
}

function onEvent(ev) {
  if (invites && invites.onEvent(ev)) return;
  if (ev.type === 'crisis') {
    crisis.show(ev, { focus: checkins.takeCardFocus() });
    return;
  }
  if (room && room.onEvent(ev)) return;
  if (ev.type === 'notice' && !ev.room) {
    (current ? room.feedback : landingFeedback).show(ev.text);
  }
}

function onState({ state, code }) {
  status.update(state, code);
  if (room) room.setOffline(state !== 'open');
  if (state === 'closed' && code === 4003) {
    clearTab();
    if (current) {
      room.close();
      current = null;
      landing.show();
    }
    landingFeedback.show(msg('member.banned'), { tone: 'warn' });
  } else if (state === 'closed' && code === 1008) {
    landingFeedback.show(msg('member.closed'), { tone: 'warn' });
  }
}

async function onWelcome({ resumed }) {
  if (current) saveTab({ session: conn.session, memberId: conn.memberId });
  if (!current || resumed) return;
  // The session could not be resumed (it expired): join again; history fills the gap.
  const reply = await conn.request({ type: 'join', room: current.room, nick: current.nick });
  if (reply.type === 'joined') {
    room.open(reply, current.nick);
    room.feedback.show(msg('member.rejoined'), { tone: 'info' });
  } else {
    room.feedback.error(reply);
  }
}

// "I need help now" works whatever the state of the WebSocket: when the connection is open the
// server answers `help` (a moderator hears of it); otherwise — offline, server down, banned —
// the lines come from /api/crisis-lines or the copy kept from it, with a plain sentence saying
// that a moderator cannot be reached right now.
const NO_MODERATOR = msg('help.noModerator');
let helpBusy = false;

byId('help-button').addEventListener('click', async () => {
  if (helpBusy) return;
  helpBusy = true;
  try {
    await askForHelp();
  } finally {
    helpBusy = false;
  }
});

async function askForHelp() {
  helpFeedback.show(msg('help.getting'));
  const fallback = crisisLines(landing.regionCode, locale()); // at once, in parallel
  let reply = null;
  const usable = !conn || !conn.stopped;
  if (usable) {
    const c = connection();
    const welcome = c.isOpen ? true : await Promise.race([c.start(), wait(3000)]);
    if (welcome && c.isOpen) {
      reply = await Promise.race([c.request(current ? { type: 'help', room: current.room } : { type: 'help' }),
        wait(5000)]);
    }
  }
  if (reply && reply.type === 'crisis') {
    helpFeedback.clear();
    crisis.show(reply, { focus: true });
    return;
  }
  const got = await fallback;
  if (got) {
    helpFeedback.clear();
    crisis.show(got.lines, { focus: true, note: NO_MODERATOR });
  } else {
    helpFeedback.show(msg('help.failed'), { tone: 'warn' });
  }
}

function wait(ms) {
  return new Promise(resolve => setTimeout(() => resolve(null), ms));
}

const saved = loadTab();
if (saved && saved.current && saved.joined) resumeTab(saved);
else landing.show();
// Another language: the page is already re-translated in place (i18n.js); the lists drawn from data
// are drawn again. With nothing to lose (no room, private conversation or planned check-in) the
// connection starts afresh, so the next hello carries the new locale and the server's sentences
// follow; otherwise the session is kept, and the server keeps the language it was opened in.
onLanguageChange(() => {
  landing.relocalize();
  crisisLines(landing.regionCode, locale());
  const busy = current || checkins.planned || (invites && (invites.invite || invites.chat.isOpen));
  if (conn && !busy && !conn.stopped) {
    conn.stop();
    conn = null;
    room = null;
    clearTab();
  }
});

// Keep a copy of the lines now, while the server can be reached, for a press later without it.
crisisLines(landing.regionCode, locale());
