// The interface's words in the person's language. One JSON catalog per language in ../i18n/
// (en, es, de, fr), fetched at start; no build step. English is the fallback for a missing key.
//
// Chosen from the browser's languages (navigator.languages), or from the switcher in the top bar,
// which remembers the choice for this tab (sessionStorage). Switching re-translates the page in
// place: every node whose words came from a catalog carries its key (data-i18n, data-i18n-<attr>)
// and its parameters (data-i18n-args), so nothing on screen (the conversation included) is lost.
//
// Catalog values are strings with {name} placeholders, or plural forms {"one": …, "other": …}
// picked with Intl.PluralRules by the `count` parameter. A parameter may itself be a message
// ({k, a}), a duration ({dur: seconds}) or a clock time ({time: ms}); these are formatted in the
// language shown, so they follow a switch too.

export const LANGUAGES = Object.freeze([
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
  { code: 'de', name: 'Deutsch' },
  { code: 'fr', name: 'Français' },
]);
const CODES = LANGUAGES.map(l => l.code);
const STORE_KEY = 'kindred.lang';
const ATTRS = ['aria-label', 'placeholder', 'title', 'alt', 'content'];

let current = 'en';
let catalog = {};
let english = {};
const listeners = new Set();
const cache = new Map();

/** A message to be translated where it is shown: {k: key, a: parameters}. */
export function msg(k, a) {
  return a === undefined ? { k } : { k, a };
}

/** True for a value made by {@link msg}. */
export function isMsg(v) {
  return v !== null && typeof v === 'object' && typeof v.k === 'string';
}

/** The language shown now: 'en', 'es', 'de' or 'fr'. */
export function language() {
  return current;
}

/**
 * The language to show: the one chosen in this tab, else the first of the browser's languages
 * Kindred has, else English.
 */
export function preferredLanguage(prefs = navigator.languages || [navigator.language], saved = savedChoice()) {
  if (saved && CODES.includes(saved)) return saved;
  for (const tag of prefs || []) {
    const primary = String(tag || '').toLowerCase().split(/[-_]/)[0];
    if (CODES.includes(primary)) return primary;
  }
  return 'en';
}

/**
 * The BCP 47 tag sent as hello.locale: the browser's own tag when it is in the language shown
 * (es-MX keeps its region), else the language's code.
 */
export function helloLocale() {
  for (const tag of navigator.languages || [navigator.language]) {
    if (String(tag || '').toLowerCase().split(/[-_]/)[0] === current) {
      try {
        return new Intl.Locale(tag).toString();
      } catch {
        break;
      }
    }
  }
  return current;
}

/** Loads the catalogs and translates the page; resolves when the page speaks its language. */
export async function initI18n() {
  english = (await load('en')) || {};
  await use(preferredLanguage());
}

/** Switches to {@code code}, remembers it for this tab and re-translates the page. */
export async function setLanguage(code) {
  if (!CODES.includes(code)) return;
  try {
    sessionStorage.setItem(STORE_KEY, code);
  } catch {
    // storage disabled: the choice holds until the next reload
  }
  if (code === current) return;
  await use(code);
  for (const fn of listeners) fn(code);
}

/** Calls {@code fn(code)} after every switch of language. */
export function onLanguageChange(fn) {
  listeners.add(fn);
}

/**
 * The words of {@code key} in the language shown (English when this language lacks it, the key
 * itself when no catalog has it).
 */
export function t(key, params) {
  let v = Object.prototype.hasOwnProperty.call(catalog, key) ? catalog[key] : english[key];
  if (v === undefined) return key;
  if (v && typeof v === 'object') {
    const n = params && typeof params.count === 'number' ? params.count : 0;
    v = v[new Intl.PluralRules(current).select(n)] ?? v.other;
  }
  return String(v).replace(/\{(\w+)\}/g, (all, name) =>
    params && Object.prototype.hasOwnProperty.call(params, name) ? format(params[name]) : all);
}

/** Text of a string or of a {@link msg}. */
export function text(v) {
  return isMsg(v) ? t(v.k, v.a) : v === null || v === undefined ? '' : String(v);
}

/** Sets {@code node}'s text: a {@link msg} is translated (and follows a switch), a string is shown as it is. */
export function put(node, v) {
  if (isMsg(v)) {
    node.dataset.i18n = v.k;
    setArgs(node, v.a);
    node.textContent = t(v.k, v.a);
  } else {
    delete node.dataset.i18n;
    node.textContent = v === null || v === undefined ? '' : String(v);
  }
  return node;
}

/** Sets an attribute the same way as {@link put}. */
export function putAttr(node, attr, v) {
  const data = 'data-i18n-' + attr;
  if (isMsg(v)) {
    node.setAttribute(data, v.k);
    setArgs(node, v.a);
    node.setAttribute(attr, t(v.k, v.a));
  } else {
    node.removeAttribute(data);
    node.setAttribute(attr, String(v));
  }
  return node;
}

/** Re-translates every keyed node under {@code root} and re-formats clock times. */
export function applyTranslations(root = document) {
  const args = node => {
    try {
      return node.dataset.i18nArgs ? JSON.parse(node.dataset.i18nArgs) : undefined;
    } catch {
      return undefined;
    }
  };
  // A key no catalog has (the catalogs could not be fetched) leaves the words the node has: the
  // HTML's own English, never a bare key.
  for (const node of root.querySelectorAll('[data-i18n]')) {
    if (known(node.dataset.i18n)) node.textContent = t(node.dataset.i18n, args(node));
  }
  for (const attr of ATTRS) {
    for (const node of root.querySelectorAll('[data-i18n-' + attr + ']')) {
      const key = node.getAttribute('data-i18n-' + attr);
      if (known(key)) node.setAttribute(attr, t(key, args(node)));
    }
  }
  for (const node of root.querySelectorAll('time[data-clock][datetime]')) {
    node.textContent = clock(Date.parse(node.getAttribute('datetime')));
  }
}

/** "14:05" or "2:05 PM", as the language shown writes it (in the browser's region: en-GB says 14:05). */
export function clock(ms) {
  return new Intl.DateTimeFormat(helloLocale(), { hour: '2-digit', minute: '2-digit' }).format(new Date(ms));
}

/** "45 seconds", "3 minutes", "2 hours", "4 days" in the language shown. */
export function duration(seconds) {
  const s = Math.max(0, Math.round(seconds));
  const [n, unit] = s < 60 ? [s, 'second'] : s < 3600 ? [Math.round(s / 60), 'minute']
    : s < 86400 ? [Math.round(s / 3600), 'hour'] : [Math.round(s / 86400), 'day'];
  return new Intl.NumberFormat(helloLocale(), { style: 'unit', unit, unitDisplay: 'long' }).format(n);
}

/**
 * Wires the page's language switcher: a labelled {@code <select>} (in the HTML, one option per
 * language, each named in its own language) that shows the language in use and switches on change.
 */
export function mountSwitcher(select) {
  select.value = current;
  select.addEventListener('change', () => setLanguage(select.value));
  onLanguageChange(code => { select.value = code; });
  return select;
}

async function use(code) {
  const loaded = code === 'en' ? english : await load(code);
  current = loaded ? code : 'en';
  catalog = loaded || english;
  document.documentElement.lang = current;
  applyTranslations(document);
}

async function load(code) {
  if (cache.has(code)) return cache.get(code);
  try {
    const res = await fetch(new URL('../i18n/' + code + '.json', import.meta.url), { headers: { Accept: 'application/json' } });
    const body = res.ok ? await res.json() : null;
    const ok = body && typeof body === 'object' ? body : null;
    if (ok) cache.set(code, ok);
    return ok;
  } catch {
    return null; // offline and never loaded: the page stays in the language it has
  }
}

function known(key) {
  return Object.prototype.hasOwnProperty.call(catalog, key) || Object.prototype.hasOwnProperty.call(english, key);
}

function savedChoice() {
  try {
    return sessionStorage.getItem(STORE_KEY);
  } catch {
    return null;
  }
}

function setArgs(node, a) {
  // One node may carry several keys (its text and an aria-label): their parameters are merged.
  if (a === undefined || a === null) return;
  let before = {};
  try {
    before = node.dataset.i18nArgs ? JSON.parse(node.dataset.i18nArgs) : {};
  } catch {
    before = {};
  }
  node.dataset.i18nArgs = JSON.stringify({ ...before, ...a });
}

function format(v) {
  if (isMsg(v)) return t(v.k, v.a);
  if (v && typeof v === 'object' && typeof v.dur === 'number') return duration(v.dur);
  if (v && typeof v === 'object' && typeof v.time === 'number') return clock(v.time);
  if (typeof v === 'number') return new Intl.NumberFormat(helloLocale()).format(v);
  return v === null || v === undefined ? '' : String(v);
}
