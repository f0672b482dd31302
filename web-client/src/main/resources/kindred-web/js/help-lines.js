// Crisis lines that never depend on the WebSocket: GET /api/crisis-lines (no session, works for a
// banned person too) and a copy kept in localStorage, so "I need help now" still shows lines when
// the server cannot be reached at all. The copy holds only public directory data (names, numbers,
// links), never anything the person typed.
const KEY = 'kindred.crisisLines';
const TIMEOUT_MS = 4000;

function query(region, lang, level) {
  const p = new URLSearchParams();
  if (region && /^[A-Za-z]{2}$/.test(region)) p.set('region', region);
  if (lang && /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8}){0,4}$/.test(lang) && lang.length <= 35) p.set('lang', lang);
  if (level) p.set('level', level);
  const s = p.toString();
  return s ? '?' + s : '';
}

function readCopies() {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) || 'null');
    return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
  } catch {
    return {};
  }
}

function keep(key, lines) {
  try {
    // One copy per region/language asked for; a handful at most, the newest wins.
    const copies = readCopies();
    copies[key] = { savedAt: Date.now(), lines };
    const newest = Object.entries(copies).sort((a, b) => b[1].savedAt - a[1].savedAt).slice(0, 4);
    localStorage.setItem(KEY, JSON.stringify(Object.fromEntries(newest)));
  } catch {
    // storage full or disabled: the next press fetches again
  }
}

function valid(lines) {
  return lines && Array.isArray(lines.resources) && lines.resources.length > 0;
}

/**
 * The lines for a region and language: fresh from the server when it answers within a few
 * seconds (and kept), otherwise the kept copy for the same region and language, otherwise the
 * newest kept copy. Never rejects.
 *
 * @param {string|null} region ISO 3166 alpha-2, may be null
 * @param {string|null} lang BCP 47 tag such as en-GB, may be null
 * @returns {Promise<{lines: object, fromCopy: boolean}|null>} lines has the shape of a `crisis` event
 */
export async function crisisLines(region, lang) {
  const key = query(region, lang);
  try {
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), TIMEOUT_MS);
    const res = await fetch('/api/crisis-lines' + key, { headers: { Accept: 'application/json' }, signal: ctl.signal });
    clearTimeout(timer);
    if (res.ok) {
      const lines = await res.json();
      if (valid(lines)) {
        keep(key, lines);
        return { lines, fromCopy: false };
      }
    }
  } catch {
    // offline, server down or too slow: use the copy
  }
  const copies = readCopies();
  const same = copies[key];
  if (same && valid(same.lines)) return { lines: same.lines, fromCopy: true };
  const newest = Object.values(copies).filter(c => c && valid(c.lines)).sort((a, b) => b.savedAt - a.savedAt)[0];
  return newest ? { lines: newest.lines, fromCopy: true } : null;
}
