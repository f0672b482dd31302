// Entry point of moderator.html: sign-in, then a Connection with `auth`, `mod.watch ["*"]`
// and `mod.queue`, feeding the console.
import { byId } from './dom.js';
import { Connection } from './connection.js';
import { ConnectionStatus } from './connection-status.js';
import { Feedback } from './feedback.js';
import { login, savedToken, savedUser, forgetToken } from './mod-login.js';
import { Actions } from './mod-actions.js';
import { Feeds } from './mod-feeds.js';
import { ModRooms } from './mod-rooms.js';
import { Sanctions } from './mod-sanctions.js';
import { Bans } from './mod-bans.js';
import { Chime } from './chime.js';
import { initI18n, helloLocale as locale, msg, put, mountSwitcher, onLanguageChange } from './i18n.js';
import { Reach } from './mod-reach.js';
import { StaffOnline } from './mod-staff.js';
import { levelName } from './mod-member.js';

// The console speaks the moderator's language before anything is drawn (catalogs in ../i18n/).
await initI18n();
mountSwitcher(byId('lang-select'));

const status = new ConnectionStatus(byId('conn-status'));
const feedback = new Feedback(byId('console-feedback'));
const chime = new Chime(byId('sound-toggle'));
let conn = null;
let refresher = null;
let sanctions = null; // one list per tab, kept across sign-in connections
let reach = null; // the private conversation panel (mod-reach.js), one per tab
const staffOnline = new StaffOnline(); // admins only: who is on duty (mod-staff.js)
let redraw = () => {}; // draws the lists again in another language (set by start())

// Another language: the page is re-translated in place (i18n.js); lists built from data are drawn again.
onLanguageChange(() => redraw());

byId('login-form').addEventListener('submit', async e => {
  e.preventDefault();
  const user = byId('login-user').value.trim();
  const password = byId('login-password').value;
  if (!user || !password) {
    put(byId('login-error'), msg('login.missing'));
    return;
  }
  put(byId('login-error'), '');
  const result = await login(user, password);
  byId('login-password').value = '';
  if (result.error) {
    put(byId('login-error'), result.error);
    byId('login-password').focus();
    return;
  }
  start(result.token);
});

byId('sign-out').addEventListener('click', () => {
  forgetToken();
  staffOnline.stop();
  if (sanctions) sanctions.forget();
  if (conn) conn.stop();
  conn = null;
  showLogin(msg('login.signedOut'));
});

function showLogin(message) {
  byId('console').hidden = true;
  byId('login').hidden = false;
  byId('sign-out').hidden = true;
  byId('sound-toggle').hidden = true;
  put(byId('login-error'), message || '');
  setTitle(0, false);
  byId('login-user').focus();
}

function start(token) {
  conn = new Connection({ hello: () => ({ auth: token, locale: locale() }) });
  const actions = new Actions(conn, (text, tone) => feedback.show(text, { tone: tone || 'info' }));
  actions.sanctions = sanctions || (sanctions = new Sanctions(actions));
  actions.sanctions.actions = actions;
  reach = reach || new Reach({ panel: byId('reach-panel'), announcer: byId('mod-announcer') });
  reach.use(conn, actions);
  const feeds = new Feeds(actions, {
    me: savedUser(),
    onReach: e => reach.reach(e),
    onClaimedByOther: e => {
      put(byId('mod-announcer'), msg(e.room ? 'console.claimedByOtherIn' : 'console.claimedByOther',
        { who: e.claimedBy || msg('console.anotherModerator'), level: levelName(e.level), room: e.room || '' }));
    },
    onChange: ({ imminent, urgent }) => {
      setTitle(urgent, imminent > 0);
    },
    onNewUrgent: e => {
      put(byId('mod-announcer'), msg(e.room ? 'console.newEscalationIn' : 'console.newEscalation',
        { level: levelName(e.level), room: e.room || '' }));
      if (e.level === 'imminent') chime.play();
    },
  });
  const rooms = new ModRooms(conn, actions);
  const bans = new Bans(conn, actions);
  actions.onBans = () => bans.refresh();
  redraw = () => {
    feeds.renderAll();
    actions.sanctions.render();
    if (conn && conn.isOpen) {
      rooms.refresh();
      if (actions.moderates) bans.refresh();
    }
  };

  conn.addEventListener('state', e => status.update(e.detail.state, e.detail.code));
  conn.addEventListener('helloerror', e => {
    const err = e.detail.error;
    conn.stop();
    conn = null;
    if (err.code === 'unauthorized') forgetToken();
    staffOnline.stop();
    showLogin(err.code === 'unauthorized' ? msg('login.expired') : err.message);
  });
  conn.addEventListener('welcome', async ({ detail }) => {
    if (detail.welcome.member.role === 'member') {
      conn.stop();
      forgetToken();
      showLogin(msg('login.notStaff'));
      return;
    }
    // A peer supporter's console shows only what the server lets a supporter do (see showRole).
    showRole(detail.welcome.member.role, actions);
    if (detail.welcome.member.role !== 'admin') staffOnline.stop();
    const firstTime = byId('console').hidden;
    byId('login').hidden = true;
    byId('console').hidden = false;
    byId('sign-out').hidden = false;
    byId('sound-toggle').hidden = false;
    if (firstTime) byId('console-title').focus();
    const watch = await conn.request({ type: 'mod.watch', rooms: ['*'] });
    if (watch.type === 'error') feedback.error(watch);
    // Admins also see who is on duty (GET /api/staff/online with this token), read once the watch
    // is answered: watching is what puts this console on duty, so the first reading lists the admin.
    if (detail.welcome.member.role === 'admin') staffOnline.start(token);
    const queue = await conn.request({ type: 'mod.queue' });
    if (queue.type === 'queue') {
      feeds.load(queue);
      reach.focusFromHash();
    } else {
      feedback.error(queue);
    }
    await rooms.refresh();
    if (actions.moderates) await bans.refresh();
    if (rooms.watching && !detail.resumed) {
      const room = rooms.watching;
      rooms.watching = null;
      rooms.watch(room, rooms.watchingTitle || room);
    }
  });
  conn.addEventListener('message', ({ detail }) => {
    const msg = detail.msg;
    if (reach.onEvent(msg)) return;
    if (feeds.onEvent(msg)) return;
    if (rooms.onEvent(msg)) return;
    if (msg.type === 'kicked' && msg.room === rooms.watching) {
      rooms.watching = null;
      byId('live-room').hidden = true;
    }
  });
  clearInterval(refresher);
  refresher = setInterval(() => {
    // titles and bans made in other consoles; counts and locks are live (mod.room)
    if (conn && conn.isOpen) {
      rooms.refresh();
      if (actions.moderates) bans.refresh();
    }
  }, 30000);
  conn.start();
}

/**
 * Fits the console to the signed-in role: a peer supporter (role `supporter`) gets the peer
 * support title and none of the moderators' panels or buttons (held messages, alerts, mutes,
 * bans, room controls, delete and member actions), which the server would refuse anyway.
 */
function showRole(role, actions) {
  const supporter = role === 'supporter';
  actions.moderates = !supporter;
  document.body.dataset.staffRole = role;
  for (const node of document.querySelectorAll('[data-moderators-only]')) node.hidden = supporter;
  put(byId('console-title'), msg(supporter ? 'console.titleSupporter' : 'console.title'));
  put(byId('console-badge'), msg(supporter ? 'console.badgeSupporter' : 'console.badge'));
}

/** The tab's title: "(2!) Kindred moderators" while 2 people wait for help, one of them at imminent risk. */
function setTitle(urgent, imminent) {
  put(document.querySelector('title'), urgent
    ? msg('page.console.titleUrgent', { count: urgent, mark: imminent ? '!' : '' }) : msg('page.console.title'));
}

window.addEventListener('hashchange', () => reach && reach.focusFromHash());

const token = savedToken();
if (token) start(token);
else showLogin();
