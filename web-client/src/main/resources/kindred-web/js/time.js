// Formatting of times and durations for people, with Intl in the language shown (i18n.js).
import { clock, duration as spoken } from './i18n.js';

/** A clock time such as "14:05"; put it in a <time data-clock datetime=…> so a switch of language re-formats it. */
export function clockTime(ts) {
  return clock(ts);
}

export function isoTime(ts) {
  return new Date(ts).toISOString();
}

/** "45 seconds", "3 minutes", "2 hours", "4 days" (as a string, in the language shown now). */
export function duration(seconds) {
  return spoken(seconds);
}

/** A duration as a message parameter, so it follows a switch of language. */
export function dur(seconds) {
  return { dur: seconds };
}

/** A clock time as a message parameter, so it follows a switch of language. */
export function at(ts) {
  return { time: ts };
}
